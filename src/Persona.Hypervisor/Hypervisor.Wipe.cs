using Persona.Arm.Cpu;
using Persona.Hypervisor.Wipe;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>Remote wipe of the work persona, journaled so that it survives a power loss: IT's order is journaled, every core leaves
/// the work persona (a whole-handset switch to personal), then the steps of <see cref="WipeStep"/> run in order, each journaled
/// before it starts (<c>Wipe/WipeSteps.cs</c>); the next boot after a power loss resumes the wipe before work can run again.</summary>
public sealed partial class Hypervisor
{
    private long? wipeDueAtTrap;
    private WipeJournal? journal;

    /// <summary>The wipe was ordered: no core may enter the work persona any more.</summary>
    private bool workStopping;

    /// <summary>Step 1 is done: the work vCPUs are stopped on every core (the spec's workRunnable is false).</summary>
    private bool workStopped;

    /// <summary>The step a wipe resumed after a power loss starts from, or null when no resumption is pending.</summary>
    private WipeStep? resumeFrom;

    private readonly List<SpecStep> persistedHistory = [];

    private WipeJournal Journal => journal ??= new WipeJournal(Machine.Bus.Ram, PersistentMemory.JournalAddress(Platform));

    /// <summary>The next wipe step the journal records (<see cref="WipeStep.None"/>: none ordered, <see cref="WipeStep.Done"/>: complete).</summary>
    public WipeStep WipeProgress => Journal.Next;

    /// <summary>The wipe's phase, as the spec's <c>wipe</c> field reads it.</summary>
    public WipePhase WipePhase => Journal.Next switch
    {
        WipeStep.None => WipePhase.Idle,
        WipeStep.Done => WipePhase.Complete,
        _ => WipePhase.InProgress,
    };

    /// <summary>Whether a remote wipe has completed.</summary>
    public bool WorkWiped => Journal.Next == WipeStep.Done;

    /// <summary>Whether the work vCPUs may run (false from the wipe's first step on).</summary>
    public bool WorkRunnable => !workStopped;

    /// <summary>For power-loss tests: the wipe step before which the handset loses power (the journal already names it), or null.</summary>
    public WipeStep? PowerLossBefore { get; set; }

    /// <summary>Whether the handset lost power (the machine is stopped; only <see cref="PersistentMemory"/> survives).</summary>
    public bool PowerLost { get; private set; }

    /// <summary>The spec steps that the non-volatile state shows happened before this boot (replayed by the validator at boot).</summary>
    public IReadOnlyList<SpecStep> PersistedHistory => persistedHistory;

