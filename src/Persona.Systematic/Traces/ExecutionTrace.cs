using Persona.Systematic.Runtime;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Traces;

/// <summary>Everything needed to replay one iteration exactly: the settings that shape it and every decision, in order.</summary>
/// <param name="TestName">The registered test name.</param>
/// <param name="Strategy">The strategy that found it (informational; replay follows the decisions).</param>
/// <param name="Seed">The base seed of the run.</param>
/// <param name="Iteration">The iteration number.</param>
/// <param name="IterationSeed">The iteration's derived seed.</param>
/// <param name="Fair">Whether the iteration was fair (this sets its step limit and liveness temperature).</param>
/// <param name="Configuration">The configuration it ran under.</param>
/// <param name="Bug">The bug it ends in, or null.</param>
/// <param name="Decisions">Every decision.</param>
public sealed record ExecutionTrace(
    string TestName,
    string Strategy,
    ulong Seed,
    int Iteration,
    ulong IterationSeed,
    bool Fair,
    TestConfiguration Configuration,
    BugReport? Bug,
    IReadOnlyList<Decision> Decisions)
{
    /// <summary>The number of scheduling steps.</summary>
    public int Steps => Decisions.Count(d => d.Kind == DecisionKind.Schedule);

    /// <summary>Schedule decisions that switch to a different operation than the previous step (an upper bound on preemptions).</summary>
    public int ContextSwitches
    {
        get
        {
            int switches = 0;
            int previous = -1;
            foreach (var d in Decisions)
            {
                if (d.Kind != DecisionKind.Schedule) continue;
                if (previous >= 0 && d.Value != previous) switches++;
                previous = d.Value;
            }
            return switches;
        }
    }
}
