namespace Persona.Arm.Cpu;

/// <summary>The system registers the core owns, densely numbered to index its register file (see <see cref="SystemRegisterTable"/>).</summary>
public enum SystemRegister
{
    /// <summary>MIDR_EL1: Main ID (Cortex-A57 r1p0); EL1 reads VPIDR_EL2 instead.</summary>
    MidrEl1,

    /// <summary>MPIDR_EL1: Multiprocessor affinity (0x8000_0000 | core); EL1 reads VMPIDR_EL2 instead.</summary>
    MpidrEl1,

    /// <summary>REVIDR_EL1: Revision ID.</summary>
    RevidrEl1,

    /// <summary>ID_AA64PFR0_EL1: Processor features: EL0-EL2 AArch64 only, no EL3, GICv3 system registers.</summary>
    IdAa64Pfr0El1,

    /// <summary>ID_AA64PFR1_EL1: Processor features 1.</summary>
    IdAa64Pfr1El1,

    /// <summary>ID_AA64DFR0_EL1: Debug features (as Cortex-A57).</summary>
    IdAa64Dfr0El1,

    /// <summary>ID_AA64DFR1_EL1: Debug features 1.</summary>
    IdAa64Dfr1El1,

    /// <summary>ID_AA64AFR0_EL1: Auxiliary features 0.</summary>
    IdAa64Afr0El1,

    /// <summary>ID_AA64AFR1_EL1: Auxiliary features 1.</summary>
    IdAa64Afr1El1,

    /// <summary>ID_AA64ISAR0_EL1: Instruction set attributes: CRC32 and LSE atomics (the only optional extensions implemented).</summary>
    IdAa64Isar0El1,

    /// <summary>ID_AA64ISAR1_EL1: Instruction set attributes 1.</summary>
    IdAa64Isar1El1,

    /// <summary>ID_AA64MMFR0_EL1: Memory model: 44-bit PA, 16-bit ASID, 4 KiB granule only.</summary>
    IdAa64Mmfr0El1,

    /// <summary>ID_AA64MMFR1_EL1: Memory model 1: no VHE, no PAN, no hardware AF/dirty update.</summary>
    IdAa64Mmfr1El1,

    /// <summary>ID_AA64MMFR2_EL1: Memory model 2.</summary>
    IdAa64Mmfr2El1,

    /// <summary>CCSIDR_EL1: Cache size ID of the selected cache.</summary>
    CcsidrEl1,

    /// <summary>CLIDR_EL1: Cache level ID.</summary>
    ClidrEl1,

    /// <summary>AIDR_EL1: Auxiliary ID.</summary>
    AidrEl1,

    /// <summary>CSSELR_EL1: Cache size selection.</summary>
    CsselrEl1,

    /// <summary>CTR_EL0: Cache type.</summary>
    CtrEl0,

    /// <summary>DCZID_EL0: DC ZVA block size: 64 bytes.</summary>
    DczidEl0,

    /// <summary>SCTLR_EL1: System control for EL1&amp;0.</summary>
    SctlrEl1,

    /// <summary>ACTLR_EL1: Auxiliary control for EL1.</summary>
    ActlrEl1,

    /// <summary>CPACR_EL1: Architectural feature access control (FPEN).</summary>
    CpacrEl1,

    /// <summary>TTBR0_EL1: Translation table base 0 for EL1&amp;0.</summary>
    Ttbr0El1,

    /// <summary>TTBR1_EL1: Translation table base 1 for EL1&amp;0.</summary>
    Ttbr1El1,

    /// <summary>TCR_EL1: Translation control for EL1&amp;0.</summary>
    TcrEl1,

    /// <summary>SPSR_EL1: Saved program status for EL1.</summary>
    SpsrEl1,

    /// <summary>ELR_EL1: Exception link register for EL1.</summary>
    ElrEl1,

    /// <summary>SP_EL0: Stack pointer for EL0.</summary>
    SpEl0,

    /// <summary>SPSel: Stack pointer select (PSTATE.SP).</summary>
    SpSel,

    /// <summary>CurrentEL: Current exception level.</summary>
    CurrentEl,

    /// <summary>AFSR0_EL1: Auxiliary fault status 0 for EL1.</summary>
    Afsr0El1,

    /// <summary>AFSR1_EL1: Auxiliary fault status 1 for EL1.</summary>
    Afsr1El1,

    /// <summary>ESR_EL1: Exception syndrome for EL1.</summary>
    EsrEl1,

    /// <summary>FAR_EL1: Fault address for EL1.</summary>
    FarEl1,

