using Persona.Arm.Cpu;
using Persona.Hypervisor.Devices;
using Persona.Hypervisor.Running;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>External events (the user's switch, incoming calls, hang-ups): scheduled ones take effect at their virtual time through
/// the boot core's EL2 physical timer (<see cref="Schedule"/>, <c>Hypervisor.EventTimer.cs</c>); posted ones at the end of the next
/// boot-core trap. Either way they apply at the end of a trap, so the trap's own work is done before the foreground changes.</summary>
public sealed partial class Hypervisor
{
    private readonly Queue<ExternalEvent> events = new();
    private readonly Queue<TimedEvent> scheduled = new();
    private readonly List<AppliedEvent> applied = [];
    private readonly Component?[] callSwitchedFrom = new Component?[2];

    /// <summary>Queues an external event and rings the event doorbell (<see cref="Interrupts.PhysicalGic.EventSgi"/> to the boot core),
    /// so the event is applied at a trap that comes whatever the guest does.</summary>
    public void Post(ExternalEvent external)
    {
        events.Enqueue(external);
        RingEventDoorbell();
    }

    /// <summary>Schedules events at their virtual times (in time order, after any already scheduled): each takes effect at the
    /// first boot-core instruction boundary at or after its time, where the EL2 physical timer traps the running persona.</summary>
    /// <exception cref="ArgumentException">An event is earlier than one scheduled before it.</exception>
    public void Schedule(IEnumerable<TimedEvent> timedEvents)
    {
        foreach (var timed in timedEvents)
        {
            var last = scheduled.Count > 0 ? scheduled.Last().AtTicks : 0;
            if (timed.AtTicks < last)
                throw new ArgumentException($"event {timed.Event} at tick {timed.AtTicks} is earlier than one scheduled at tick {last}", nameof(timedEvents));
            scheduled.Enqueue(timed);
        }
        ArmEventTimer();
    }

    /// <summary>How many posted or scheduled events have not been applied yet.</summary>
    public int PendingEvents => events.Count + scheduled.Count;

    /// <summary>How many events have been applied.</summary>
    public int AppliedEvents => applied.Count;

    /// <summary>The events applied so far, in order, with when each was due and when it took effect.</summary>
    public IReadOnlyList<AppliedEvent> EventsApplied => applied;

    private void ApplyExternalEvents(Core core, List<SpecStep> steps)
    {
        var now = ExactTicks(core);
        // Scheduled events wait for the event timer's own interrupt: it is taken at a slice boundary, where the counter is exact.
        var timerFired = eventTimerFired;
        eventTimerFired = false;
        while (timerFired && scheduled.TryPeek(out var due) && due.AtTicks <= now)
        {
            scheduled.Dequeue();
            ApplyExternalEvent(core, due.Event, steps);
            applied.Add(new AppliedEvent(due.Event, due.AtTicks, now, trapCount + 1));
        }
        while (events.TryDequeue(out var external))
        {
            ApplyExternalEvent(core, external, steps);
            applied.Add(new AppliedEvent(external, null, now, trapCount + 1));
        }
        ArmEventTimer();
    }

    private void ApplyExternalEvent(Core core, ExternalEvent external, List<SpecStep> steps)
    {
        Note($"at tick {Machine.Clock.Ticks} (trap {trapCount + 1}, {Foreground} in the foreground): {external}");
        switch (external)
        {
            case UserSwitch user:
                var other = user.To ?? HypervisorLayout.Other(Foreground);
                if (other == Foreground)
                    Note($"user switch to {other}: already in the foreground");
                else if (IsHalted(other))
                    Note($"user switch to {other} refused: it is not running");
                else
                    SwitchTo(core, other, steps);
                break;
            case IncomingCall call:
                IncomingCallFor(core, call, steps);
                break;
            case Notification notification:
                DeliverAlert(core, notification);
                break;
            case RemoteHangUp hangUp:
                var line = hangUp.Line ?? HypervisorLayout.Personas.Cast<Component?>().FirstOrDefault(p => modemLines[(int)p!.Value].Status != LineStatus.Idle);
                if (line is not { } persona || !modemLines[(int)persona].RemoteHangUp())
                {
                    Note("remote hang-up: no call in progress");
                    break;
                }
                Note($"{persona}: remote hang-up");
                Inject(core, persona, VirtualInterrupt.Modem);
                // The call brought its persona to the foreground: the persona the user had returns.
                if (callSwitchedFrom[(int)persona] is { } previous && Foreground == persona && !IsHalted(previous))
                    SwitchTo(core, previous, steps);
                callSwitchedFrom[(int)persona] = null;
                break;
            case RemoteWipeOrder:
                // The wipe starts at the end of this trap (WipeDue); a second order while one is journaled changes nothing.
                wipeDueAtTrap ??= trapCount + 1;
                break;
            default:
                throw new InvalidOperationException($"no handler for external event {external}");
        }
    }

    /// <summary>The line rings and raises its persona's modem interrupt; a call for the background persona brings it to the foreground.</summary>
    private void IncomingCallFor(Core core, IncomingCall call, List<SpecStep> steps)
    {
        var persona = call.Line;
        if (IsHalted(persona) || !modemLines[(int)persona].Ring(call.Caller))
        {
            Note($"{persona}: incoming call from {call.Caller} not delivered (line busy or persona stopped)");
            return;
        }
        Note($"{persona}: incoming call from {call.Caller}");
        Inject(core, persona, VirtualInterrupt.Modem);
        if (persona != Foreground)
        {
            callSwitchedFrom[(int)persona] = Foreground;
            SwitchTo(core, persona, steps);
        }
    }
}
