using System.Collections.Concurrent;
using Persona.Systematic.Actors;
using Persona.Systematic.Models;
using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;
using Xunit.Abstractions;

namespace Persona.Systematic.Tests;

public sealed record Token(int Sender) : Event;

public sealed record Work(ActorId Sink, int Number, int Rounds) : Event;

/// <summary>Does some purely local steps (self-sends), then sends its number to the sink.</summary>
[OnEventDoAction(typeof(Work), nameof(OnWork))]
public sealed class BusySender : Actor
{
    private void OnWork(Work w)
    {
        if (w.Rounds > 0) Send(Id, w with { Rounds = w.Rounds - 1 });
        else Send(w.Sink, new Token(w.Number));
    }
}

public sealed record OrderSeen(string Order) : Event;

/// <summary>Records the order tokens arrive in, and reports it to the monitor (no shared state, so steps of different actors commute).</summary>
[OnEventDoAction(typeof(Token), nameof(OnToken))]
public sealed class OrderSink : Actor
{
    private string order = "";

    private void OnToken(Token t)
    {
        order += t.Sender;
        if (order.Length == 3) Monitor<OrderRecorder>(new OrderSeen(order));
    }
}

/// <summary>Collects every arrival order reached.</summary>
[OnEventDoAction(typeof(OrderSeen), nameof(OnOrder))]
public sealed class OrderRecorder(ConcurrentBag<string> orders) : Monitor
{
    private void OnOrder(OrderSeen e) => orders.Add(e.Order);
}

/// <summary>Three busy senders and a sink: 6 arrival orders are reachable, amid many interleavings of independent local steps.</summary>
internal sealed class ArrivalOrders : ISystematicTest
{
    public ConcurrentBag<string> Orders { get; } = [];

    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor(new OrderRecorder(Orders));
        var sink = runtime.CreateActor<OrderSink>();
        for (int i = 0; i < 3; i++) runtime.SendEvent(runtime.CreateActor<BusySender>(), new Work(sink, i, 1));
    }
}

public sealed class StrategyTests(ITestOutputHelper output)
{
    public static TheoryData<StrategyKind> AllStrategies() => [.. Enum.GetValues<StrategyKind>()];

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void EveryStrategy_FindsTheReorderBug_AndItsTraceReplays(StrategyKind kind)
    {
        var config = new TestConfiguration { Strategy = kind, Iterations = 20_000, Seed = 7, ShrinkBudget = 50 };
        var report = BugAssert.FindsBug(output, "reorder-3-bug", new Reorder3Bug(), config);
        Assert.Equal(BugKind.AssertionFailure, report.Bug!.Kind);
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void EveryStrategy_IsDeterministicInItsSeed(StrategyKind kind)
    {
        var config = new TestConfiguration { Strategy = kind, Iterations = 300, Seed = 11, ShrinkBudget = 0 };
        var a = TestEngine.Run("dining", new DiningPhilosophers5Bug(), config);
        var b = TestEngine.Run("dining", new DiningPhilosophers5Bug(), config);
        Assert.Equal(a.BugTrace?.Iteration, b.BugTrace?.Iteration);
        Assert.Equal(a.BugTrace?.Decisions, b.BugTrace?.Decisions);
        Assert.Equal(a.TotalSteps, b.TotalSteps);
    }

    [Theory]
    [InlineData(StrategyKind.Random)]
    [InlineData(StrategyKind.Pct)]
    [InlineData(StrategyKind.Portfolio)]
    public void FirstBug_DoesNotDependOnTheNumberOfWorkers(StrategyKind kind)
    {
        var config = new TestConfiguration { Strategy = kind, Iterations = 5000, Seed = 3, ShrinkBudget = 0 };
        var one = TestEngine.Run("rare", new RareBugTest(), config);
        output.WriteLine(one.Summary());
        Assert.NotNull(one.BugTrace);
        Assert.True(one.BugTrace!.Iteration > 0, "pick a configuration whose first bug is not in iteration 0, or the test proves little");
        foreach (int workers in new[] { 2, 3 })
        {
            var many = TestEngine.Run("rare", new RareBugTest(), config with { Workers = workers });
            Assert.Equal(one.BugTrace.Iteration, many.BugTrace?.Iteration);
            Assert.Equal(one.BugTrace.Decisions, many.BugTrace!.Decisions);
        }
    }

    [Fact]
    public void SeedRanges_SplitOneRunExactly()
    {
        var whole = new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 400, Seed = 5, StopAtFirstBug = false, ShrinkBudget = 0 };
        var all = TestEngine.Run("reorder-5-bug", new Reorder5Bug(), whole);
        var first = TestEngine.Run("reorder-5-bug", new Reorder5Bug(), whole with { Iterations = 150 });
        var second = TestEngine.Run("reorder-5-bug", new Reorder5Bug(), whole with { FirstIteration = 150, Iterations = 250 });
        Assert.True(all.BuggyIterations > 0);
        Assert.Equal(all.BuggyIterations, first.BuggyIterations + second.BuggyIterations);
        Assert.Equal(all.TotalSteps, first.TotalSteps + second.TotalSteps);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void PaperPct_HitRate_IsAtLeastItsBound(int threads)
    {
        const int iterations = 3000;
        var config = new TestConfiguration { Strategy = StrategyKind.Pct, StrategyBound = 2, Iterations = iterations, Seed = 1, StopAtFirstBug = false, ShrinkBudget = 0 };
        var report = TestEngine.Run("reorder", new ReorderTest(threads, bug: true), config);
        int n = report.MaxOperations;
        int k = Math.Max(report.StepEstimate, report.MaxContendedSteps);
        double bound = 1.0 / (n * (double)k);
        double rate = (double)report.BuggyIterations / report.Iterations;
        output.WriteLine($"n={n} k={k} bound={bound:F4} measured={rate:F4}");
        Assert.True(rate >= bound, $"PCT hit rate {rate} is below its bound {bound} (n={n}, k={k}, d=2)");
    }

    [Fact]
    public void Dfs_WithSleepSets_ReachesEveryOutcome_InFarFewerIterations()
    {
        var reduced = new ArrivalOrders();
        var full = new ArrivalOrders();
        var config = new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 50_000 };
        var r1 = TestEngine.Run("orders", reduced, config);
        var r2 = TestEngine.Run("orders", full, config with { PartialOrderReduction = false });
        output.WriteLine(r1.Summary() + r2.Summary());
        Assert.True(r1.ExplorationComplete);
        Assert.Equal(["012", "021", "102", "120", "201", "210"], reduced.Orders.Distinct().Order());
        Assert.False(r2.ExplorationComplete, "plain DFS should need more than 50 000 paths here");
        Assert.True(r1.Iterations * 100 < r2.Iterations, $"sleep sets explored {r1.Iterations} paths, plain DFS at least {r2.Iterations}");
    }

