using Persona.Arm.Cpu;
using Persona.Hypervisor.Devices;
using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>External events (the user's switch, incoming calls, hang-ups), queued by the scenario and applied at the end of the next
/// trap, so a trap's own work is done before the foreground changes.</summary>
public sealed partial class Hypervisor
{
    private readonly Queue<ExternalEvent> events = new();
    private readonly Component?[] callSwitchedFrom = new Component?[2];

    /// <summary>Queues an external event and rings the event doorbell (<see cref="Interrupts.PhysicalGic.EventSgi"/> to the boot core),
    /// so the event is applied at a trap that comes whatever the guest does.</summary>
    public void Post(ExternalEvent external)
    {
        events.Enqueue(external);
        RingEventDoorbell();
    }

    /// <summary>How many posted events have not been applied yet.</summary>
    public int PendingEvents => events.Count;

    /// <summary>How many events have been applied.</summary>
    public int AppliedEvents { get; private set; }

    private void ApplyExternalEvents(Core core, List<SpecStep> steps)
    {
        while (events.TryDequeue(out var external))
        {
            ApplyExternalEvent(core, external, steps);
            AppliedEvents++;
        }
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
