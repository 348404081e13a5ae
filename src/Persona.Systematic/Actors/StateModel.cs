namespace Persona.Systematic.Actors;

/// <summary>How a state reacts to an event type.</summary>
internal enum HandlerKind : byte
{
    None,
    Do,
    Goto,
    Push,
    Defer,
    Ignore,
}

/// <summary>A compiled method call on a machine: the machine instance and the triggering event, if any.</summary>
internal delegate void MachineAction(object machine, Event? triggeringEvent);

/// <summary>One row of a state's event table.</summary>
internal readonly record struct HandlerEntry(Type EventType, HandlerKind Kind, int TargetState, MachineAction? Action);

/// <summary>One compiled state: its actions and its event table.</summary>
internal sealed class StateInfo(string name, int index)
{
    public string Name { get; } = name;
    public int Index { get; } = index;
    public MachineAction? Entry { get; set; }
    public MachineAction? Exit { get; set; }
    public HandlerEntry[] Handlers { get; set; } = [];
    public bool IsHot { get; set; }
    public bool IsCold { get; set; }
    public bool HasDeferOrIgnore { get; set; }

    /// <summary>The row for an event type: an exact match beats a wildcard; with inheritedOnly, goto and push rows do not count.</summary>
    /// <remarks>The default event never matches a wildcard: it fires only where it is declared by name.</remarks>
    public HandlerEntry Find(Type eventType, bool inheritedOnly)
    {
        bool wildcardAllowed = !ReferenceEquals(eventType, typeof(DefaultEvent));
        var handlers = Handlers;
        int wildcard = -1;
        for (int i = 0; i < handlers.Length; i++)
        {
            var h = handlers[i];
            if (inheritedOnly && h.Kind is HandlerKind.Goto or HandlerKind.Push) continue;
            if (ReferenceEquals(h.EventType, eventType)) return h;
            if (wildcardAllowed && wildcard < 0 && ReferenceEquals(h.EventType, typeof(WildcardEvent))) wildcard = i;
        }
        return wildcard >= 0 ? handlers[wildcard] : default;
    }
}

/// <summary>The compiled description of one actor, machine or monitor class, built once per class.</summary>
internal sealed partial class StateModel
{
    private readonly Type[] stateTypes;

    private StateModel(Type type, Type[] stateTypes, StateInfo[] states, int start, Func<object>? factory)
    {
        this.stateTypes = stateTypes;
        Type = type;
        States = states;
        Start = start;
        Factory = factory;
        for (int i = 0; i < states.Length; i++)
        {
            if (states[i].Find(typeof(DefaultEvent), inheritedOnly: false).Kind != HandlerKind.None) AnyDefaultHandler = true;
        }
    }

    /// <summary>The class this model describes.</summary>
    public Type Type { get; }

    /// <summary>The states, indexed by <see cref="StateInfo.Index"/>.</summary>
    public StateInfo[] States { get; }

    /// <summary>The index of the start state.</summary>
    public int Start { get; }

    /// <summary>Makes a fresh instance (used for creation and for restart after a crash); null without a parameterless constructor.</summary>
    public Func<object>? Factory { get; }

    /// <summary>Whether any state handles <see cref="DefaultEvent"/>; if none does, no lookup is needed when the inbox is empty.</summary>
    public bool AnyDefaultHandler { get; }

    /// <summary>The index of a state class, or -1.</summary>
    public int IndexOf(Type stateType)
    {
        for (int i = 0; i < States.Length; i++)
        {
            if (stateTypes[i] == stateType) return i;
        }
        return -1;
    }
}
