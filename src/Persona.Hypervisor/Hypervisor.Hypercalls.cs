using Persona.Arm.Cpu;
using Persona.Hypervisor.Memory;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>The hypercalls: status, share and unshare a notification page, request and release a device, switch, channel.</summary>
public sealed partial class Hypervisor
{
    private string HandleHypercall(Core core, Component persona, List<SpecStep> steps)
    {
        var function = core.GetX(0);
        var argument = core.GetX(1);
        var result = (Hypercall)function switch
        {
            Hypercall.Status => (HypercallResult)(long)persona,
            Hypercall.Share => Share(persona, argument, steps),
            Hypercall.Unshare => Unshare(persona, argument, steps),
            Hypercall.RequestDevice => RequestDevice(persona, argument, steps),
            Hypercall.ReleaseDevice => ReleaseDevice(persona, argument, steps),
            Hypercall.Channel => (HypercallResult)(long)ChannelOf(persona),
            Hypercall.Switch => RequestSwitch(core, persona, steps),
            Hypercall.DmaMap => MapForDma(core, persona, argument, steps),
            Hypercall.DmaUnmap => UnmapForDma(core, persona, argument, steps),
            Hypercall.Notify => RingDoorbell(core, persona),
            _ => HypercallResult.Unknown,
        };
        if ((Hypercall)function != Hypercall.Switch || result != HypercallResult.Ok)
            core.SetX(0, (ulong)(long)result);
        if (result < 0)
            Note($"{persona}: hypercall 0x{function:x}(0x{argument:x}) refused: {result}");
        return $"HVC 0x{function:x}({(Enum.IsDefined((Hypercall)function) ? ((Hypercall)function).ToString() : "unknown")}, 0x{argument:x}) -> {result}";
    }

    /// <summary>The frame behind one of a persona's own RAM pages named by IPA, or null when the IPA names no such page.</summary>
    private long? OwnFrame(Component persona, ulong ipa)
    {
        var size = RamOf(persona).Range.Size;
        if (ipa % HypervisorLayout.PageSize != 0 || ipa < HypervisorLayout.GuestRamIpa || ipa - HypervisorLayout.GuestRamIpa >= size)
            return null;
        var walk = TablesOf(persona).Translate(Machine.Bus, ipa);
        if (walk.Fault is not null)
            return null;
        var frame = (long)(walk.OutputAddress / HypervisorLayout.PageSize);
        return Ownership.Covers(frame) ? frame : null;
    }

    private HypercallResult Share(Component from, ulong ipa, List<SpecStep> steps)
    {
        if (OwnFrame(from, ipa) is not { } frame)
            return HypercallResult.BadAddress;
        var to = HypervisorLayout.Other(from);
        var allowed = Mutants.HasFlag(HypervisorMutant.ShareWithoutChecks) || (from != Component.Work && !(to == Component.Work && WorkWiped)
            && Ownership.StateOf(from, frame) == PageState.Owned && Ownership.StateOf(to, frame) == PageState.None && !DmaReaches(frame));
        var slot = Array.IndexOf(borrowedSlots[(int)to], null);
        if (slot < 0)
            return HypercallResult.NoSpace;
        steps.Add(SpecStep.Of("share", allowed, ("from", from), ("to", to), ("p", frame)));
        if (!allowed)
            return HypercallResult.Denied;
        Ownership.SetState(from, frame, PageState.SharedOwned);
        Ownership.SetState(to, frame, PageState.SharedBorrowed);
        Ownership.SetChannel(frame, true);
        Scrub(frame);
        var mappedFrame = Mutants.HasFlag(HypervisorMutant.ShareMapsNeighbourPage) ? frame + 1 : frame;
        TablesOf(to).Map(ChannelIpaOf(slot), (ulong)mappedFrame * HypervisorLayout.PageSize, RamAttributes);
        borrowedSlots[(int)to][slot] = frame;
        lent[frame] = (to, slot);
        return HypercallResult.Ok;
    }

