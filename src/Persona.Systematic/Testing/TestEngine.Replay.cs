using Persona.Systematic.Runtime;
using Persona.Systematic.Traces;

namespace Persona.Systematic.Testing;

/// <summary>The outcome of replaying a trace.</summary>
/// <param name="Bug">The bug the replay ended in, or null.</param>
/// <param name="Reproduced">Whether it is the bug the trace recorded.</param>
/// <param name="Steps">Steps replayed.</param>
public sealed record ReplayResult(BugReport? Bug, bool Reproduced, int Steps);

/// <summary>Replay, shrinking and the human-readable artefacts of a bug.</summary>
public static partial class TestEngine
{
    /// <summary>Replays a trace decision by decision; a <see cref="TraceDivergenceException"/> names the step where it stops matching.</summary>
    public static ReplayResult Replay(ISystematicTest test, ExecutionTrace trace, string source = "trace") => ReplayCore(test, trace, source, null);

    private static ReplayResult ReplayCore(ISystematicTest test, ExecutionTrace trace, string source, IRuntimeObserver? observer)
    {
        var strategy = new ReplayStrategy(trace.Decisions, trace.Fair, source);
        var runtime = new SystematicRuntime(trace.Configuration, strategy) { Observer = observer };
        var result = runtime.RunIteration(test, trace.Iteration, trace.IterationSeed);
        if (strategy.Position < trace.Decisions.Count)
        {
            throw new TraceDivergenceException(source, strategy.Position, result.Steps,
                $"the program ended ({(result.Bug is null ? "no bug" : result.Bug.Kind.ToString())}) but the trace has {trace.Decisions.Count - strategy.Position} more decisions.");
        }
        return new ReplayResult(result.Bug, trace.Bug is null ? result.Bug is null : trace.Bug.SameAs(result.Bug), result.Steps);
    }

    /// <summary>
    /// Shrinks a failing trace: removes chunks of decisions (delta debugging) and replaces context switches by
    /// staying on the current operation, keeping each candidate that still ends in the same bug with no more
    /// steps and no more switches. The result replays exactly.
    /// </summary>
    public static ExecutionTrace Shrink(ISystematicTest test, ExecutionTrace trace, int budget)
    {
        if (trace.Bug is null) return trace;
        // Candidates longer than the trace cannot be kept, so cap their runs there; the threshold is pinned because it defaults to a fraction of the limit.
        var limits = trace.Configuration with
        {
            MaxFairSteps = trace.Steps + 1,
            MaxUnfairSteps = trace.Steps + 1,
            LivenessTemperatureThreshold = trace.Configuration.EffectiveLivenessThreshold,
        };
        var runtime = new SystematicRuntime(limits, new GuidedStrategy([], trace.Fair));
        var best = trace;
        int runs = 0;
        bool TryCandidate(List<Decision> candidate)
        {
            if (runs++ >= budget) return false;
            runtime.Strategy = new GuidedStrategy(candidate, trace.Fair);
            var r = runtime.RunIteration(test, trace.Iteration, trace.IterationSeed);
            if (!trace.Bug.SameAs(r.Bug)) return false;
            var shrunk = best with { Decisions = runtime.Decisions.ToArray(), Bug = r.Bug };
            bool better = shrunk.Steps <= best.Steps && shrunk.ContextSwitches <= best.ContextSwitches
                && (shrunk.Steps < best.Steps || shrunk.ContextSwitches < best.ContextSwitches || shrunk.Decisions.Count < best.Decisions.Count);
            if (better) best = shrunk;
            return better;
        }

        for (int chunk = Math.Max(best.Decisions.Count / 2, 1); chunk >= 1 && runs < budget; chunk /= 2)
        {
            for (int start = 0; start < best.Decisions.Count && runs < budget;)
            {
                var candidate = best.Decisions.ToList();
                candidate.RemoveRange(start, Math.Min(chunk, candidate.Count - start));
                if (!TryCandidate(candidate)) start += chunk;
            }
        }
        for (int i = best.Decisions.Count - 1; i > 0 && runs < budget; i--)
        {
            if (i >= best.Decisions.Count || best.Decisions[i].Kind != DecisionKind.Schedule) continue;
            int previous = PreviousScheduled(best.Decisions, i);
            if (previous < 0 || previous == best.Decisions[i].Value) continue;
            var candidate = best.Decisions.ToList();
            candidate[i] = candidate[i] with { Value = previous };
            TryCandidate(candidate);
        }
        // The guided run's recorded decisions replay strictly; check that before handing the trace out.
        Replay(test, best, "shrunk trace");
        return best;
    }

    private static int PreviousScheduled(IReadOnlyList<Decision> decisions, int index)
    {
        for (int j = index - 1; j >= 0; j--)
        {
            if (decisions[j].Kind == DecisionKind.Schedule) return decisions[j].Value;
        }
        return -1;
    }

    /// <summary>Replays a trace with observers attached and returns the readable log, the sequence diagram and the coverage.</summary>
    public static BugArtifacts Describe(ISystematicTest test, ExecutionTrace trace)
    {
        var log = new ReadableLog();
        var diagram = new SequenceDiagram();
        var coverage = new CoverageCollector();
        var replay = ReplayCore(test, trace, "trace", new MultiObserver(log, diagram, coverage));
        return new BugArtifacts(trace, replay, log.Text, diagram.ToMermaid(), diagram.ToHtml(trace.TestName, trace.Bug), coverage.Report());
    }
}
