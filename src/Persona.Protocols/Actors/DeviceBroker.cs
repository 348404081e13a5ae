using Persona.Protocols.Model;
using Persona.Spec.Operations;

namespace Persona.Protocols.Actors;

/// <summary>
/// The device broker: serves device requests, hand-offs and the wipe's revocations one at a time. Taking a device means asking it to
/// quiesce (DMA in flight completes), then scrubbing it; a device that never quiesces is cut off at the SMMU when a timer expires.
/// The spec's grant guard is the broker's policy: a request it forbids is answered with a refusal.
/// </summary>
[OnEventDoAction(typeof(DeviceRequest), nameof(OnRequest))]
[OnEventDoAction(typeof(RevokeDevice), nameof(OnJob))]
[OnEventDoAction(typeof(GrantDevice), nameof(OnJob))]
[OnEventDoAction(typeof(DeviceQuiescedAck), nameof(OnQuiesced))]
[OnEventDoAction(typeof(TimerElapsedEvent), nameof(OnQuiesceTimeout))]
public sealed class DeviceBroker : Actor
{
    private readonly Queue<Event> queue = new();
    private readonly Dictionary<long, int> epochs = [];
    private Wiring wiring = null!;
    private Event? current;
    private long? revoking;
    private TimerInfo? quiesceTimer;

    private HypervisorState Machine => SharedState<HypervisorState>();

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent) => wiring = (Wiring)initialEvent!;

    private void OnRequest(DeviceRequest request)
    {
        if (current is not null && revoking == request.Device && wiring.Has(ProtocolBugs.GrantDuringRevoke))
        {
            // The seeded bug: the device being revoked is taken for free and handed over at once.
            Require(DeviceOperations.Grant, ("d", request.Device), ("who", request.Who));
            Attach(request.Device, request.Who);
            Send(request.ReplyTo, new DeviceAnswer(request.Device, request.Who, true));
            return;
        }
        OnJob(request);
    }

    private void OnJob(Event job)
    {
        queue.Enqueue(job);
        if (current is null) Next();
    }

    private void Next()
    {
        while (current is null && queue.TryDequeue(out var job))
        {
            current = job;
            switch (job)
            {
                case DeviceRequest r when Machine.Holds(r.Who, r.Device):
                    Answer(true);
                    break;
                case DeviceRequest r when Machine.Assigned(r.Device):
                    BeginRevoke(r.Device);
                    break;
                case DeviceRequest r:
                    GrantAndAnswer(r.Device, r.Who);
                    break;
                case GrantDevice g:
                    GrantAndAnswer(g.Device, g.Who);
                    break;
                case RevokeDevice v when v.ForWipe ? Machine.Holds(Component.Work, v.Device) : Machine.Assigned(v.Device):
                    BeginRevoke(v.Device);
                    break;
                case RevokeDevice:
                    Answer(true);
                    break;
            }
        }
    }

    private void BeginRevoke(long device)
    {
        revoking = device;
        Send(wiring.Devices[device], new QuiesceRequest(Id, epochs.GetValueOrDefault(device)));
        if (wiring.Has(ProtocolBugs.RevokeWithoutQuiesce))
        {
            FinishRevoke();
            return;
        }
        if (!wiring.Has(ProtocolBugs.NoQuiesceTimeout)) quiesceTimer = StartTimer();
    }

    private void OnQuiesced(DeviceQuiescedAck ack)
    {
        if (revoking == ack.Device && ack.Epoch == epochs.GetValueOrDefault(ack.Device)) FinishRevoke();
    }

    private void OnQuiesceTimeout(TimerElapsedEvent e)
    {
        if (e.Timer != quiesceTimer || revoking is not { } device) return;
        quiesceTimer = null;
        // The timeout path: the SMMU blocks the device's stream, which cancels the DMA it has in flight.
        Machine.Faults.QuiesceTimeouts++;
        Machine.EndDma(device);
        FinishRevoke();
    }

    private void FinishRevoke()
    {
        var device = revoking!.Value;
        revoking = null;
        if (quiesceTimer is not null)
        {
            StopTimer(quiesceTimer);
            quiesceTimer = null;
        }
        Require(DeviceOperations.Quiesce, ("d", device));
        bool forWipe = current is RevokeDevice { ForWipe: true };
        Require(forWipe ? WipeOperations.RevokeDevice : DeviceOperations.Release, ("d", device));
        if (current is DeviceRequest r) GrantAndAnswer(r.Device, r.Who);
        else Answer(true);
    }

    private void GrantAndAnswer(long device, Component who)
    {
        bool granted = Machine.TryCommit(DeviceOperations.Grant, ("d", device), ("who", who));
        if (granted) Attach(device, who);
        Answer(granted);
    }

    private void Attach(long device, Component who)
    {
        // Each grant gets a new number, so the device can tell a late attach of a grant already revoked.
        epochs[device] = epochs.GetValueOrDefault(device) + 1;
        Send(wiring.Devices[device], new DeviceAttached(who, epochs[device]));
    }

    private void Answer(bool ok)
    {
        switch (current)
        {
            case DeviceRequest r:
                Send(r.ReplyTo, new DeviceAnswer(r.Device, r.Who, ok));
                break;
            case GrantDevice g:
                Send(g.ReplyTo, new DeviceAnswer(g.Device, g.Who, ok));
                break;
            case RevokeDevice v:
                Send(v.ReplyTo, new DeviceRevoked(v.Device));
                break;
        }
        current = null;
        Next();
    }

    private void Require(Operation operation, params (string Name, object Value)[] arguments) =>
        Assert(Refinement.Commit(Machine, operation, arguments), Refinement.Failure(operation, arguments));

    /// <inheritdoc/>
    protected override int HashState() => HashCode.Combine(queue.Count, current?.GetType(), revoking);
}
