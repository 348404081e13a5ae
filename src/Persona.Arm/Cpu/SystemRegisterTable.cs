using System.Collections.Frozen;
using Persona.Arm.Contracts;

namespace Persona.Arm.Cpu;

/// <summary>The one table of core-owned system registers: encoding, name, trap group and reset value.</summary>
/// <remarks>Registers not listed here (GIC ICC/ICV/ICH, generic timer CNT*) belong to the platform's
/// <see cref="ISystemRegisterDevice"/>s, which the core consults after its own trap checks.</remarks>
public static class SystemRegisterTable
{
    /// <summary>All core-owned registers, one row each, in <see cref="SystemRegister"/> order.</summary>
    public static IReadOnlyList<SystemRegisterDefinition> Rows { get; } =
    [
        new(SystemRegister.MidrEl1, "MIDR_EL1", SystemRegisterKey.Of(3, 0, 0, 0, 0), SystemRegisterTraits.ReadOnly, 0x411FD070),
        new(SystemRegister.MpidrEl1, "MPIDR_EL1", SystemRegisterKey.Of(3, 0, 0, 0, 5), SystemRegisterTraits.ReadOnly, 0),
        new(SystemRegister.RevidrEl1, "REVIDR_EL1", SystemRegisterKey.Of(3, 0, 0, 0, 6), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup1, 0),
        new(SystemRegister.IdAa64Pfr0El1, "ID_AA64PFR0_EL1", SystemRegisterKey.Of(3, 0, 0, 4, 0), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0x01000111),
        new(SystemRegister.IdAa64Pfr1El1, "ID_AA64PFR1_EL1", SystemRegisterKey.Of(3, 0, 0, 4, 1), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0),
        new(SystemRegister.IdAa64Dfr0El1, "ID_AA64DFR0_EL1", SystemRegisterKey.Of(3, 0, 0, 5, 0), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0x10305106),
        new(SystemRegister.IdAa64Dfr1El1, "ID_AA64DFR1_EL1", SystemRegisterKey.Of(3, 0, 0, 5, 1), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0),
        new(SystemRegister.IdAa64Afr0El1, "ID_AA64AFR0_EL1", SystemRegisterKey.Of(3, 0, 0, 5, 4), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0),
        new(SystemRegister.IdAa64Afr1El1, "ID_AA64AFR1_EL1", SystemRegisterKey.Of(3, 0, 0, 5, 5), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0),
        new(SystemRegister.IdAa64Isar0El1, "ID_AA64ISAR0_EL1", SystemRegisterKey.Of(3, 0, 0, 6, 0), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0x00210000),
        new(SystemRegister.IdAa64Isar1El1, "ID_AA64ISAR1_EL1", SystemRegisterKey.Of(3, 0, 0, 6, 1), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0),
        new(SystemRegister.IdAa64Mmfr0El1, "ID_AA64MMFR0_EL1", SystemRegisterKey.Of(3, 0, 0, 7, 0), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0x0F001124),
        new(SystemRegister.IdAa64Mmfr1El1, "ID_AA64MMFR1_EL1", SystemRegisterKey.Of(3, 0, 0, 7, 1), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0),
        new(SystemRegister.IdAa64Mmfr2El1, "ID_AA64MMFR2_EL1", SystemRegisterKey.Of(3, 0, 0, 7, 2), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup3, 0),
        new(SystemRegister.CcsidrEl1, "CCSIDR_EL1", SystemRegisterKey.Of(3, 1, 0, 0, 0), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup2, 0x701FE00A),
        new(SystemRegister.ClidrEl1, "CLIDR_EL1", SystemRegisterKey.Of(3, 1, 0, 0, 1), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup2, 0x0A200023),
        new(SystemRegister.AidrEl1, "AIDR_EL1", SystemRegisterKey.Of(3, 1, 0, 0, 7), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup1, 0),
        new(SystemRegister.CsselrEl1, "CSSELR_EL1", SystemRegisterKey.Of(3, 2, 0, 0, 0), SystemRegisterTraits.IdGroup2, 0),
        new(SystemRegister.CtrEl0, "CTR_EL0", SystemRegisterKey.Of(3, 3, 0, 0, 1), SystemRegisterTraits.ReadOnly | SystemRegisterTraits.IdGroup2, 0x8444C004),
        new(SystemRegister.DczidEl0, "DCZID_EL0", SystemRegisterKey.Of(3, 3, 0, 0, 7), SystemRegisterTraits.ReadOnly, 0x4),
        new(SystemRegister.SctlrEl1, "SCTLR_EL1", SystemRegisterKey.Of(3, 0, 1, 0, 0), SystemRegisterTraits.VirtualMemory, 0x00C50838),
        new(SystemRegister.ActlrEl1, "ACTLR_EL1", SystemRegisterKey.Of(3, 0, 1, 0, 1), SystemRegisterTraits.AuxiliaryControl, 0),
        new(SystemRegister.CpacrEl1, "CPACR_EL1", SystemRegisterKey.Of(3, 0, 1, 0, 2), SystemRegisterTraits.None, 0),
        new(SystemRegister.Ttbr0El1, "TTBR0_EL1", SystemRegisterKey.Of(3, 0, 2, 0, 0), SystemRegisterTraits.VirtualMemory, 0),
        new(SystemRegister.Ttbr1El1, "TTBR1_EL1", SystemRegisterKey.Of(3, 0, 2, 0, 1), SystemRegisterTraits.VirtualMemory, 0),
        new(SystemRegister.TcrEl1, "TCR_EL1", SystemRegisterKey.Of(3, 0, 2, 0, 2), SystemRegisterTraits.VirtualMemory, 0),
        new(SystemRegister.SpsrEl1, "SPSR_EL1", SystemRegisterKey.Of(3, 0, 4, 0, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.ElrEl1, "ELR_EL1", SystemRegisterKey.Of(3, 0, 4, 0, 1), SystemRegisterTraits.None, 0),
        new(SystemRegister.SpEl0, "SP_EL0", SystemRegisterKey.Of(3, 0, 4, 1, 0), SystemRegisterTraits.StackPointer, 0),
        new(SystemRegister.SpSel, "SPSel", SystemRegisterKey.Of(3, 0, 4, 2, 0), SystemRegisterTraits.Pstate, 0),
        new(SystemRegister.CurrentEl, "CurrentEL", SystemRegisterKey.Of(3, 0, 4, 2, 2), SystemRegisterTraits.Pstate | SystemRegisterTraits.ReadOnly, 0),
        new(SystemRegister.Afsr0El1, "AFSR0_EL1", SystemRegisterKey.Of(3, 0, 5, 1, 0), SystemRegisterTraits.VirtualMemory, 0),
        new(SystemRegister.Afsr1El1, "AFSR1_EL1", SystemRegisterKey.Of(3, 0, 5, 1, 1), SystemRegisterTraits.VirtualMemory, 0),
        new(SystemRegister.EsrEl1, "ESR_EL1", SystemRegisterKey.Of(3, 0, 5, 2, 0), SystemRegisterTraits.VirtualMemory, 0),
        new(SystemRegister.FarEl1, "FAR_EL1", SystemRegisterKey.Of(3, 0, 6, 0, 0), SystemRegisterTraits.VirtualMemory, 0),
        new(SystemRegister.ParEl1, "PAR_EL1", SystemRegisterKey.Of(3, 0, 7, 4, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.MairEl1, "MAIR_EL1", SystemRegisterKey.Of(3, 0, 10, 2, 0), SystemRegisterTraits.VirtualMemory, 0),
        new(SystemRegister.AmairEl1, "AMAIR_EL1", SystemRegisterKey.Of(3, 0, 10, 3, 0), SystemRegisterTraits.VirtualMemory, 0),
        new(SystemRegister.VbarEl1, "VBAR_EL1", SystemRegisterKey.Of(3, 0, 12, 0, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.ContextidrEl1, "CONTEXTIDR_EL1", SystemRegisterKey.Of(3, 0, 13, 0, 1), SystemRegisterTraits.VirtualMemory, 0),
        new(SystemRegister.TpidrEl1, "TPIDR_EL1", SystemRegisterKey.Of(3, 0, 13, 0, 4), SystemRegisterTraits.None, 0),
        new(SystemRegister.Nzcv, "NZCV", SystemRegisterKey.Of(3, 3, 4, 2, 0), SystemRegisterTraits.Pstate, 0),
        new(SystemRegister.Daif, "DAIF", SystemRegisterKey.Of(3, 3, 4, 2, 1), SystemRegisterTraits.Pstate, 0),
        new(SystemRegister.Fpcr, "FPCR", SystemRegisterKey.Of(3, 3, 4, 4, 0), SystemRegisterTraits.FloatingPoint, 0),
        new(SystemRegister.Fpsr, "FPSR", SystemRegisterKey.Of(3, 3, 4, 4, 1), SystemRegisterTraits.FloatingPoint, 0),
        new(SystemRegister.TpidrEl0, "TPIDR_EL0", SystemRegisterKey.Of(3, 3, 13, 0, 2), SystemRegisterTraits.None, 0),
        new(SystemRegister.TpidrroEl0, "TPIDRRO_EL0", SystemRegisterKey.Of(3, 3, 13, 0, 3), SystemRegisterTraits.None, 0),
        new(SystemRegister.MdscrEl1, "MDSCR_EL1", SystemRegisterKey.Of(2, 0, 0, 2, 2), SystemRegisterTraits.None, 0),
        new(SystemRegister.OslarEl1, "OSLAR_EL1", SystemRegisterKey.Of(2, 0, 1, 0, 4), SystemRegisterTraits.WriteOnly, 0),
        new(SystemRegister.OslsrEl1, "OSLSR_EL1", SystemRegisterKey.Of(2, 0, 1, 1, 4), SystemRegisterTraits.ReadOnly, 0x8),
        new(SystemRegister.OsdlrEl1, "OSDLR_EL1", SystemRegisterKey.Of(2, 0, 1, 3, 4), SystemRegisterTraits.None, 0),
        new(SystemRegister.VpidrEl2, "VPIDR_EL2", SystemRegisterKey.Of(3, 4, 0, 0, 0), SystemRegisterTraits.None, 0x411FD070),
        new(SystemRegister.VmpidrEl2, "VMPIDR_EL2", SystemRegisterKey.Of(3, 4, 0, 0, 5), SystemRegisterTraits.None, 0),
        new(SystemRegister.SctlrEl2, "SCTLR_EL2", SystemRegisterKey.Of(3, 4, 1, 0, 0), SystemRegisterTraits.None, 0x30C50838),
        new(SystemRegister.ActlrEl2, "ACTLR_EL2", SystemRegisterKey.Of(3, 4, 1, 0, 1), SystemRegisterTraits.None, 0),
        new(SystemRegister.HcrEl2, "HCR_EL2", SystemRegisterKey.Of(3, 4, 1, 1, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.MdcrEl2, "MDCR_EL2", SystemRegisterKey.Of(3, 4, 1, 1, 1), SystemRegisterTraits.None, 0),
        new(SystemRegister.CptrEl2, "CPTR_EL2", SystemRegisterKey.Of(3, 4, 1, 1, 2), SystemRegisterTraits.None, 0x33FF),
        new(SystemRegister.HstrEl2, "HSTR_EL2", SystemRegisterKey.Of(3, 4, 1, 1, 3), SystemRegisterTraits.None, 0),
        new(SystemRegister.HacrEl2, "HACR_EL2", SystemRegisterKey.Of(3, 4, 1, 1, 7), SystemRegisterTraits.None, 0),
        new(SystemRegister.Ttbr0El2, "TTBR0_EL2", SystemRegisterKey.Of(3, 4, 2, 0, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.TcrEl2, "TCR_EL2", SystemRegisterKey.Of(3, 4, 2, 0, 2), SystemRegisterTraits.None, 0),
        new(SystemRegister.VttbrEl2, "VTTBR_EL2", SystemRegisterKey.Of(3, 4, 2, 1, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.VtcrEl2, "VTCR_EL2", SystemRegisterKey.Of(3, 4, 2, 1, 2), SystemRegisterTraits.None, 0),
        new(SystemRegister.SpsrEl2, "SPSR_EL2", SystemRegisterKey.Of(3, 4, 4, 0, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.ElrEl2, "ELR_EL2", SystemRegisterKey.Of(3, 4, 4, 0, 1), SystemRegisterTraits.None, 0),
        new(SystemRegister.SpEl1, "SP_EL1", SystemRegisterKey.Of(3, 4, 4, 1, 0), SystemRegisterTraits.StackPointer, 0),
        new(SystemRegister.Afsr0El2, "AFSR0_EL2", SystemRegisterKey.Of(3, 4, 5, 1, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.Afsr1El2, "AFSR1_EL2", SystemRegisterKey.Of(3, 4, 5, 1, 1), SystemRegisterTraits.None, 0),
        new(SystemRegister.EsrEl2, "ESR_EL2", SystemRegisterKey.Of(3, 4, 5, 2, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.FarEl2, "FAR_EL2", SystemRegisterKey.Of(3, 4, 6, 0, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.HpfarEl2, "HPFAR_EL2", SystemRegisterKey.Of(3, 4, 6, 0, 4), SystemRegisterTraits.None, 0),
        new(SystemRegister.MairEl2, "MAIR_EL2", SystemRegisterKey.Of(3, 4, 10, 2, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.AmairEl2, "AMAIR_EL2", SystemRegisterKey.Of(3, 4, 10, 3, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.VbarEl2, "VBAR_EL2", SystemRegisterKey.Of(3, 4, 12, 0, 0), SystemRegisterTraits.None, 0),
        new(SystemRegister.TpidrEl2, "TPIDR_EL2", SystemRegisterKey.Of(3, 4, 13, 0, 2), SystemRegisterTraits.None, 0),
    ];

    private static readonly FrozenDictionary<int, SystemRegisterDefinition> ByKey =
        Rows.ToFrozenDictionary(row => row.Key.Packed);

    /// <summary>Finds the core-owned register with this encoding.</summary>
    public static bool TryFind(SystemRegisterKey key, out SystemRegisterDefinition definition) =>
        ByKey.TryGetValue(key.Packed, out definition!);

    /// <summary>The definition of a core-owned register.</summary>
    public static SystemRegisterDefinition Get(SystemRegister register) => Rows[(int)register];
}

/// <summary>One core-owned system register.</summary>
/// <param name="Register">Its index in the core's register file.</param>
/// <param name="Name">The architectural name.</param>
/// <param name="Key">The op0:op1:CRn:CRm:op2 encoding.</param>
/// <param name="Traits">Its trap group and access restrictions.</param>
/// <param name="ResetValue">The value after reset.</param>
public sealed record SystemRegisterDefinition(SystemRegister Register, string Name, SystemRegisterKey Key, SystemRegisterTraits Traits, ulong ResetValue);

/// <summary>How a system register is accessed and trapped beyond its exception level (encoded in op1).</summary>
[Flags]
public enum SystemRegisterTraits
{
    /// <summary>A plain read/write register.</summary>
    None = 0,

    /// <summary>Writes are ignored by the architecture's rules: MSR to it is undefined.</summary>
    ReadOnly = 1 << 0,

    /// <summary>MRS from it is undefined.</summary>
    WriteOnly = 1 << 1,

    /// <summary>In the HCR_EL2.TVM (write) / TRVM (read) trap group.</summary>
    VirtualMemory = 1 << 2,

    /// <summary>In the HCR_EL2.TID1 group.</summary>
    IdGroup1 = 1 << 3,

    /// <summary>In the HCR_EL2.TID2 group.</summary>
    IdGroup2 = 1 << 4,

    /// <summary>In the HCR_EL2.TID3 group.</summary>
    IdGroup3 = 1 << 5,

    /// <summary>Trapped by HCR_EL2.TACR.</summary>
    AuxiliaryControl = 1 << 6,

    /// <summary>An FP register: trapped by CPACR_EL1.FPEN and CPTR_EL2.TFP.</summary>
    FloatingPoint = 1 << 7,

    /// <summary>A view of PSTATE rather than storage.</summary>
    Pstate = 1 << 8,

    /// <summary>A banked stack pointer rather than storage.</summary>
    StackPointer = 1 << 9,
}
