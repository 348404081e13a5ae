namespace Persona.Systematic.Runtime;

/// <summary>What an operation does at its next step; recorded in traces so replay can detect divergence.</summary>
public enum PointKind : byte
{
    /// <summary>An actor starts: its start state's entry action runs.</summary>
    Start,

    /// <summary>An actor dequeues one event and runs its handler to completion.</summary>
    Dequeue,

    /// <summary>An actor's buffered send reaches the receiver's inbox (or the link).</summary>
    Send,

    /// <summary>An actor's buffered create makes the new actor.</summary>
    Create,

    /// <summary>An actor's buffered monitor notification reaches the monitor.</summary>
    Monitor,

    /// <summary>An actor's buffered timer start or stop takes effect.</summary>
    TimerControl,

    /// <summary>A timer decides whether it fires now.</summary>
    TimerFire,

    /// <summary>A faulty link delivers, drops or duplicates one in-flight message.</summary>
    LinkDeliver,

    /// <summary>The failure injector decides whether to crash an actor now.</summary>
    Crash,
}

/// <summary>The shared resources one step touches; two steps with disjoint footprints commute.</summary>
/// <param name="First">One resource.</param>
/// <param name="Second">Another resource, or the same one again.</param>
public readonly record struct Footprint(int First, int Second)
{
    /// <summary>The resource every allocation of operation ids touches.</summary>
    public const int Allocator = -1;

    /// <summary>The shared abstract state set by the test.</summary>
    public const int SharedState = -2;

    /// <summary>The resource of the monitor with this registration number.</summary>
    public static int MonitorResource(int number) => -10 - number;

    /// <summary>Whether two steps may not commute.</summary>
    public bool ConflictsWith(Footprint other) =>
        First == other.First || First == other.Second || Second == other.First || Second == other.Second;
}

/// <summary>One schedulable thing: an actor, a timer, a faulty link or a crash injector.</summary>
internal abstract class Operation(int id, string name)
{
    /// <summary>The operation's number, assigned in creation order.</summary>
    public int Id { get; } = id;

    /// <summary>A readable name for logs and diagrams.</summary>
    public string Name { get; protected set; } = name;

    /// <summary>Whether the operation can take a step now.</summary>
    public abstract bool IsEnabled { get; }

    /// <summary>What the next step does.</summary>
    public abstract PointKind NextPoint { get; }

    /// <summary>The resources the next step touches.</summary>
    public abstract Footprint NextFootprint { get; }

    /// <summary>Takes one step.</summary>
    public abstract void Step();

    /// <summary>The operation's engine-visible state folded into a hash (for lasso detection).</summary>
    public virtual int HashState() => 0;
}
