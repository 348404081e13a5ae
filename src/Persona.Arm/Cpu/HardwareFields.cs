namespace Persona.Arm.Cpu;

/// <summary>The exception classes (ESR_ELx.EC, bits [31:26]) this core raises.</summary>
public enum ExceptionClass
{
    /// <summary>Unknown reason: undefined or unallocated instruction.</summary>
    Unknown = 0x00,

    /// <summary>WFI or WFE trapped.</summary>
    WfxTrap = 0x01,

    /// <summary>FP/SIMD access trapped by CPACR_EL1.FPEN or CPTR_EL2.TFP.</summary>
    FpAccessTrap = 0x07,

    /// <summary>Illegal execution state (PSTATE.IL set by an illegal exception return).</summary>
    IllegalState = 0x0E,

    /// <summary>SVC executed in AArch64.</summary>
    Svc64 = 0x15,

    /// <summary>HVC executed in AArch64.</summary>
    Hvc64 = 0x16,

    /// <summary>SMC executed in AArch64, trapped by HCR_EL2.TSC.</summary>
    Smc64 = 0x17,

    /// <summary>MSR, MRS or system instruction trapped.</summary>
    SystemRegisterTrap = 0x18,

    /// <summary>Instruction abort from a lower exception level.</summary>
    InstructionAbortLowerEl = 0x20,

    /// <summary>Instruction abort taken without a change of exception level.</summary>
    InstructionAbortSameEl = 0x21,

    /// <summary>PC alignment fault.</summary>
    PcAlignment = 0x22,

    /// <summary>Data abort from a lower exception level.</summary>
    DataAbortLowerEl = 0x24,

    /// <summary>Data abort taken without a change of exception level.</summary>
    DataAbortSameEl = 0x25,

    /// <summary>SP alignment fault.</summary>
    SpAlignment = 0x26,

    /// <summary>SError interrupt.</summary>
    SError = 0x2F,

    /// <summary>BRK instruction executed in AArch64.</summary>
    Brk64 = 0x3C,
}

/// <summary>HCR_EL2 bits the core acts on.</summary>
[Flags]
public enum HcrBits : ulong
{
    /// <summary>No bits.</summary>
    None = 0,

    /// <summary>Stage-2 translation enable for EL1&amp;0.</summary>
    VM = 1UL << 0,

    /// <summary>Route physical FIQ to EL2; enable virtual FIQ.</summary>
    FMO = 1UL << 3,

    /// <summary>Route physical IRQ to EL2; enable virtual IRQ.</summary>
    IMO = 1UL << 4,

    /// <summary>Route physical SError to EL2; enable virtual SError.</summary>
    AMO = 1UL << 5,

    /// <summary>Virtual FIQ pending.</summary>
    VF = 1UL << 6,

    /// <summary>Virtual IRQ pending.</summary>
    VI = 1UL << 7,

    /// <summary>Virtual SError pending.</summary>
    VSE = 1UL << 8,

    /// <summary>Force broadcast of EL1 TLB and instruction-cache maintenance.</summary>
    FB = 1UL << 9,

    /// <summary>Trap WFI from EL0/EL1.</summary>
    TWI = 1UL << 13,

    /// <summary>Trap WFE from EL0/EL1.</summary>
    TWE = 1UL << 14,

    /// <summary>Trap ID group 1 registers.</summary>
    TID1 = 1UL << 16,

    /// <summary>Trap ID group 2 registers (cache identification).</summary>
    TID2 = 1UL << 17,

    /// <summary>Trap ID group 3 registers (ID_AA64*).</summary>
    TID3 = 1UL << 18,

    /// <summary>Trap SMC from EL1.</summary>
    TSC = 1UL << 19,

    /// <summary>Trap ACTLR_EL1 accesses.</summary>
    TACR = 1UL << 21,

    /// <summary>Trap data cache set/way maintenance.</summary>
    TSW = 1UL << 22,

    /// <summary>Trap data cache maintenance to the point of coherency.</summary>
    TPC = 1UL << 23,

