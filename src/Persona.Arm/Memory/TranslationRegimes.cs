namespace Persona.Arm.Memory;

/// <summary>The stage-1 registers of one translation regime: EL2 (TTBR0_EL2, TCR_EL2) or EL1&amp;0 (TTBR0/1_EL1, TCR_EL1).</summary>
/// <param name="IsEl2Regime">True for the EL2 regime (one table base, no EL0 permissions, no ASID).</param>
/// <param name="Ttbr0">TTBR0_ELx.</param>
/// <param name="Ttbr1">TTBR1_EL1 (ignored in the EL2 regime).</param>
/// <param name="Tcr">TCR_ELx.</param>
/// <param name="WriteImpliesExecuteNever">SCTLR_ELx.WXN.</param>
public readonly record struct Stage1Regime(bool IsEl2Regime, ulong Ttbr0, ulong Ttbr1, ulong Tcr, bool WriteImpliesExecuteNever);

/// <summary>The stage-2 registers: VTTBR_EL2 and VTCR_EL2.</summary>
/// <param name="Vttbr">VTTBR_EL2 (VMID in [63:48], base in [47:1]).</param>
/// <param name="Vtcr">VTCR_EL2 (T0SZ, SL0, TG0, PS).</param>
public readonly record struct Stage2Regime(ulong Vttbr, ulong Vtcr)
{
    /// <summary>The 8-bit VMID (VTCR_EL2.VS is not supported, so bits [55:48]).</summary>
    public ushort Vmid => (ushort)((Vttbr >> 48) & 0xFF);
}

/// <summary>The result of one stage of a table walk.</summary>
/// <param name="OutputAddress">The IPA (stage 1) or PA (stage 2) of the translated address.</param>
/// <param name="Permissions">What the final descriptor (and, at stage 1, the table descriptors above it) allow.</param>
/// <param name="Level">The level of the final descriptor.</param>
/// <param name="Global">Stage 1 only: nG was 0, so the entry matches every ASID.</param>
/// <param name="Attributes">Stage 1: AttrIndx (MAIR index); stage 2: MemAttr[3:0].</param>
/// <param name="Fault">The fault, when the walk failed.</param>
public readonly record struct WalkResult(ulong OutputAddress, PagePermissions Permissions, int Level, bool Global, int Attributes, TranslationFault? Fault)
{
    /// <summary>True when the walk produced a translation.</summary>
    public bool Succeeded => Fault is null;
}
