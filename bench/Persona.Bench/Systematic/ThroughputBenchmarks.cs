using BenchmarkDotNet.Attributes;
using Persona.Systematic.Models;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;

namespace Persona.Bench.Systematic;

/// <summary>
/// Scheduling decisions per second on one core: ping-pong (404 decisions per iteration) and 5-node Raft
/// election capped at 200 steps. Each benchmark runs a fixed batch of iterations on one worker and reports
/// the time per decision (OperationsPerInvoke = decisions in the batch, checked in setup).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class ThroughputBenchmarks
{
    private const int PingPongIterations = 200;
    private const int PingPongDecisionsPerIteration = 404;
    private const int RaftIterations = 100;
    private const int RaftDecisionsPerIteration = 200;

    private readonly PingPong pingPong = new();
    private readonly Raft5 raft = new();
    private TestConfiguration pingPongConfig = null!;
    private TestConfiguration raftConfig = null!;

    /// <summary>The strategy under test.</summary>
    [Params(StrategyKind.Random, StrategyKind.Pct, StrategyKind.Portfolio)]
    public StrategyKind Strategy { get; set; }

    /// <summary>Builds the configurations and checks the decision counts the per-decision figures rely on.</summary>
    [GlobalSetup]
    public void Setup()
    {
        pingPongConfig = new TestConfiguration { Strategy = Strategy, Iterations = PingPongIterations, Seed = 1, ShrinkBudget = 0, StepEstimate = 300 };
        raftConfig = new TestConfiguration
        {
            Strategy = Strategy,
            Iterations = RaftIterations,
            Seed = 1,
            ShrinkBudget = 0,
            StepEstimate = 150,
            MaxFairSteps = RaftDecisionsPerIteration,
            MaxUnfairSteps = RaftDecisionsPerIteration,
        };
        Check(TestEngine.Run("ping-pong", pingPong, pingPongConfig), PingPongIterations * PingPongDecisionsPerIteration);
        Check(TestEngine.Run("raft-5", raft, raftConfig), RaftIterations * RaftDecisionsPerIteration);
    }

    private static void Check(TestReport report, long expected)
    {
        if (report.TotalSteps != expected || report.Bug is not null)
        {
            throw new InvalidOperationException($"{report.TestName}: {report.TotalSteps} decisions, expected {expected} (bug: {report.Bug?.Message})");
        }
    }

    /// <summary>Ping-pong, 100 round trips per iteration; the figure is per decision.</summary>
    [Benchmark(OperationsPerInvoke = PingPongIterations * PingPongDecisionsPerIteration)]
    public long PingPongDecision() => TestEngine.Run("ping-pong", pingPong, pingPongConfig).TotalSteps;

    /// <summary>5-node Raft election, 200 steps per iteration; the figure is per decision.</summary>
    [Benchmark(OperationsPerInvoke = RaftIterations * RaftDecisionsPerIteration)]
    public long Raft5Decision() => TestEngine.Run("raft-5", raft, raftConfig).TotalSteps;
}
