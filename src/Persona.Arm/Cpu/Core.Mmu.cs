using System.Runtime.CompilerServices;
using Persona.Arm.Memory;

namespace Persona.Arm.Cpu;

/// <summary>Address translation: the current regime's tags, the TLB fast path, table walks on a miss, and fault syndromes.</summary>
public sealed partial class Core
{
    // Highest physical address bit + 1: the walker's one definition.
    private const int PhysicalAddressBits = TranslationTableWalker.ImplementedPhysicalAddressBits;

    private ulong contextTag;
    private ulong tlbSalt;

    // SCTLR_ELx.A of the current regime: every unaligned data access faults, so the fast data paths are bypassed while it is set.
    private bool alignmentChecked;
    private uint currentAsid;
    private bool stage1Enabled;
    private bool stage2Enabled;

    /// <summary>Recomputes the translation regime tags after a change of EL or of SCTLR/TCR/TTBR/HCR/VTTBR/VTCR.</summary>
    private void OnTranslationControlChanged()
    {
        alignmentChecked = (systemRegisters[(int)(exceptionLevel == 2 ? SystemRegister.SctlrEl2 : SystemRegister.SctlrEl1)] & (ulong)SctlrBits.A) != 0;
        dataFastPathDisabled = alignmentChecked || accessObserver is not null;
        if (exceptionLevel == 2)
        {
            stage1Enabled = (systemRegisters[(int)SystemRegister.SctlrEl2] & (ulong)SctlrBits.M) != 0;
            stage2Enabled = false;
            contextTag = Tlb.ValidTag | Tlb.El2RegimeTag | (stage1Enabled ? Tlb.Stage1Tag : 0);
            currentAsid = 0;
            tlbSalt = Tlb.SaltFor(0, el2Regime: true);
        }
        else
        {
            var hcr = Hcr;
            stage1Enabled = (systemRegisters[(int)SystemRegister.SctlrEl1] & (ulong)SctlrBits.M) != 0 && (hcr & (ulong)HcrBits.TGE) == 0;
            stage2Enabled = (hcr & (ulong)HcrBits.VM) != 0;
            var vmid = (systemRegisters[(int)SystemRegister.VttbrEl2] >> 48) & 0xFF;
            contextTag = Tlb.ValidTag | (stage1Enabled ? Tlb.Stage1Tag : 0) | (stage2Enabled ? Tlb.Stage2Tag : 0) | vmid;
            currentAsid = stage1Enabled ? CurrentAsid() : 0;
            tlbSalt = Tlb.SaltFor((ushort)vmid, el2Regime: false);
        }
        ForgetFetchPage();
    }

    private uint CurrentAsid()
    {
        var tcr = systemRegisters[(int)SystemRegister.TcrEl1];
        var ttbr = ((tcr >> 22) & 1) != 0 ? systemRegisters[(int)SystemRegister.Ttbr1El1] : systemRegisters[(int)SystemRegister.Ttbr0El1];
        var asid = (uint)(ttbr >> 48);
        return ((tcr >> 36) & 1) != 0 ? asid : asid & 0xFF;
    }

    private ushort CurrentVmid => (ushort)((systemRegisters[(int)SystemRegister.VttbrEl2] >> 48) & 0xFF);

    private Stage1Regime CurrentStage1Regime() => exceptionLevel == 2
        ? new Stage1Regime(true, systemRegisters[(int)SystemRegister.Ttbr0El2], 0, systemRegisters[(int)SystemRegister.TcrEl2],
            (systemRegisters[(int)SystemRegister.SctlrEl2] & (ulong)SctlrBits.WXN) != 0)
        : new Stage1Regime(false, systemRegisters[(int)SystemRegister.Ttbr0El1], systemRegisters[(int)SystemRegister.Ttbr1El1],
            systemRegisters[(int)SystemRegister.TcrEl1], (systemRegisters[(int)SystemRegister.SctlrEl1] & (ulong)SctlrBits.WXN) != 0);