    /// <summary>PAR_EL1: Physical address result of AT.</summary>
    ParEl1,

    /// <summary>MAIR_EL1: Memory attribute indirection for EL1&amp;0.</summary>
    MairEl1,

    /// <summary>AMAIR_EL1: Auxiliary memory attribute indirection for EL1&amp;0.</summary>
    AmairEl1,

    /// <summary>VBAR_EL1: Vector base for EL1.</summary>
    VbarEl1,

    /// <summary>CONTEXTIDR_EL1: Context ID for EL1&amp;0.</summary>
    ContextidrEl1,

    /// <summary>TPIDR_EL1: Software thread ID for EL1.</summary>
    TpidrEl1,

    /// <summary>NZCV: The condition flags.</summary>
    Nzcv,

    /// <summary>DAIF: The interrupt masks.</summary>
    Daif,

    /// <summary>FPCR: Floating-point control.</summary>
    Fpcr,

    /// <summary>FPSR: Floating-point status.</summary>
    Fpsr,

    /// <summary>TPIDR_EL0: Software thread ID for EL0.</summary>
    TpidrEl0,

    /// <summary>TPIDRRO_EL0: Read-only (at EL0) software thread ID.</summary>
    TpidrroEl0,

    /// <summary>MDSCR_EL1: Monitor debug system control.</summary>
    MdscrEl1,

    /// <summary>OSLAR_EL1: OS lock access.</summary>
    OslarEl1,

    /// <summary>OSLSR_EL1: OS lock status.</summary>
    OslsrEl1,

    /// <summary>OSDLR_EL1: OS double lock.</summary>
    OsdlrEl1,

    /// <summary>VPIDR_EL2: The MIDR_EL1 value EL1 reads.</summary>
    VpidrEl2,

    /// <summary>VMPIDR_EL2: The MPIDR_EL1 value EL1 reads.</summary>
    VmpidrEl2,

    /// <summary>SCTLR_EL2: System control for EL2.</summary>
    SctlrEl2,

    /// <summary>ACTLR_EL2: Auxiliary control for EL2.</summary>
    ActlrEl2,

    /// <summary>HCR_EL2: Hypervisor configuration.</summary>
    HcrEl2,

    /// <summary>MDCR_EL2: Monitor debug configuration for EL2.</summary>
    MdcrEl2,

    /// <summary>CPTR_EL2: Architectural feature trap for EL2 (TFP).</summary>
    CptrEl2,

    /// <summary>HSTR_EL2: Hypervisor system trap (AArch32 only here).</summary>
    HstrEl2,

    /// <summary>HACR_EL2: Hypervisor auxiliary control.</summary>
    HacrEl2,

    /// <summary>TTBR0_EL2: Translation table base for EL2.</summary>
    Ttbr0El2,

    /// <summary>TCR_EL2: Translation control for EL2.</summary>
    TcrEl2,

    /// <summary>VTTBR_EL2: Stage-2 translation table base and VMID.</summary>
    VttbrEl2,

    /// <summary>VTCR_EL2: Stage-2 translation control.</summary>
    VtcrEl2,

    /// <summary>SPSR_EL2: Saved program status for EL2.</summary>
    SpsrEl2,

    /// <summary>ELR_EL2: Exception link register for EL2.</summary>
    ElrEl2,

    /// <summary>SP_EL1: Stack pointer for EL1.</summary>
    SpEl1,

    /// <summary>AFSR0_EL2: Auxiliary fault status 0 for EL2.</summary>
    Afsr0El2,

    /// <summary>AFSR1_EL2: Auxiliary fault status 1 for EL2.</summary>
    Afsr1El2,

    /// <summary>ESR_EL2: Exception syndrome for EL2.</summary>
    EsrEl2,

    /// <summary>FAR_EL2: Fault address for EL2.</summary>
    FarEl2,

    /// <summary>HPFAR_EL2: Faulting IPA (bits [47:12] at [43:4]) of a stage-2 fault.</summary>
    HpfarEl2,

    /// <summary>MAIR_EL2: Memory attribute indirection for EL2.</summary>
    MairEl2,

    /// <summary>AMAIR_EL2: Auxiliary memory attribute indirection for EL2.</summary>
    AmairEl2,

    /// <summary>VBAR_EL2: Vector base for EL2.</summary>
    VbarEl2,

    /// <summary>TPIDR_EL2: Software thread ID for EL2.</summary>
    TpidrEl2,

    /// <summary>The number of registers (not a register).</summary>
    Count,
}
