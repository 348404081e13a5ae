namespace Persona.Systematic.Actors;

/// <summary>A message between actors; records give events value equality, which state hashing relies on.</summary>
public abstract record Event;

/// <summary>The event an actor receives when nothing else can be dequeued and its state has a handler for it.</summary>
public sealed record DefaultEvent : Event
{
    /// <summary>The one instance; the event carries no data.</summary>
    public static readonly DefaultEvent Instance = new();
}

/// <summary>A handler declared for this type matches every event that has no more specific handler in the same state.</summary>
public sealed record WildcardEvent : Event;

/// <summary>Halts the receiving actor; every later event sent to it is dropped.</summary>
public sealed record HaltEvent : Event
{
    /// <summary>The one instance; the event carries no data.</summary>
    public static readonly HaltEvent Instance = new();
}

/// <summary>Delivered to a timer's owner when the engine decides the timer fires.</summary>
/// <param name="Timer">The timer that fired.</param>
public sealed record TimerElapsedEvent(TimerInfo Timer) : Event;

/// <summary>Identifies a timer started by an actor.</summary>
/// <param name="Owner">The actor that started the timer.</param>
/// <param name="Number">The timer's number among its owner's timers.</param>
/// <param name="Periodic">Whether the timer keeps firing until stopped.</param>
/// <param name="Payload">Optional user data echoed back in the elapsed event.</param>
public sealed record TimerInfo(ActorId Owner, int Number, bool Periodic, object? Payload);

/// <summary>Options on one send, as in Coyote.</summary>
/// <param name="MustHandle">The event is a bug if it is dropped (receiver halted) or ignored.</param>
/// <param name="MaxInstancesInInbox">When positive, a bug if the receiver's inbox then holds more events of this type.</param>
public readonly record struct SendOptions(bool MustHandle = false, int MaxInstancesInInbox = 0);