    private Stage2Regime CurrentStage2Regime() =>
        new(systemRegisters[(int)SystemRegister.VttbrEl2], systemRegisters[(int)SystemRegister.VtcrEl2]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PagePermissions Required(AccessKind kind, bool user) =>
        (PagePermissions)((1 << (int)kind) << (user ? 0 : 3));

    /// <summary>Translates a VA for an access, raising the architectural fault on failure.</summary>
    /// <param name="va">The virtual address.</param>
    /// <param name="kind">Read, write or fetch.</param>
    /// <param name="user">True to check EL0 permissions (EL0, or LDTR/STTR at EL1).</param>
    /// <param name="hostOffset">The offset into RAM, or -1 when the address is not RAM.</param>
    /// <returns>False when a fault exception was taken.</returns>
    private bool TryTranslate(ulong va, AccessKind kind, bool user, out long hostOffset)
    {
        var virtualPage = va >> 12;
        ref var entry = ref Tlb.Slot(virtualPage, tlbSalt);
        if (entry.VirtualPage == virtualPage && entry.Context == contextTag && (entry.Asid == currentAsid || entry.Asid == Tlb.GlobalAsid)
            && (entry.Permissions & Required(kind, user)) != 0)
        {
            hostOffset = entry.HostOffset < 0 ? -1 : entry.HostOffset + (long)(va & 0xFFF);
            return true;
        }
        if (!TryWalk(va, kind, user, raiseFault: true, out var physicalAddress))
        {
            hostOffset = -1;
            return false;
        }
        hostOffset = ram.Contains(physicalAddress & ~0xFFFUL, 4096) ? (long)(physicalAddress - ram.Base) : -1;
        return true;
    }

    /// <summary>The physical address of a VA in the current regime, from the TLB or a walk, without raising a fault.</summary>
    private bool TryTranslateQuietly(ulong va, AccessKind kind, out ulong physicalAddress)
    {
        var virtualPage = va >> 12;
        ref var entry = ref Tlb.Slot(virtualPage, tlbSalt);
        if (entry.VirtualPage == virtualPage && entry.Context == contextTag && (entry.Asid == currentAsid || entry.Asid == Tlb.GlobalAsid))
        {
            physicalAddress = entry.PhysicalPage | (va & 0xFFF);
            return true;
        }
        return TryWalk(va, kind, exceptionLevel == 0, raiseFault: false, out physicalAddress);
    }

    // TCR_ELx.TBI: data addresses ignore their top byte, so a tagged pointer translates as its bit-55 sign extension.
    // Instruction addresses keep it (branches here do not strip tags). A tagged access misses the TLB fast path (its
    // page number carries the tag) and comes here every time, so untagged code pays nothing.
    private ulong WithoutIgnoredTag(ulong va, AccessKind kind, bool el2Regime)
    {
        if (kind == AccessKind.Execute)
            return va;
        var tcr = systemRegisters[(int)(el2Regime ? SystemRegister.TcrEl2 : SystemRegister.TcrEl1)];
        var enableBit = el2Regime ? 20 : ((va >> 55) & 1) != 0 ? 38 : 37;
        return ((tcr >> enableBit) & 1) != 0 ? (ulong)((long)(va << 8) >> 8) : va;
    }

    // Walks stage 1 and stage 2 for the current regime, checks permissions, and fills the TLB slot.
    private bool TryWalk(ulong taggedVa, AccessKind kind, bool user, bool raiseFault, out ulong physicalAddress)
    {
        var va = WithoutIgnoredTag(taggedVa, kind, exceptionLevel == 2);
        physicalAddress = 0;
        var required = Required(kind, user);
        ulong ipa;
        var stage1Permissions = PagePermissions.All;
        var global = true;
        if (stage1Enabled)
        {
            var stage1 = TranslationTableWalker.WalkStage1(bus, CoreId, CurrentStage1Regime(), stage2Enabled ? CurrentStage2Regime() : null, va);
            if (stage1.Fault is { } fault)
                return FaultOrFalse(raiseFault, fault, taggedVa, kind);
            if ((stage1.Permissions & required) == 0)
                return FaultOrFalse(raiseFault, new TranslationFault(FaultStatus.Permission, stage1.Level, false, false, 0), taggedVa, kind);
            ipa = stage1.OutputAddress;
            stage1Permissions = stage1.Permissions;
            global = stage1.Global;
        }
        else
        {
            if ((va >> PhysicalAddressBits) != 0)
                return FaultOrFalse(raiseFault, new TranslationFault(FaultStatus.AddressSize, 0, false, false, 0), taggedVa, kind);
            ipa = va;
        }
        var pa = ipa;
        var stage2Permissions = PagePermissions.All;
        if (stage2Enabled)
        {
            var stage2 = TranslationTableWalker.WalkStage2(bus, CoreId, CurrentStage2Regime(), ipa);
            if (stage2.Fault is { } fault)
                return FaultOrFalse(raiseFault, fault, taggedVa, kind);
            if ((stage2.Permissions & required) == 0)
                return FaultOrFalse(raiseFault, new TranslationFault(FaultStatus.Permission, stage2.Level, true, false, ipa), taggedVa, kind);
            pa = stage2.OutputAddress;
            stage2Permissions = stage2.Permissions;
        }
        physicalAddress = pa;
        ref var entry = ref Tlb.Slot(va >> 12, tlbSalt);
        var physicalPage = pa & ~0xFFFUL;
        entry.VirtualPage = va >> 12;
        entry.Context = contextTag;
        entry.Asid = global ? Tlb.GlobalAsid : currentAsid;
        entry.Permissions = stage1Permissions & stage2Permissions;
        entry.PhysicalPage = physicalPage;
        entry.IntermediatePage = ipa >> 12;
        entry.HostOffset = ram.Contains(physicalPage, 4096) ? (long)(physicalPage - ram.Base) : -1;
        return true;
    }

    private bool FaultOrFalse(bool raise, in TranslationFault fault, ulong va, AccessKind kind)
    {
        if (raise)
            RaiseTranslationFault(fault, va, kind);
        return false;
    }

    /// <summary>Takes the abort for a translation fault: stage-2 faults to EL2 with HPFAR; stage-1 faults to EL1 (EL2 from EL2 or with TGE).</summary>
    private void RaiseTranslationFault(in TranslationFault fault, ulong va, AccessKind kind)
    {
        var target = fault.Stage2 ? 2 : DefaultTargetLevel();
        var iss = (ulong)fault.StatusCode;
        if (fault.OnStage1Walk)
            iss |= 1UL << 7;
        ExceptionClass exceptionClass;
        if (kind == AccessKind.Execute)
        {
            exceptionClass = target == exceptionLevel ? ExceptionClass.InstructionAbortSameEl : ExceptionClass.InstructionAbortLowerEl;
        }
        else
        {
            exceptionClass = target == exceptionLevel ? ExceptionClass.DataAbortSameEl : ExceptionClass.DataAbortLowerEl;
            if (kind == AccessKind.Write)
                iss |= 1UL << 6;
            // The instruction syndrome is only valid for stage-2 faults taken to EL2, not on a stage-1 walk (as QEMU and Armv8.0).
            if (target == 2 && fault.Stage2 && !fault.OnStage1Walk)
                iss |= Isa.DataAbortSyndrome.For(CurrentInstructionWord());
        }
        TakeSynchronous(exceptionClass, iss, target, instructionPc, faultAddress: va,
            intermediateAddress: fault.Stage2 ? fault.IntermediateAddress : null);
    }

    // The word of the executing instruction, from the decoded slot it was fetched through (0 if that slot was since emptied).
    private uint CurrentInstructionWord()
    {
        var offset = instructionPc - fetchPageVa;
        return offset < 4096 ? (uint)fetchPage[(int)(offset >> 2)] : 0;
    }

    /// <summary>Takes a synchronous external abort: the physical address answered nothing (no RAM, no device).</summary>
    private void RaiseExternalAbort(ulong va, AccessKind kind)
    {
        var target = DefaultTargetLevel();
        var iss = (ulong)FaultStatus.ExternalAbort;
        ExceptionClass exceptionClass;
        if (kind == AccessKind.Execute)
        {
            exceptionClass = target == exceptionLevel ? ExceptionClass.InstructionAbortSameEl : ExceptionClass.InstructionAbortLowerEl;
        }
        else
        {
            exceptionClass = target == exceptionLevel ? ExceptionClass.DataAbortSameEl : ExceptionClass.DataAbortLowerEl;
            if (kind == AccessKind.Write)
                iss |= 1UL << 6;
        }
        TakeSynchronous(exceptionClass, iss, target, instructionPc, faultAddress: va);
    }

    /// <summary>Takes an alignment fault (exclusives and atomics must be naturally aligned).</summary>
    private void RaiseAlignmentFault(ulong va, AccessKind kind)
    {
        var target = DefaultTargetLevel();
        var iss = (ulong)FaultStatus.Alignment | (kind == AccessKind.Write ? 1UL << 6 : 0);
        var exceptionClass = target == exceptionLevel ? ExceptionClass.DataAbortSameEl : ExceptionClass.DataAbortLowerEl;
        TakeSynchronous(exceptionClass, iss, target, instructionPc, faultAddress: va);
    }

    /// <summary>Applies a TLB invalidation to this core's TLB (called locally, and by the interconnect for IS broadcasts).</summary>
    public void ApplyTlbInvalidation(in TlbInvalidation invalidation)
    {
        Tlb.Invalidate(invalidation);
        ForgetFetchPage();
    }
}
