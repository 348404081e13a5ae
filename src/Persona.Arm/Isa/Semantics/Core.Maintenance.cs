using Persona.Arm.Isa;
using Persona.Arm.Memory;

namespace Persona.Arm.Cpu;

/// <summary>Semantics of TLBI (local and inner-shareable broadcast) and AT (address translation into PAR_EL1).</summary>
public sealed partial class Core
{
    private void ExecuteTlbiEl1(SystemOperands f, bool broadcast)
    {
        var operand = ReadX(f.Rt);
        var asid = AsidOperand(operand);
        var page = VirtualPageOperand(operand);
        var vmid = CurrentVmid;
        TlbInvalidation? invalidation = f.Op2 switch
        {
            0 => new TlbInvalidation(TlbInvalidationScope.Vmid, vmid, 0, 0),
            1 or 5 => new TlbInvalidation(TlbInvalidationScope.VmidAsidAddress, vmid, asid, page),
            2 => new TlbInvalidation(TlbInvalidationScope.VmidAsid, vmid, asid, 0),
            3 or 7 => new TlbInvalidation(TlbInvalidationScope.VmidAddress, vmid, 0, page),
            _ => null,
        };
        PerformTlbi(invalidation, broadcast);
    }

    private void ExecuteTlbiEl2(SystemOperands f, bool broadcast)
    {
        var operand = ReadX(f.Rt);
        var vmid = CurrentVmid;
        TlbInvalidation? invalidation = (f.CRm, f.Op2) switch
        {
            (0 or 4, 1 or 5) => new TlbInvalidation(TlbInvalidationScope.VmidIntermediateAddress, vmid, 0, operand & 0xF_FFFF_FFFF),
            (3 or 7, 0) => new TlbInvalidation(TlbInvalidationScope.AllEl2, 0, 0, 0),
            (3 or 7, 1 or 5) => new TlbInvalidation(TlbInvalidationScope.El2Address, 0, 0, VirtualPageOperand(operand)),
            (3 or 7, 4) => new TlbInvalidation(TlbInvalidationScope.AllEl10, 0, 0, 0),
            (3 or 7, 6) => new TlbInvalidation(TlbInvalidationScope.Vmid, vmid, 0, 0),
            _ => null,
        };
        PerformTlbi(invalidation, broadcast);
    }

    private void PerformTlbi(TlbInvalidation? invalidation, bool broadcast)
    {
        if (invalidation is not { } op)
        {
            Undefined();
            return;
        }
        ApplyTlbInvalidation(op);
        if (broadcast)
            Interconnect?.BroadcastTlbInvalidation(this, op);
    }

    // The TLBI operand's ASID in [63:48], 8 bits unless TCR_EL1.AS selects 16.
    private uint AsidOperand(ulong operand)
    {
        var asid = (uint)(operand >> 48);
        return ((systemRegisters[(int)SystemRegister.TcrEl1] >> 36) & 1) != 0 ? asid : asid & 0xFF;
    }

    // The TLBI operand's VA[55:12] in [43:0], sign-extended from VA bit 55 to a full page number.
    private static ulong VirtualPageOperand(ulong operand) => (ulong)((long)(operand << 20) >> 20);

    // AT: walks without the TLB and writes PAR_EL1 (PA and attributes on success; F, FST, PTW and S on a fault).
    private void AddressTranslate(ulong va, bool el2Regime, bool stage1Only, bool user, bool write)
    {
        var kind = write ? AccessKind.Write : AccessKind.Read;
        var required = (PagePermissions)((1 << (int)kind) << (user ? 0 : 3));
        var sctlr = systemRegisters[(int)(el2Regime ? SystemRegister.SctlrEl2 : SystemRegister.SctlrEl1)];
        var mair = systemRegisters[(int)(el2Regime ? SystemRegister.MairEl2 : SystemRegister.MairEl1)];
        var stage2 = !el2Regime && (Hcr & (ulong)HcrBits.VM) != 0 ? CurrentStage2Regime() : (Stage2Regime?)null;
        var regime = el2Regime
            ? new Stage1Regime(true, systemRegisters[(int)SystemRegister.Ttbr0El2], 0, systemRegisters[(int)SystemRegister.TcrEl2], (sctlr & (ulong)SctlrBits.WXN) != 0)
            : new Stage1Regime(false, systemRegisters[(int)SystemRegister.Ttbr0El1], systemRegisters[(int)SystemRegister.Ttbr1El1],
                systemRegisters[(int)SystemRegister.TcrEl1], (sctlr & (ulong)SctlrBits.WXN) != 0);
        va = WithoutIgnoredTag(va, kind, el2Regime);
        ulong output = va;
        var attributes = 0UL;
        if ((sctlr & (ulong)SctlrBits.M) != 0)
        {
            var walk = TranslationTableWalker.WalkStage1(bus, CoreId, regime, stage2, va);
            if (walk.Fault is { } fault)
            {
                WriteParFault(fault);
                return;
            }
            if ((walk.Permissions & required) == 0)
            {
                WriteParFault(new TranslationFault(FaultStatus.Permission, walk.Level, false, false, 0));
                return;
            }
            output = walk.OutputAddress;
            attributes = (mair >> (8 * walk.Attributes)) & 0xFF;
        }
        if (!stage1Only && stage2 is { } s2)
        {
            var walk = TranslationTableWalker.WalkStage2(bus, CoreId, s2, output);
            if (walk.Fault is { } fault)
            {
                WriteParFault(fault);
                return;
            }
            if ((walk.Permissions & required) == 0)
            {
                WriteParFault(new TranslationFault(FaultStatus.Permission, walk.Level, true, false, output));
                return;
            }
            output = walk.OutputAddress;
        }
        systemRegisters[(int)SystemRegister.ParEl1] = (attributes << 56) | (output & 0x0000_FFFF_FFFF_F000) | (3UL << 7) | (1UL << 11);
    }

    private void WriteParFault(in TranslationFault fault) =>
        systemRegisters[(int)SystemRegister.ParEl1] = 1UL | ((ulong)fault.StatusCode << 1)
            | (fault.OnStage1Walk ? 1UL << 8 : 0) | (fault.Stage2 ? 1UL << 9 : 0) | (1UL << 11);
}
