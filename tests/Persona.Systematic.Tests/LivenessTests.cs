using Persona.Systematic.Actors;
using Persona.Systematic.Models;
using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Tests;

public sealed record Request : Event;

public sealed record Served : Event;

/// <summary>Hot from a request until it is served.</summary>
public sealed class EveryRequestServed : Monitor
{
    [Start]
    [Cold]
    [OnEventGotoState(typeof(Request), typeof(Pending))]
    [IgnoreEvents(typeof(Served))]
    private sealed class Idle : State;

    [Hot]
    [OnEventGotoState(typeof(Served), typeof(Idle))]
    [IgnoreEvents(typeof(Request))]
    private sealed class Pending : State;
}

/// <summary>Requests service and then spins forever on its own timer without ever serving it.</summary>
public sealed class Forgetful : Actor
{
    protected override void OnInitialize(Event? initialEvent)
    {
        Monitor<EveryRequestServed>(new Request());
        if (((Spin)initialEvent!).Forever) StartPeriodicTimer();
    }
}

[OnEventDoAction(typeof(TimerElapsedEvent), nameof(Tick))]
public sealed class SpinningForgetful : Actor
{
    protected override void OnInitialize(Event? initialEvent)
    {
        Monitor<EveryRequestServed>(new Request());
        StartPeriodicTimer();
    }

    private void Tick()
    {
    }
}

public sealed record Spin(bool Forever) : Event;

internal sealed class ForgetfulTest(bool spin, bool lasso) : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<EveryRequestServed>();
        if (spin) runtime.CreateActor<SpinningForgetful>();
        else runtime.CreateActor<Forgetful>(new Spin(false));
    }

    public TestConfiguration Configure(TestConfiguration c) => c with { LassoDetection = lasso, MaxFairSteps = 4000, MaxUnfairSteps = 400, LivenessTemperatureThreshold = 1000 };
}

public sealed class LivenessTests
{
    private static TestReport Run(ISystematicTest test, StrategyKind kind) =>
        TestEngine.Run("live", test, test.Configure(new TestConfiguration { Strategy = kind, Iterations = 3, ShrinkBudget = 0 }));

    [Fact]
    public void HotMonitor_AtQuiescence_IsABug_UnderEveryStrategy()
    {
        foreach (var kind in new[] { StrategyKind.Random, StrategyKind.Pct, StrategyKind.Dfs })
        {
            Assert.Equal(BugKind.HotAtQuiescence, Run(new ForgetfulTest(spin: false, lasso: false), kind).Bug?.Kind);
        }
    }

    [Fact]
    public void Temperature_FindsAHotMonitorThatNeverCools_InFairIterationsOnly()
    {
        var fair = Run(new ForgetfulTest(spin: true, lasso: false), StrategyKind.Random);
        Assert.Equal(BugKind.LivenessTemperature, fair.Bug?.Kind);
        Assert.InRange(fair.Bug!.Step, 1001, 1010);
        var unfair = Run(new ForgetfulTest(spin: true, lasso: false), StrategyKind.Pct);
        Assert.Null(unfair.Bug);
        Assert.Equal(3, unfair.MaxStepsHits);
    }

    [Fact]
    public void Lasso_FindsTheFairCycle_LongBeforeTheThreshold()
    {
        var r = Run(new ForgetfulTest(spin: true, lasso: true), StrategyKind.Random);
        Assert.Equal(BugKind.LivenessLasso, r.Bug?.Kind);
        Assert.True(r.Bug!.Step < 100, $"found at step {r.Bug.Step}");
    }

    [Fact]
    public void Lasso_IgnoresCyclesInWhichATimerNeverFires()
    {
        // The failure detector's monitor is hot between a crash and its detection, while the timer keeps declining to fire;
        // those repeats are unfair to the timer and must not be reported.
        var r = TestEngine.Run("fd", new FailureDetectorFixed(), new FailureDetectorFixed().Configure(new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 200 }));
        Assert.Null(r.Bug);
    }

    [Fact]
    public void FailureDetectorBug_IsFoundAsAHotMonitor_ByThePortfolio()
    {
        var r = TestEngine.Run("fd", new FailureDetectorBug(), new FailureDetectorBug().Configure(new TestConfiguration { Strategy = StrategyKind.Portfolio, Iterations = 100 }));
        Assert.True(r.Bug?.IsLiveness);
    }
}
