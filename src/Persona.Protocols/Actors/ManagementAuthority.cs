using Persona.Protocols.Monitors;

namespace Persona.Protocols.Actors;

/// <summary>The work persona's management authority (IT): orders the wipe and repeats the command until it holds the acknowledgement.</summary>
[OnEventDoAction(typeof(WipeAcknowledged), nameof(OnAcknowledged))]
[OnEventDoAction(typeof(TimerElapsedEvent), nameof(OnRepeat))]
public sealed class ManagementAuthority : Actor
{
    private ActorId coordinator = null!;
    private TimerInfo? repeat;
    private bool acknowledged;

    /// <inheritdoc/>
    protected override void OnInitialize(Event? initialEvent)
    {
        coordinator = ((Target)initialEvent!).Actor;
        Monitor<EveryWipeCompletes>(new WipeOrdered());
        Send(coordinator, new WipeCommand(Authority.WorkManagement, Id));
        repeat = StartTimer();
    }

    private void OnRepeat(TimerElapsedEvent e)
    {
        if (acknowledged || e.Timer != repeat) return;
        Send(coordinator, new WipeCommand(Authority.WorkManagement, Id));
        repeat = StartTimer();
    }

    private void OnAcknowledged()
    {
        if (acknowledged) return;
        acknowledged = true;
        if (repeat is not null) StopTimer(repeat);
        Monitor<EveryWipeCompletes>(new WipeAckReceived());
        Monitor<PersonalDataIntact>(new WipeAckReceived());
    }

    /// <inheritdoc/>
    protected override int HashState() => acknowledged ? 1 : 0;
}

/// <summary>Tells an environment actor whom it talks to.</summary>
/// <param name="Actor">The service.</param>
public sealed record Target(ActorId Actor) : Event;
