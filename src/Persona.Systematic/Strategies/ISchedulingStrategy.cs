using Persona.Systematic.Runtime;

namespace Persona.Systematic.Strategies;

/// <summary>What a strategy may ask the runtime about the operations it chooses among.</summary>
public interface IScheduleView
{
    /// <summary>How many operations exist now (ids are 0..count-1, in creation order).</summary>
    int OperationCount { get; }

    /// <summary>The operation chosen at the previous step, or -1 at the first step.</summary>
    int CurrentOperation { get; }

    /// <summary>The steps taken so far in this iteration.</summary>
    int Step { get; }

    /// <summary>The resources an operation's next step touches (for partial-order reduction).</summary>
    Footprint FootprintOf(int operation);

    /// <summary>What an operation's next step does (replay checks it against the trace).</summary>
    PointKind PointOf(int operation);
}

/// <summary>Every nondeterministic choice of an iteration goes through one of these: the next operation, booleans and integers.</summary>
public interface ISchedulingStrategy
{
    /// <summary>A short description such as <c>pct(3)</c>.</summary>
    string Description { get; }

    /// <summary>Whether every enabled operation is eventually scheduled, so liveness temperature is meaningful.</summary>
    bool IsFair { get; }

    /// <summary>Prepares iteration <paramref name="iteration"/>, seeded with a seed derived from the base seed and the iteration.</summary>
    void InitializeIteration(int iteration, ulong seed);

    /// <summary>Picks one of <paramref name="enabled"/> (operation ids), or -1 to cut the iteration as redundant.</summary>
    int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view);

    /// <summary>Picks a boolean value.</summary>
    bool NextBoolean();

    /// <summary>Picks an integer in [0, <paramref name="maxExclusive"/>).</summary>
    int NextInteger(int maxExclusive);

    /// <summary>Ends the iteration; false means the strategy has nothing left to explore (exhaustive search done).</summary>
    bool FinishIteration(in IterationResult result);
}
