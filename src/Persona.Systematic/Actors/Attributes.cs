namespace Persona.Systematic.Actors;

/// <summary>Marks the nested state a machine starts in.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartAttribute : Attribute;

/// <summary>Marks a monitor state in which progress is owed (liveness).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HotAttribute : Attribute;

/// <summary>Marks a monitor state in which nothing is owed (liveness).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ColdAttribute : Attribute;

/// <summary>Names the method run when the state is entered.</summary>
/// <param name="action">The method name; it takes no argument or the triggering event.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnEntryAttribute(string action) : Attribute
{
    /// <summary>The method name.</summary>
    public string Action { get; } = action;
}

/// <summary>Names the method run when the state is left by goto or pop.</summary>
/// <param name="action">The method name; it takes no argument.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnExitAttribute(string action) : Attribute
{
    /// <summary>The method name.</summary>
    public string Action { get; } = action;
}

/// <summary>Handles an event by running a method; inherited by pushed states.</summary>
/// <param name="eventType">The event type, or <see cref="WildcardEvent"/>.</param>
/// <param name="action">The method name; it takes no argument or the event.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class OnEventDoActionAttribute(Type eventType, string action) : Attribute
{
    /// <summary>The event type.</summary>
    public Type EventType { get; } = eventType;

    /// <summary>The method name.</summary>
    public string Action { get; } = action;
}

/// <summary>Handles an event by leaving the state for another one; not inherited by pushed states.</summary>
/// <param name="eventType">The event type, or <see cref="WildcardEvent"/>.</param>
/// <param name="targetState">The nested state class to go to.</param>
/// <param name="action">An optional method run between the exit and the entry actions.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class OnEventGotoStateAttribute(Type eventType, Type targetState, string? action = null) : Attribute
{
    /// <summary>The event type.</summary>
    public Type EventType { get; } = eventType;

    /// <summary>The target state.</summary>
    public Type TargetState { get; } = targetState;

    /// <summary>The optional transition method.</summary>
    public string? Action { get; } = action;
}

/// <summary>Handles an event by pushing another state on top of this one; not inherited by pushed states.</summary>
/// <param name="eventType">The event type, or <see cref="WildcardEvent"/>.</param>
/// <param name="targetState">The nested state class to push.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class OnEventPushStateAttribute(Type eventType, Type targetState) : Attribute
{
    /// <summary>The event type.</summary>
    public Type EventType { get; } = eventType;

    /// <summary>The pushed state.</summary>
    public Type TargetState { get; } = targetState;
}

/// <summary>Leaves these events in the inbox while the state is active; inherited by pushed states.</summary>
/// <param name="eventTypes">The deferred event types.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DeferEventsAttribute(params Type[] eventTypes) : Attribute
{
    /// <summary>The deferred event types.</summary>
    public IReadOnlyList<Type> EventTypes { get; } = eventTypes;
}

/// <summary>Drops these events when they are dequeued while the state is active; inherited by pushed states.</summary>
/// <param name="eventTypes">The ignored event types.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class IgnoreEventsAttribute(params Type[] eventTypes) : Attribute
{
    /// <summary>The ignored event types.</summary>
    public IReadOnlyList<Type> EventTypes { get; } = eventTypes;
}

/// <summary>The base class of the nested state classes of a state machine or monitor.</summary>
public abstract class State;
