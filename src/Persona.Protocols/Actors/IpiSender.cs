using Persona.Protocols.Model;

namespace Persona.Protocols.Actors;

/// <summary>A hypervisor service that sends IPIs to every core and waits until each online core acknowledged, resending lost ones on a timer.</summary>
[OnEventDoAction(typeof(IpiAck), nameof(OnIpiAck))]
[OnEventDoAction(typeof(TimerElapsedEvent), nameof(OnRetryTimer))]
public abstract class IpiSender : Actor
{
    private readonly HashSet<int> pending = [];
    private Func<int, Event>? request;
    private TimerInfo? retryTimer;
    private int sequence;

    /// <summary>The iteration's wiring (set from the initial event).</summary>
    protected Wiring Wiring { get; private set; } = null!;

    /// <summary>The machine.</summary>
    protected HypervisorState Machine => SharedState<HypervisorState>();

    /// <summary>Whether a round of IPIs is waiting for acknowledgements.</summary>
    protected bool AwaitingIpis => request is not null;

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        Wiring = (Wiring)initialEvent!;
        // Sequence numbers are unique across restarts, so an acknowledgement meant for a crashed incarnation is never taken for ours.
        sequence = RestartCount * 10_000;
        Start();
    }

    /// <summary>Runs when the service starts (and again after a restart).</summary>
    protected abstract void Start();

    /// <summary>Runs once every online core acknowledged the current round.</summary>
    protected abstract void OnIpisDone();

    /// <summary>Sends one IPI to every online core; <paramref name="make"/> builds it from the round's sequence number.</summary>
    protected void SendIpis(Func<int, Event> make)
    {
        sequence++;
        request = make;
        pending.Clear();
        for (int core = 0; core < Wiring.Cores.Count; core++)
        {
            if (Machine.IsOffline(core) && !Wiring.Has(ProtocolBugs.AwaitOfflineCore)) continue;
            pending.Add(core);
            Send(Wiring.Cores[core], make(sequence));
        }
        if (Wiring.Has(ProtocolBugs.ReleaseBeforeAllAcks) && make(sequence) is TlbInvalidate)
        {
            // The seeded bug: a shoot-down counts as done as soon as the invalidations are out.
            pending.Clear();
        }
        retryTimer ??= StartTimer();
        CheckDone();
    }

    private void OnIpiAck(IpiAck ack)
    {
        if (ack.Sequence != sequence) return;
        pending.Remove(ack.Core);
        CheckDone();
    }

    private void OnRetryTimer(TimerElapsedEvent e)
    {
        if (e.Timer != retryTimer) return;
        retryTimer = null;
        if (request is null) return;
        if (!Wiring.Has(ProtocolBugs.NoIpiRetry))
        {
            foreach (var core in pending)
            {
                if (Machine.IsOffline(core)) continue;
                Machine.Faults.IpiResends++;
                Send(Wiring.Cores[core], request(sequence));
            }
        }
        retryTimer = StartTimer();
        CheckDone();
    }

    private void CheckDone()
    {
        if (request is null) return;
        // A core that went offline lost its TLB and runs nothing: it has nothing left to acknowledge.
        if (!Wiring.Has(ProtocolBugs.AwaitOfflineCore)) pending.RemoveWhere(Machine.IsOffline);
        if (pending.Count > 0) return;
        request = null;
        if (retryTimer is not null)
        {
            StopTimer(retryTimer);
            retryTimer = null;
        }
        OnIpisDone();
    }

    /// <inheritdoc/>
    protected override int HashState() => HashCode.Combine(pending.Count, sequence, request is null);
}
