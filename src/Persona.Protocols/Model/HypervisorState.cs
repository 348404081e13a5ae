using Persona.Spec.Concrete;
using Persona.Spec.Operations;

namespace Persona.Protocols.Model;

/// <summary>The machine the protocols act on: the hypervisor's committed spec state plus what the hardware still holds (TLBs, running vCPUs, DMA in flight).</summary>
/// <remarks>Shared by every actor of one iteration (the engine runs one iteration on one thread).</remarks>
public sealed partial class HypervisorState
{
    private readonly HashSet<TlbEntry> tlb = [];
    private readonly HashSet<(Component Owner, long Page)> stage2Revoked = [];
    private readonly Dictionary<long, long> dmaInFlight = [];
    private readonly Component?[] running = new Component?[ProtocolWorld.Cores];
    private readonly bool[] offline = new bool[ProtocolWorld.Cores];

    /// <summary>A machine in the platform's boot state with the notification channel opened (personal lends a page to work).</summary>
    public HypervisorState()
    {
        Committed = Materializer.Materialize(ProtocolWorld.Spec.InitialState());
        var opened = TryCommit(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", ProtocolWorld.ChannelPage));
        if (!opened) throw new InvalidOperationException("the boot state does not allow opening the notification channel");
    }

    /// <summary>The hypervisor's committed spec state: what its page tables, device table and wipe record say.</summary>
    public ConcreteState Committed { get; private set; }

    /// <summary>How often the injected faults struck in this iteration.</summary>
    public FaultCounters Faults { get; } = new();

    /// <summary>Bumped on every change, so monitors evaluate the rules only on new states.</summary>
    public int Version { get; private set; }

    /// <summary>The spec operations committed so far, in order (for readable traces and tests).</summary>
    public int CommittedOperations { get; private set; }

    /// <summary>Commits a spec operation if its guard holds in the committed state; false (and no change) otherwise.</summary>
    public bool TryCommit(Operation operation, params (string Name, object Value)[] arguments)
    {
        var args = new Dictionary<string, object>(arguments.Length);
        foreach (var (name, value) in arguments) args[name] = value is Enum e ? Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) : value;
        var (after, ok) = ProtocolWorld.Spec.Apply(operation, Committed, args);
        if (!ok) return false;
        Committed = Materializer.Materialize(after);
        foreach (var (name, value) in arguments)
        {
            // A committed operation rewrites the stage-2 entries it names: a revoked entry is now the committed truth.
            if (name == "p" && value is long page) stage2Revoked.RemoveWhere(e => e.Page == page);
        }
        CommittedOperations++;
        Version++;
        return true;
    }

    /// <summary>A store by hardware (a vCPU through its TLB, a device by DMA): the page now holds the writer's data, whatever the tables say.</summary>
    public void HardwareWrite(long page, Label label)
    {
        if (Content(page) == label) return;
        Committed = Committed.With(new Dictionary<string, object> { [Fields.Content.Name] = ((MapValue)Committed[Fields.Content.Name]).Store(page, (int)label) });
        Version++;
    }

    /// <summary>The foreground core's registers now hold the data of the persona it runs.</summary>
    public void LoadLiveRegisters(Label label)
    {
        if ((Label)(int)Committed[Fields.LiveContext.Name] == label) return;
        Committed = Committed.With(new Dictionary<string, object> { [Fields.LiveContext.Name] = (int)label });
        Version++;
    }

    /// <summary>The hypervisor clears a stage-2 entry (break-before-make): no new walk finds it, cached translations remain until invalidated.</summary>
    public void RevokeStage2(Component owner, long page)
    {
        if (stage2Revoked.Add((owner, page))) Version++;
    }

    /// <summary>Whether a vCPU of <paramref name="owner"/> can walk to <paramref name="page"/> through the stage-2 tables.</summary>
    public bool WalkFinds(Component owner, long page) => IsMapped(owner, page) && !stage2Revoked.Contains((owner, page));

    /// <summary>A core caches a translation.</summary>
    public void Cache(TlbEntry entry)
    {
        if (tlb.Add(entry)) Version++;
    }

    /// <summary>Whether a core holds a translation.</summary>
    public bool Cached(TlbEntry entry) => tlb.Contains(entry);

    /// <summary>A core invalidates every translation of <paramref name="owner"/> (all pages when <paramref name="page"/> is null).</summary>
    public void Invalidate(int core, Component owner, long? page)
    {
        if (tlb.RemoveWhere(e => e.Core == core && e.Owner == owner && (page is null || e.Page == page)) > 0) Version++;
    }

    /// <summary>What each core runs (null: idle).</summary>
    public Component? Running(int core) => running[core];

    /// <summary>Sets what a core runs.</summary>
    public void SetRunning(int core, Component? persona)
    {
        if (running[core] == persona) return;
        running[core] = persona;
        Version++;
    }

    /// <summary>Whether a core went offline (its TLB lost, its IPIs unanswered).</summary>
    public bool IsOffline(int core) => offline[core];

    /// <summary>A core goes offline: it stops running and its TLB is lost with its power.</summary>
    public void TakeOffline(int core)
    {
        offline[core] = true;
        Faults.CoresOffline++;
        running[core] = null;
        tlb.RemoveWhere(e => e.Core == core);
        Version++;
    }

    /// <summary>A device starts a DMA transfer into a page.</summary>
    public void StartDma(long device, long page)
    {
        dmaInFlight[device] = page;
        Version++;
    }

    /// <summary>The DMA transfer a device has in flight, if any.</summary>
    public long? DmaTarget(long device) => dmaInFlight.TryGetValue(device, out var p) ? p : null;

    /// <summary>A device's transfer ends (completed, or aborted by the SMMU).</summary>
    public void EndDma(long device)
    {
        if (dmaInFlight.Remove(device)) Version++;
    }
}
