using BenchmarkDotNet.Attributes;
using Persona.Systematic.Models;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;

namespace Persona.Bench.Systematic;

/// <summary>Iterations per second on one core (setup, run and teardown of a whole iteration) for ping-pong and 5-node Raft at 200 steps, random strategy.</summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class IterationBenchmarks
{
    private const int Iterations = 200;
    private readonly PingPong pingPong = new();
    private readonly Raft5 raft = new();
    private readonly TestConfiguration pingPongConfig = new() { Strategy = StrategyKind.Random, Iterations = Iterations, ShrinkBudget = 0 };
    private readonly TestConfiguration raftConfig = new() { Strategy = StrategyKind.Random, Iterations = Iterations, ShrinkBudget = 0, MaxFairSteps = 200, MaxUnfairSteps = 200 };

    /// <summary>One ping-pong iteration (404 decisions).</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public long PingPongIteration() => TestEngine.Run("ping-pong", pingPong, pingPongConfig).TotalSteps;

    /// <summary>One 5-node Raft iteration (200 decisions).</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public long Raft5Iteration() => TestEngine.Run("raft-5", raft, raftConfig).TotalSteps;
}