    private HypercallResult Unshare(Component from, ulong ipa, List<SpecStep> steps)
    {
        if (OwnFrame(from, ipa) is not { } frame)
            return HypercallResult.BadAddress;
        if (!lent.TryGetValue(frame, out var loan) || Ownership.StateOf(from, frame) != PageState.SharedOwned)
        {
            steps.Add(SpecStep.Of("unshare", false, ("from", from), ("to", HypervisorLayout.Other(from)), ("p", frame)));
            return HypercallResult.Denied;
        }
        steps.Add(SpecStep.Of("unshare", true, ("from", from), ("to", loan.Borrower), ("p", frame)));
        if (!Mutants.HasFlag(HypervisorMutant.UnshareKeepsBorrowerMapping))
            TablesOf(loan.Borrower).Unmap(ChannelIpaOf(loan.Slot));
        if (!Mutants.HasFlag(HypervisorMutant.SkipTlbInvalidationOnUnmap))
            InvalidateIpa(loan.Borrower, ChannelIpaOf(loan.Slot));
        if (!Mutants.HasFlag(HypervisorMutant.SkipScrubOnUnshare))
            Scrub(frame);
        if (!Mutants.HasFlag(HypervisorMutant.UnshareKeepsOwnershipMetadata))
        {
            Ownership.SetState(from, frame, PageState.Owned);
            Ownership.SetState(loan.Borrower, frame, PageState.None);
            Ownership.SetChannel(frame, false);
        }
        borrowedSlots[(int)loan.Borrower][loan.Slot] = null;
        lent.Remove(frame);
        return HypercallResult.Ok;
    }

    private ulong ChannelOf(Component persona)
    {
        var slot = Array.FindIndex(borrowedSlots[(int)persona], s => s is not null);
        return slot < 0 ? 0 : ChannelIpaOf(slot);
    }

    private HypercallResult RequestDevice(Component who, ulong device, List<SpecStep> steps)
    {
        if (device >= (ulong)Devices.Count)
            return HypercallResult.Unknown;
        var d = (int)device;
        var entry = Devices[d];
        var kind = Devices.Describe(d).Kind;
        var allowed = !entry.Assigned && kind != DeviceKind.Mediated && (kind != DeviceKind.Foreground || who == Foreground);
        steps.Add(SpecStep.Of("grant", allowed, ("d", d), ("who", who)));
        if (!allowed)
            return HypercallResult.Denied;
        Grant(d, who);
        return HypercallResult.Ok;
    }

    private HypercallResult ReleaseDevice(Component who, ulong device, List<SpecStep> steps)
    {
        if (device >= (ulong)Devices.Count)
            return HypercallResult.Unknown;
        var d = (int)device;
        var entry = Devices[d];
        // Only the holder may give a device back: a policy refusal before any spec operation is attempted.
        if (!entry.Assigned || entry.Owner != who || Devices.Describe(d).Kind == DeviceKind.Mediated)
            return HypercallResult.Denied;
        Revoke(d, steps);
        return HypercallResult.Ok;
    }

    /// <summary>Hands an unassigned device to a persona and maps its registers into the persona's stage 2.</summary>
    private void Grant(int device, Component who)
    {
        var entry = Devices[device];
        entry.Assigned = true;
        entry.Owner = who;
        entry.Quiesced = true;
        MapDevice(who, device);
        AttachDma(device);
    }

    /// <summary>Quiesces a device, takes it from its owner (unmapping its registers, invalidating the TLBs) and scrubs its state.</summary>
    private void Revoke(int device, List<SpecStep> steps)
    {
        var entry = Devices[device];
        entry.Quiesced = true;
        steps.Add(SpecStep.Of("quiesce", true, ("d", device)));
        UnmapDevice(entry.Owner, device);
        DetachDma(device);
        entry.Assigned = false;
        entry.Dirty = false;
        steps.Add(SpecStep.Of("release", true, ("d", device)));
    }

    private HypercallResult RequestSwitch(Core core, Component persona, List<SpecStep> steps)
    {
        var other = HypervisorLayout.Other(persona);
        if (IsHalted(other))
            return HypercallResult.Denied;
        core.SetX(0, (ulong)(long)HypercallResult.Ok);
        SwitchTo(core, other, steps);
        return HypercallResult.Ok;
    }

    /// <summary>Zeroes one frame of RAM (through <c>SpanForWrite</c>, so code decoded from it is dropped: a later fetch runs the zeros).</summary>
    private void Scrub(long frame) => Machine.Bus.Ram.SpanForWrite((ulong)frame * HypervisorLayout.PageSize, (int)HypervisorLayout.PageSize).Clear();
}
