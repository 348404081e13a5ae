using Persona.Arm.Cpu;
using Persona.Hypervisor.Memory;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>Remote wipe of the work persona, in the protocol's order: stop the work vCPUs, revoke its devices, unmap, invalidate
/// the TLBs on every core, scrub the pages, destroy the key, release the memory (into the work quota of the hypervisor's pool).</summary>
public sealed partial class Hypervisor
{
    private long? wipeDueAtTrap;

    /// <summary>Whether a remote wipe has completed.</summary>
    public bool WorkWiped { get; private set; }

    /// <summary>Orders a remote wipe from the work management authority, carried out at the first personal trap from trap number <paramref name="trap"/> on.</summary>
    public void ScheduleRemoteWipe(long trap) => wipeDueAtTrap = trap;

    /// <summary>The physical address of the work storage key (the first bytes of the key-store region).</summary>
    public ulong KeyAddress => Platform.Regions.First(r => r.Kind == RegionKind.KeyStore).Range.Base;

    /// <summary>The work key's length in bytes.</summary>
    public const int KeyLength = 32;

    /// <summary>Writes the work key into the key store (derived from a seed, so runs reproduce).</summary>
    private void InstallKey(int seed)
    {
        var key = new byte[KeyLength];
        new Random(seed).NextBytes(key);
        key[0] |= 1; // never all zeros: a zero key reads as destroyed
        key.CopyTo(Machine.Bus.Ram.Bytes, (long)(KeyAddress - Machine.Bus.Ram.Base));
    }

    /// <summary>Whether the key store still holds key material.</summary>
    public bool KeyPresent => Machine.Bus.Ram.Bytes.AsSpan((int)(KeyAddress - Machine.Bus.Ram.Base), KeyLength).ContainsAnyExcept((byte)0);

    private bool WipeDue(Component persona) => wipeDueAtTrap is { } due && trapCount + 1 >= due && persona == Component.Personal && !WorkWiped;

    private void RemoteWipe(List<SpecStep> steps)
    {
        steps.Add(SpecStep.Of("orderWipe", true, ("issuer", Authority.WorkManagement)));
        // 1. Stop the work vCPUs (work is in the background: the wipe runs on a personal trap).
        halted[(int)Component.Work] = true;
        steps.Add(SpecStep.Of("wipeStopWork", true));
        // 2. Revoke the devices the work persona holds.
        for (var d = 0; d < Devices.Count; d++)
        {
            if (Devices[d].Assigned && Devices[d].Owner == Component.Work)
            {
                Devices[d].Quiesced = true;
                UnmapDevice(Component.Work, d);
                DetachDma(d);
                Devices[d].Assigned = false;
                Devices[d].Dirty = false;
                steps.Add(SpecStep.Of("wipeRevokeDevice", true, ("d", d)));
            }
        }
        // 3. Unmap: pages lent to work go back to their lender untouched, then every work RAM page leaves work's stage 2.
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
        // 4. Invalidate the work VMID's TLB entries on every core (TLBI VMALLS12E1IS).
        Broadcast(new Arm.Memory.TlbInvalidation(Arm.Memory.TlbInvalidationScope.Vmid, TablesOf(Component.Work).Vmid, 0, 0));
        var kernelFrame = (long)(region.Base / HypervisorLayout.PageSize);
        // 5. Scrub the pages, and 7. release them into the work quota of the hypervisor's pool.
        for (var frame = Ownership.FirstFrame; frame < Ownership.FirstFrame + Ownership.Count; frame++)
        {
            if (Ownership.StateOf(Component.Work, frame) != PageState.Owned)
                continue;
            if (!(Mutants.HasFlag(HypervisorMutant.SkipScrubOnWipe) && frame == kernelFrame))
                Scrub(frame);
            Ownership.SetState(Component.Work, frame, PageState.None);
            Ownership.SetState(Component.Hypervisor, frame, PageState.Owned);
            Ownership.SetPool(frame, Component.Work);
            steps.Add(SpecStep.Of("wipeScrubPage", true, ("p", frame)));
        }
        // 6. Destroy the key, then acknowledge: the work context is cleared.
        Array.Clear(Machine.Bus.Ram.Bytes, (int)(KeyAddress - Machine.Bus.Ram.Base), KeyLength);
        steps.Add(SpecStep.Of("wipeDestroyKey", true));
        contexts[(int)Component.Work] = null;
        WorkWiped = true;
        steps.Add(SpecStep.Of("wipeComplete", true));
        Note("Work: remote wipe complete");
    }
}
