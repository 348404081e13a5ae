namespace Persona.Systematic.Runtime;

/// <summary>The kinds of bug an iteration can find.</summary>
public enum BugKind
{
    /// <summary>An actor's or monitor's assertion failed.</summary>
    AssertionFailure,

    /// <summary>An event reached a state (after every automatic pop) with no handler for it.</summary>
    UnhandledEvent,

    /// <summary>A handler threw an exception.</summary>
    UnhandledException,

    /// <summary>An event sent with MustHandle was dropped or ignored.</summary>
    MustHandleViolated,

    /// <summary>An inbox held more events of a type than the send allowed.</summary>
    InboxBoundExceeded,

    /// <summary>A monitor was still hot when the program quiesced.</summary>
    HotAtQuiescence,

    /// <summary>A monitor stayed hot for more steps than the liveness threshold in a fair iteration.</summary>
    LivenessTemperature,

    /// <summary>A fair cycle of states repeated while a monitor was hot.</summary>
    LivenessLasso,

    /// <summary>The iteration reached the step limit and the configuration says that is a bug.</summary>
    MaxStepsReached,
}

/// <summary>A bug found in one iteration.</summary>
/// <param name="Kind">What kind of bug.</param>
/// <param name="Message">What happened, naming the actor or monitor.</param>
/// <param name="Step">The step at which it was found.</param>
public sealed record BugReport(BugKind Kind, string Message, int Step)
{
    /// <summary>Whether the bug is a liveness bug rather than a safety bug.</summary>
    public bool IsLiveness => Kind is BugKind.HotAtQuiescence or BugKind.LivenessTemperature or BugKind.LivenessLasso;

    /// <summary>Whether another bug is the same bug for shrinking purposes (same kind and same message).</summary>
    public bool SameAs(BugReport? other) => other is not null && other.Kind == Kind && other.Message == Message;
}

/// <summary>How one iteration ended.</summary>
/// <param name="Bug">The bug found, or null.</param>
/// <param name="Steps">Scheduling steps taken.</param>
/// <param name="HitMaxSteps">Whether the step limit stopped the iteration.</param>
/// <param name="Pruned">Whether a partial-order reduction cut the iteration short as redundant.</param>
/// <param name="Preemptions">Steps that switched away from an operation that was still enabled.</param>
/// <param name="CountedSteps">Steps with at least two enabled operations (PCT's k).</param>
/// <param name="Operations">Operations that existed at the end (PCT's n).</param>
public readonly record struct IterationResult(BugReport? Bug, int Steps, bool HitMaxSteps, bool Pruned, int Preemptions, int CountedSteps, int Operations);

/// <summary>Thrown inside an iteration to stop it (bug found or replay divergence); never escapes the engine.</summary>
internal sealed class IterationAbortedException : Exception
{
    public IterationAbortedException()
        : base("iteration aborted")
    {
    }

    public IterationAbortedException(string message)
        : base(message)
    {
    }

    public IterationAbortedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