    /// <summary>Trap cache maintenance to the point of unification.</summary>
    TPU = 1UL << 24,

    /// <summary>Trap TLB maintenance from EL1.</summary>
    TTLB = 1UL << 25,

    /// <summary>Trap writes of the virtual-memory control registers.</summary>
    TVM = 1UL << 26,

    /// <summary>Trap general exceptions from EL0 to EL2.</summary>
    TGE = 1UL << 27,

    /// <summary>Trap DC ZVA.</summary>
    TDZ = 1UL << 28,

    /// <summary>HVC disable: HVC is undefined.</summary>
    HCD = 1UL << 29,

    /// <summary>Trap reads of the virtual-memory control registers.</summary>
    TRVM = 1UL << 30,

    /// <summary>EL1 is AArch64.</summary>
    RW = 1UL << 31,
}

/// <summary>SCTLR_ELx bits the core acts on.</summary>
[Flags]
public enum SctlrBits : ulong
{
    /// <summary>No bits.</summary>
    None = 0,

    /// <summary>Stage-1 MMU enable.</summary>
    M = 1UL << 0,

    /// <summary>Alignment check enable.</summary>
    A = 1UL << 1,

    /// <summary>SP alignment check at the regime's own EL.</summary>
    SA = 1UL << 3,

    /// <summary>SP alignment check at EL0.</summary>
    SA0 = 1UL << 4,

    /// <summary>EL0 may access DAIF.</summary>
    UMA = 1UL << 9,

    /// <summary>EL0 may execute DC ZVA.</summary>
    DZE = 1UL << 14,

    /// <summary>EL0 may read CTR_EL0.</summary>
    UCT = 1UL << 15,

    /// <summary>EL0 WFI is not trapped (0 traps to EL1).</summary>
    nTWI = 1UL << 16,

    /// <summary>EL0 WFE is not trapped (0 traps to EL1).</summary>
    nTWE = 1UL << 18,

    /// <summary>Write permission implies execute-never.</summary>
    WXN = 1UL << 19,

    /// <summary>EL0 may execute cache maintenance to the point of coherency/unification.</summary>
    UCI = 1UL << 26,
}

/// <summary>PSTATE fields as laid out in SPSR_ELx.</summary>
[Flags]
public enum PstateBits : ulong
{
    /// <summary>No bits.</summary>
    None = 0,

    /// <summary>FIQ mask.</summary>
    F = 1UL << 6,

    /// <summary>IRQ mask.</summary>
    I = 1UL << 7,

    /// <summary>SError mask.</summary>
    A = 1UL << 8,

    /// <summary>Debug mask.</summary>
    D = 1UL << 9,

    /// <summary>Illegal execution state.</summary>
    IL = 1UL << 20,

    /// <summary>Overflow flag.</summary>
    V = 1UL << 28,

    /// <summary>Carry flag.</summary>
    C = 1UL << 29,

    /// <summary>Zero flag.</summary>
    Z = 1UL << 30,

    /// <summary>Negative flag.</summary>
    N = 1UL << 31,

    /// <summary>All four exception masks D, A, I, F.</summary>
    Daif = D | A | I | F,

    /// <summary>All four condition flags.</summary>
    Nzcv = N | Z | C | V,
}

/// <summary>The fault status codes (DFSC/IFSC) without the level bits.</summary>
public enum FaultStatus
{
    /// <summary>Address size fault, level in bits [1:0].</summary>
    AddressSize = 0b000000,

    /// <summary>Translation fault, level in bits [1:0].</summary>
    Translation = 0b000100,

    /// <summary>Access flag fault, level in bits [1:0].</summary>
    AccessFlag = 0b001000,

    /// <summary>Permission fault, level in bits [1:0].</summary>
    Permission = 0b001100,

    /// <summary>Synchronous external abort, not on a table walk.</summary>
    ExternalAbort = 0b010000,

    /// <summary>Synchronous external abort on a translation table walk, level in bits [1:0].</summary>
    ExternalAbortOnWalk = 0b010100,

    /// <summary>Alignment fault.</summary>
    Alignment = 0b100001,
}