    [Fact]
    public void Dfs_SaysWhenItHasNotExploredEverything()
    {
        var report = TestEngine.Run("orders", new ArrivalOrders(), new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 3 });
        Assert.Equal(3, report.Iterations);
        Assert.False(report.ExplorationComplete);
    }

    [Fact]
    public void Portfolio_RotatesItsMembersByIterationNumber()
    {
        var members = new ISchedulingStrategy[] { new RandomStrategy(), new ProbabilisticStrategy(3), new DfsStrategy() };
        var portfolio = new PortfolioStrategy(members);
        for (int i = 0; i < 7; i++)
        {
            portfolio.InitializeIteration(i, 1);
            Assert.Same(members[i % 3], portfolio.Current);
        }
    }

    [Fact]
    public void UnfairStrategy_WarnsThatLivenessCheckingIsOff()
    {
        var report = TestEngine.Run("fd", new FailureDetectorFixed(), new FailureDetectorFixed().Configure(new TestConfiguration { Strategy = StrategyKind.Pct, Iterations = 5 }));
        Assert.Contains(report.Warnings, w => w.Contains("liveness", StringComparison.Ordinal));
        var fair = TestEngine.Run("fd", new FailureDetectorFixed(), new FailureDetectorFixed().Configure(new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 5 }));
        Assert.DoesNotContain(fair.Warnings, w => w.Contains("liveness", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_CountsIterationsThatHitTheStepLimit()
    {
        var report = TestEngine.Run("fd", new FailureDetectorFixed(), new FailureDetectorFixed().Configure(new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 5 }));
        Assert.Equal(5, report.MaxStepsHits);
        Assert.Contains(report.Warnings, w => w.Contains("5 of 5 iterations hit the step limit", StringComparison.Ordinal));
        var clean = TestEngine.Run("account", new Account(), new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 5 });
        Assert.Equal(0, clean.MaxStepsHits);
    }

    [Fact]
    public void IterationSeeds_DependOnlyOnBaseSeedAndIteration()
    {
        Assert.Equal(SeedDerivation.IterationSeed(42, 7), SeedDerivation.IterationSeed(42, 7));
        var seen = new HashSet<ulong>();
        for (int i = 0; i < 1000; i++) Assert.True(seen.Add(SeedDerivation.IterationSeed(42, i)));
        Assert.NotEqual(SeedDerivation.IterationSeed(42, 0), SeedDerivation.IterationSeed(43, 0));
    }
}
