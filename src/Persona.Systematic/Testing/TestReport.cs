using System.Globalization;
using System.Text;
using Persona.Systematic.Runtime;
using Persona.Systematic.Traces;

namespace Persona.Systematic.Testing;

/// <summary>What a run found and how it went: everything Coyote's report gives, plus throughput and exhaustiveness.</summary>
public sealed record TestReport
{
    /// <summary>The test's name.</summary>
    public required string TestName { get; init; }

    /// <summary>The configuration used.</summary>
    public required TestConfiguration Configuration { get; init; }

    /// <summary>The strategy's description.</summary>
    public required string Strategy { get; init; }

    /// <summary>Iterations run.</summary>
    public int Iterations { get; init; }

    /// <summary>Iterations that found a bug.</summary>
    public int BuggyIterations { get; init; }

    /// <summary>The bug of the lowest-numbered buggy iteration, or null.</summary>
    public BugReport? Bug { get; init; }

    /// <summary>The trace of that iteration.</summary>
    public ExecutionTrace? BugTrace { get; init; }

    /// <summary>The shrunk trace, if shrinking ran.</summary>
    public ExecutionTrace? ShrunkTrace { get; init; }

    /// <summary>Scheduling decisions over all iterations.</summary>
    public long TotalSteps { get; init; }

    /// <summary>Fewest steps in an iteration.</summary>
    public int MinSteps { get; init; }

    /// <summary>Most steps in an iteration.</summary>
    public int MaxSteps { get; init; }

    /// <summary>Iterations stopped by the step limit.</summary>
    public int MaxStepsHits { get; init; }

    /// <summary>Iterations under a fair strategy.</summary>
    public int FairIterations { get; init; }

    /// <summary>Iterations cut as redundant by partial-order reduction.</summary>
    public int PrunedIterations { get; init; }

    /// <summary>For DFS: whether every path was explored, none hit the step limit, and no bug was found.</summary>
    public bool? ExplorationComplete { get; init; }

    /// <summary>The contended-step estimate k given to PCT and delay-bounding.</summary>
    public int StepEstimate { get; init; }

    /// <summary>The most contended steps (two or more enabled operations) seen in one iteration: PCT's k.</summary>
    public int MaxContendedSteps { get; init; }

    /// <summary>The most operations seen in one iteration: PCT's n.</summary>
    public int MaxOperations { get; init; }

    /// <summary>Warnings, such as liveness checking being off under an unfair strategy.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Wall-clock time of the exploration (not of shrinking).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Coverage over all iterations, when asked for.</summary>
    public CoverageReport? Coverage { get; init; }

    /// <summary>Scheduling decisions per second of wall time.</summary>
    public double StepsPerSecond => Elapsed.TotalSeconds > 0 ? TotalSteps / Elapsed.TotalSeconds : 0;

    /// <summary>A few lines for the console.</summary>
    public string Summary()
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"test {TestName}: strategy {Strategy}, seed {Configuration.Seed}, iterations {Configuration.FirstIteration}..{Configuration.FirstIteration + Configuration.Iterations - 1}");
        s.AppendLine(inv, $"  ran {Iterations} iterations ({FairIterations} fair, {Iterations - FairIterations} unfair) in {Elapsed.TotalSeconds:F2} s, {TotalSteps} steps ({StepsPerSecond:F0} steps/s)");
        s.AppendLine(inv, $"  steps per iteration: min {MinSteps}, avg {(Iterations > 0 ? (double)TotalSteps / Iterations : 0):F1}, max {MaxSteps}; step limit hit in {MaxStepsHits} ({(Iterations > 0 ? 100.0 * MaxStepsHits / Iterations : 0):F1}%)");
        if (PrunedIterations > 0) s.AppendLine(inv, $"  {PrunedIterations} iterations cut as redundant by sleep sets");
        if (ExplorationComplete is { } complete)
        {
            s.AppendLine(complete ? "  DFS explored every interleaving: the configuration is verified for this bound." : "  DFS did NOT explore everything (iteration cap, step limit or bug).");
        }
        foreach (var w in Warnings) s.AppendLine(inv, $"  warning: {w}");
        s.AppendLine(Bug is null
            ? "  no bug found"
            : string.Create(inv, $"  BUG ({Bug.Kind}) in {BuggyIterations} iteration(s); first at iteration {BugTrace?.Iteration}, step {Bug.Step}: {Bug.Message}"));
        if (ShrunkTrace is { } shrunk && BugTrace is { } raw)
        {
            s.AppendLine(inv, $"  shrunk the trace from {raw.Steps} steps / {raw.ContextSwitches} switches to {shrunk.Steps} steps / {shrunk.ContextSwitches} switches");
        }
        return s.ToString();
    }
}