    /// <summary>Orders a remote wipe from the work management authority, at the end of the first boot-core trap from trap number <paramref name="trap"/> on.</summary>
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
        key.CopyTo(Machine.Bus.Ram.SpanForWrite(KeyAddress, KeyLength));
    }

    /// <summary>Whether the key store still holds key material.</summary>
    public bool KeyPresent => Machine.Bus.Ram.Bytes.AsSpan((int)(KeyAddress - Machine.Bus.Ram.Base), KeyLength).ContainsAnyExcept((byte)0);

    private bool WipeDue(Core core) => wipeDueAtTrap is { } due && trapCount + 1 >= due && core.CoreId == 0 && Journal.Next == WipeStep.None;

    /// <summary>IT's order arrives: it is journaled (it survives a power loss), and the handset leaves the work persona on every core.</summary>
    private void OrderWipe(Core core, List<SpecStep> steps)
    {
        steps.Add(SpecStep.Of("orderWipe", true, ("issuer", Authority.WorkManagement)));
        Journal.Next = WipeStep.StopWork;
        workStopping = true;
        halted[(int)Component.Work] = true;
        if (Foreground == Component.Work && !halted[(int)Component.Personal])
            SwitchTo(core, Component.Personal, steps);
        Note("Work: remote wipe ordered");
    }

    /// <summary>Runs the wipe's remaining steps once no core runs the work persona (the stop IPIs are acknowledged).</summary>
    private void AdvanceWipe(Core core, List<SpecStep> steps)
    {
        if (PowerLost || !workStopping || Journal.Next is WipeStep.None or WipeStep.Done || Foreground == Component.Work)
            return;
        if (!Mutants.HasFlag(HypervisorMutant.WipeWithoutStopAcknowledgements) && live.Contains(Component.Work))
            return;
        var first = resumeFrom ?? Journal.Next;
        resumeFrom = null;
        for (var step = first; step < WipeStep.Done; step++)
        {
            Journal.Next = step;
            if (PowerLossBefore == step)
            {
                LosePower(core);
                return;
            }
            Perform(core, step, steps);
        }
        Journal.Next = WipeStep.Done;
        Note("Work: remote wipe complete");
        if (PowerLossBefore == WipeStep.Done)
            LosePower(core);
        else if (powerOffAfterWipe)
            Machine.PowerOffSystem(core.CoreId);
    }

    /// <summary>The last persona powered off while the wipe still waits for a core to leave the work persona.</summary>
    private bool powerOffAfterWipe;

    /// <summary>Whether an ordered wipe is waiting for some core to acknowledge its switch IPI (it still runs the work persona).</summary>
    private bool WipeAwaitsCores => workStopping && Journal.Next is not (WipeStep.None or WipeStep.Done) && live.Contains(Component.Work);

    /// <summary>Nothing may run, but the wipe has not finished: this core parks, and the machine powers off once the wipe completes.</summary>
    private void DeferPowerOffUntilWiped(Core core)
    {
        powerOffAfterWipe = true;
        Note("power-off deferred until the remote wipe completes");
        Park(core.CoreId);
    }

    /// <summary>The power fails: the machine stops at once; the trap in flight never completes (no observer sees it).</summary>
    private void LosePower(Core core)
    {
        PowerLost = true;
        Note($"power lost with the wipe journal at {Journal.Next}");
        Machine.PowerOffSystem(core.CoreId);
    }

    /// <summary>At boot, before anything is mapped: provision the key store on first boot, or find a journaled wipe and prepare its resumption.</summary>
    private void PrepareResumedWipe()
    {
        if (!Journal.Provisioned)
        {
            Journal.Provision();
            InstallKey(KeySeed);
            return;
        }
        var next = Journal.Next;
        if (next == WipeStep.None)
            return;
        persistedHistory.Add(SpecStep.Of("orderWipe", true, ("issuer", Authority.WorkManagement)));
        workStopping = true;
        halted[(int)Component.Work] = true;
        Note($"Work: boot found a remote wipe journaled at {next}");
        if (next <= WipeStep.DestroyKey)
        {
            // The key survives, so the work image is staged as usual; the steps whose effects lived in RAM (stopped vCPUs, revoked
            // devices, stage 2, TLBs, scrubbed pages) were lost with the power and run again.
            resumeFrom = Mutants.HasFlag(HypervisorMutant.WipeResumesAtJournaledStep) ? next : WipeStep.StopWork;
            return;
        }
        // The key is gone: the work partition is unreadable, so nothing of work is staged or mapped.
        workStopped = true;
        workGoneAtBoot = true;
        persistedHistory.Add(SpecStep.Of("wipeStopWork", true));
        for (var d = 0; d < Devices.Count; d++)
        {
            if (Devices[d].Assigned && Devices[d].Owner == Component.Work)
            {
                Devices[d].Assigned = false;
                Devices[d].Dirty = false;
                Devices[d].Quiesced = true;
                persistedHistory.Add(SpecStep.Of("wipeRevokeDevice", true, ("d", d)));
            }
        }
        foreach (var frame in WorkOwnedFrames())
        {
            ReleaseToPool(frame);
            persistedHistory.Add(SpecStep.Of("wipeScrubPage", true, ("p", frame)));
        }
        persistedHistory.Add(SpecStep.Of("wipeDestroyKey", true));
        if (next == WipeStep.Done)
            persistedHistory.Add(SpecStep.Of("wipeComplete", true));
        else
            resumeFrom = next;
    }

    /// <summary>Whether the work persona's RAM is neither staged nor mapped at this boot (a wipe had destroyed the key before power was lost).</summary>
    private bool workGoneAtBoot;

    private List<long> WorkOwnedFrames()
    {
        var frames = new List<long>();
        for (var frame = Ownership.FirstFrame; frame < Ownership.FirstFrame + Ownership.Count; frame++)
        {
            if (Ownership.StateOf(Component.Work, frame) == PageState.Owned)
                frames.Add(frame);
        }
        return frames;
    }

    /// <summary>A scrubbed work page goes into the work quota of the hypervisor's pool.</summary>
    private void ReleaseToPool(long frame)
    {
        Ownership.SetState(Component.Work, frame, PageState.None);
        Ownership.SetState(Component.Hypervisor, frame, PageState.Owned);
        Ownership.SetPool(frame, Component.Work);
    }
}
