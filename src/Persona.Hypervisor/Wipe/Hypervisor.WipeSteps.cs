using Persona.Arm.Cpu;
using Persona.Hypervisor.Wipe;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>The wipe's steps, one method each, in the order of <see cref="WipeStep"/>; each reports the spec steps it performs.</summary>
public sealed partial class Hypervisor
{
    private void Perform(Core core, WipeStep step, List<SpecStep> steps)
    {
        switch (step)
        {
            case WipeStep.StopWork:
                workStopped = true;
                halted[(int)Component.Work] = true;
                steps.Add(SpecStep.Of("wipeStopWork", true));
                break;
            case WipeStep.RevokeDevices:
                RevokeWorkDevices(steps);
                break;
            case WipeStep.Unmap:
                UnmapWork(steps);
                break;
            case WipeStep.InvalidateTlbs:
                Broadcast(core, new Arm.Memory.TlbInvalidation(Arm.Memory.TlbInvalidationScope.Vmid, TablesOf(Component.Work).Vmid, 0, 0));
                break;
            case WipeStep.Scrub:
                var kernelFrame = (long)(RamOf(Component.Work).Range.Base / HypervisorLayout.PageSize);
                foreach (var frame in WorkOwnedFrames())
                {
                    if (!(Mutants.HasFlag(HypervisorMutant.SkipScrubOnWipe) && frame == kernelFrame))
                        Scrub(frame);
                }
                break;
            case WipeStep.Release:
                foreach (var frame in WorkOwnedFrames())
                {
                    ReleaseToPool(frame);
                    steps.Add(SpecStep.Of("wipeScrubPage", true, ("p", frame)));
                }
                break;
            case WipeStep.DestroyKey:
                Machine.Bus.Ram.SpanForWrite(KeyAddress, KeyLength).Clear();
                steps.Add(SpecStep.Of("wipeDestroyKey", true));
                break;
            case WipeStep.Acknowledge:
                foreach (var perCore in contexts)
                    perCore[(int)Component.Work] = null;
                steps.Add(SpecStep.Of("wipeComplete", true));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "not a wipe step");
        }
    }

    private void RevokeWorkDevices(List<SpecStep> steps)
    {
        for (var d = 0; d < Devices.Count; d++)
        {
            if (Devices[d].Assigned && Devices[d].Owner == Component.Work)
            {
                Devices[d].Quiesced = true;
                UnmapDevice(Component.Work, d);
                if (!Mutants.HasFlag(HypervisorMutant.WipeSkipsDmaRevocation))
                    DetachDma(d);
                Devices[d].Assigned = false;
                Devices[d].Dirty = false;
                steps.Add(SpecStep.Of("wipeRevokeDevice", true, ("d", d)));
            }
        }
    }

    /// <summary>Pages lent to work go back to their lender untouched, then every work RAM page leaves work's stage 2.</summary>
    private void UnmapWork(List<SpecStep> steps)
    {
        foreach (var (frame, loan) in lent.Where(l => l.Value.Borrower == Component.Work).ToList())
        {
            TablesOf(Component.Work).Unmap(ChannelIpaOf(loan.Slot));
            Ownership.SetState(Component.Work, frame, PageState.None);
            Ownership.SetState(Component.Personal, frame, PageState.Owned);
            Ownership.SetChannel(frame, false);
            borrowedSlots[(int)Component.Work][loan.Slot] = null;
            lent.Remove(frame);
            steps.Add(SpecStep.Of("wipeReturnBorrowed", true, ("p", frame)));
        }
        var region = RamOf(Component.Work).Range;
        for (var ipa = HypervisorLayout.GuestRamIpa; ipa < HypervisorLayout.GuestRamIpa + region.Size; ipa += HypervisorLayout.PageSize)
            TablesOf(Component.Work).Unmap(ipa);
    }
}
