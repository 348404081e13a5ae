using Persona.Protocols.Model;
using Persona.Spec.Operations;

namespace Persona.Protocols.Actors;

/// <summary>
/// The world-switch manager: brings a persona to the foreground (the user's choice, or an incoming call for the background persona)
/// by taking the display from the old foreground, descheduling it on core 0 (an IPI it waits for), switching the context, handing the
/// display to the new foreground and scheduling it. Requests are served one at a time; every request is answered.
/// </summary>
[OnEventDoAction(typeof(SwitchRequest), nameof(OnRequest))]
[OnEventDoAction(typeof(SecureForegroundForWipe), nameof(OnRequest))]
[OnEventDoAction(typeof(DeviceRevoked), nameof(OnDisplayRevoked))]
[OnEventDoAction(typeof(IpiAck), nameof(OnDescheduled))]
[OnEventDoAction(typeof(DeviceAnswer), nameof(OnDisplayGranted))]
public sealed class WorldSwitchManager : Actor
{
    private readonly Queue<Event> queue = new();
    private Wiring wiring = null!;
    private Event? current;
    private Component target;
    private SwitchPhase phase;
    private bool frozenForWipe;
    private int sequence;

    private enum SwitchPhase
    {
        Idle,
        ReleasingDisplay,
        Descheduling,
        GrantingDisplay,
    }

    private HypervisorState Machine => SharedState<HypervisorState>();

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent) => wiring = (Wiring)initialEvent!;

    private void OnRequest(Event request)
    {
        queue.Enqueue(request);
        if (current is null) Next();
    }

    private void Next()
    {
        while (current is null && queue.TryDequeue(out var request))
        {
            current = request;
            switch (request)
            {
                case SwitchRequest s when s.To == Machine.Foreground:
                    Finish(true);
                    break;
                case SwitchRequest s when s.To == Component.Work && (frozenForWipe || !Machine.WorkRunnable):
                    Finish(false);
                    break;
                case SwitchRequest s:
                    Begin(s.To);
                    break;
                case SecureForegroundForWipe:
                    frozenForWipe = true;
                    if (Machine.Foreground == Component.Work) Begin(Component.Personal);
                    else Finish(true);
                    break;
            }
        }
    }

    private void Begin(Component to)
    {
        target = to;
        phase = SwitchPhase.ReleasingDisplay;
        Send(wiring.Broker!, new RevokeDevice(ProtocolWorld.Display, ForWipe: false, Id));
    }

    private void OnDisplayRevoked()
    {
        if (phase != SwitchPhase.ReleasingDisplay) return;
        phase = SwitchPhase.Descheduling;
        Send(wiring.Cores[0], new StopVcpu(Machine.Foreground, Forever: false, ++sequence, Id));
        // The seeded bug: switch as soon as the IPI is out, while core 0 may still run the old persona.
        if (wiring.Has(ProtocolBugs.SwitchRacesIpi)) SwitchContext();
    }

    private void OnDescheduled(IpiAck ack)
    {
        if (phase == SwitchPhase.Descheduling && ack.Sequence == sequence) SwitchContext();
    }

    private void SwitchContext()
    {
        phase = SwitchPhase.GrantingDisplay;
        var args = new (string, object)[] { ("to", target) };
        Assert(Refinement.Commit(Machine, SwitchOperations.SwitchTo, args), Refinement.Failure(SwitchOperations.SwitchTo, args));
        Send(wiring.Broker!, new GrantDevice(ProtocolWorld.Display, target, Id));
    }

    private void OnDisplayGranted()
    {
        if (phase != SwitchPhase.GrantingDisplay) return;
        Send(wiring.Cores[0], new ScheduleVcpu(target));
        Finish(true);
    }

    private void Finish(bool done)
    {
        switch (current)
        {
            case SwitchRequest { ReplyTo: { } replyTo } s:
                Send(replyTo, new SwitchAnswered(s.To, done));
                break;
            case SecureForegroundForWipe w:
                Send(w.ReplyTo, new ForegroundSecured());
                break;
        }
        phase = SwitchPhase.Idle;
        current = null;
        Next();
    }

    /// <inheritdoc/>
    protected override int HashState() => HashCode.Combine(queue.Count, phase, target, frozenForWipe, sequence);
}
