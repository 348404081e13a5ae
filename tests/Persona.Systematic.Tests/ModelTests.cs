using Persona.Systematic.Models;
using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;
using Xunit.Abstractions;

namespace Persona.Systematic.Tests;

public sealed class ModelTests(ITestOutputHelper output)
{
    private static TestConfiguration Config(StrategyKind strategy, int iterations, ulong seed = 1) =>
        new() { Strategy = strategy, Iterations = iterations, Seed = seed, ShrinkBudget = 100 };

    [Fact]
    public void RaftTwoLeaders_IsFoundByRandom_AndReplays()
    {
        var r = BugAssert.FindsBug(output, "raft-two-leaders", new RaftTwoLeaders(), Config(StrategyKind.Random, 2000));
        Assert.Equal(BugKind.AssertionFailure, r.Bug!.Kind);
        Assert.Contains("two leaders in term", r.Bug.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raft5_RunsClean()
    {
        BugAssert.RunsClean(output, "raft-5", new Raft5(), Config(StrategyKind.Portfolio, 300));
    }

    [Fact]
    public void ChainReplicationBug_IsFound_AndReplays()
    {
        var r = BugAssert.FindsBug(output, "chain-replication-bug", new ChainReplicationBug(), Config(StrategyKind.Random, 500));
        Assert.Contains("a read returned 0 after write 1", r.Bug!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChainReplication_IsProvedCleanByDfs()
    {
        var r = BugAssert.RunsCleanExhaustively(output, "chain-replication", new ChainReplication());
        Assert.True(r.ExplorationComplete);
    }

    [Fact]
    public void FailureDetectorBug_IsFoundByLasso_AndReplays()
    {
        var r = BugAssert.FindsBug(output, "failure-detector-bug", new FailureDetectorBug(), Config(StrategyKind.Random, 200));
        Assert.Equal(BugKind.LivenessLasso, r.Bug!.Kind);
    }

    [Fact]
    public void FailureDetectorBug_IsFoundByTemperature_WithoutLasso()
    {
        var test = new FailureDetectorTest(bug: true, lasso: false);
        var r = BugAssert.FindsBug(output, "failure-detector-bug-temperature", test, Config(StrategyKind.Random, 200));
        Assert.Equal(BugKind.LivenessTemperature, r.Bug!.Kind);
    }

    [Fact]
    public void FailureDetector_RunsClean()
    {
        BugAssert.RunsClean(output, "failure-detector", new FailureDetectorFixed(), Config(StrategyKind.Random, 100));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    public void ReorderBug_IsFound_AndReplays(int threads)
    {
        var r = BugAssert.FindsBug(output, $"reorder-{threads}-bug", new ReorderTest(threads, bug: true), Config(StrategyKind.Pct, 5000) with { StrategyBound = 2 });
        Assert.Contains("reorder: read", r.Bug!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reorder3_IsProvedCleanByDfs() => Assert.True(BugAssert.RunsCleanExhaustively(output, "reorder-3", new Reorder3()).ExplorationComplete);

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void DiningPhilosophersBug_DeadlockIsFound_AndReplays(int seats)
    {
        var r = BugAssert.FindsBug(output, $"dining-{seats}-bug", new DiningPhilosophersTest(seats, bug: true), Config(StrategyKind.Random, 20000));
        Assert.Equal(BugKind.HotAtQuiescence, r.Bug!.Kind);
    }

    [Fact]
    public void DiningPhilosophers3_IsProvedCleanByDfs() =>
        Assert.True(BugAssert.RunsCleanExhaustively(output, "dining-philosophers-3", new DiningPhilosophers3()).ExplorationComplete);

    [Fact]
    public void AccountBug_IsFound_AndReplays()
    {
        var r = BugAssert.FindsBug(output, "account-bug", new AccountBug(), Config(StrategyKind.Random, 500));
        Assert.Contains("balance is 20", r.Bug!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_IsProvedCleanByDfs() => Assert.True(BugAssert.RunsCleanExhaustively(output, "account", new Account()).ExplorationComplete);

    [Fact]
    public void PingPong_IsProvedCleanByDfs() =>
        Assert.True(BugAssert.RunsCleanExhaustively(output, "ping-pong", new PingPongTest(3, 2)).ExplorationComplete);
}
