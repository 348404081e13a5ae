using System.Collections.Concurrent;
using Persona.Systematic.Actors;
using Persona.Systematic.Faults;
using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;
using Xunit.Abstractions;

namespace Persona.Systematic.Tests;

public sealed record RoundsStart(ActorId Answerer, int Rounds) : Event;

public sealed record RoundRequest(ActorId From) : Event;

public sealed record RoundAnswer : Event;

public sealed record RoundOpened : Event;

public sealed record RoundClosed : Event;

/// <summary>Asks the answerer a number of times, one question at a time; the monitor is hot while a question is open.</summary>
[OnEventDoAction(typeof(RoundAnswer), nameof(OnAnswer))]
public sealed class RoundAsker : Actor
{
    private ActorId answerer = null!;
    private int left;

    protected override void OnInitialize(Event? initialEvent)
    {
        var start = (RoundsStart)initialEvent!;
        answerer = start.Answerer;
        left = start.Rounds;
        Ask();
    }

    private void OnAnswer() => Ask();

    private void Ask()
    {
        if (left-- <= 0) return;
        Monitor<EveryRoundAnswered>(new RoundOpened());
        Send(answerer, new RoundRequest(Id));
    }
}

/// <summary>Answers every question at once.</summary>
[OnEventDoAction(typeof(RoundRequest), nameof(OnRequest))]
public sealed class RoundAnswerer : Actor
{
    private void OnRequest(RoundRequest r)
    {
        Monitor<EveryRoundAnswered>(new RoundClosed());
        Send(r.From, new RoundAnswer());
    }
}

/// <summary>Hot from a question to its answer.</summary>
public sealed class EveryRoundAnswered : Monitor
{
    [Start]
    [Cold]
    [OnEventGotoState(typeof(RoundOpened), typeof(Open))]
    private sealed class Idle : State;

    [Hot]
    [OnEventGotoState(typeof(RoundClosed), typeof(Idle))]
    private sealed class Open : State;
}

/// <summary>Many short hot periods: each lasts a few steps, all of them together far more than the temperature threshold.</summary>
internal sealed class ManyShortHotPeriods : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<EveryRoundAnswered>();
        var answerer = runtime.CreateActor<RoundAnswerer>();
        runtime.CreateActor<RoundAsker>(new RoundsStart(answerer, 40));
    }
}

public sealed record Mark(int Number) : Event;

/// <summary>The shared state of <see cref="ConflictingMarks"/>: the numbers in the order they were written, and every complete order seen.</summary>
public sealed class MarkTrail(ConcurrentBag<string> orders)
{
    private string order = "";

    public void Write(int number)
    {
        order += number;
        if (order.Length == 2) orders.Add(order);
    }
}

/// <summary>Writes its number into the shared state as soon as it starts.</summary>
public sealed class Marker : Actor
{
    protected override void OnInitialize(Event? initialEvent) => SharedState<MarkTrail>().Write(((Mark)initialEvent!).Number);
}

/// <summary>Two actors write one shared state in their first steps: the two steps conflict, so both orders must be explored.</summary>
internal sealed class ConflictingMarks : ISystematicTest
{
    public ConcurrentBag<string> Orders { get; } = [];

    public void Setup(IActorRuntime runtime)
    {
        runtime.SetSharedState(new MarkTrail(Orders));
        runtime.CreateActor<Marker>(new Mark(1));
        runtime.CreateActor<Marker>(new Mark(2));
    }
}

/// <summary>Counts arrivals; the monitor stays hot until two of the three numbers arrived.</summary>
[OnEventDoAction(typeof(Numbered), nameof(OnNumber))]
public sealed class CountingReceiver : Actor
{
    private int arrived;

    private void OnNumber()
    {
        if (++arrived == 2) Monitor<TwoArrive>(new Numbered(2));
    }
}

/// <summary>Hot until two messages arrived.</summary>
public sealed class TwoArrive : Monitor
{
    [Start]
    [Hot]
    [OnEventGotoState(typeof(Numbered), typeof(Arrived))]
    private sealed class Waiting : State;

    [Cold]
    private sealed class Arrived : State;
}

/// <summary>Three numbers over a link that may drop, with a budget of one fault: at most one is lost, so two always arrive.</summary>
internal sealed class DropBudgetTest : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<TwoArrive>();
        var receiver = runtime.CreateActor<CountingReceiver>();
        var sender = runtime.CreateActor<NumberSender>();
        runtime.ConfigureLink(sender, receiver, LinkFaults.Drop, maxFaults: 1);
        runtime.SendEvent(sender, new SendNumbers(receiver, 3));
    }
}

public sealed record SpinAgain : Event;

public sealed record StopSpinning : Event;

public sealed record Cooled : Event;

/// <summary>Sends itself a spin event until told to stop: alone it cycles through the same state forever.</summary>
[OnEventDoAction(typeof(SpinAgain), nameof(OnSpin))]
[OnEventDoAction(typeof(StopSpinning), nameof(OnStop))]
public sealed class Spinner : Actor
{
    private bool stopped;

    private void OnSpin()
    {
        if (!stopped) Send(Id, new SpinAgain());
    }

    private void OnStop() => stopped = true;

    protected override int HashState() => stopped ? 1 : 0;
}

/// <summary>Cools the monitor and stops the spinner in its first steps.</summary>
public sealed class Cooler : Actor
{
    protected override void OnInitialize(Event? initialEvent)
    {
        Monitor<HotUntilCooled>(new Cooled());
        Send(((Wake)initialEvent!).Target, new StopSpinning());
    }
}

public sealed record Wake(ActorId Target) : Event;

/// <summary>Hot from the start until the cooler runs.</summary>
public sealed class HotUntilCooled : Monitor
{
    [Start]
    [Hot]
    [OnEventGotoState(typeof(Cooled), typeof(Done))]
    private sealed class Waiting : State;

    [Cold]
    private sealed class Done : State;
}

/// <summary>The spinner's cycle repeats a global state while the monitor is hot, but the cooler is enabled throughout and never runs in
/// it: an unfair cycle, which a fair scheduler leaves, so it is no liveness bug.</summary>
internal sealed class UnfairSpin : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<HotUntilCooled>();
        var spinner = runtime.CreateActor<Spinner>();
        runtime.SendEvent(spinner, new SpinAgain());
        runtime.CreateActor<Cooler>(new Wake(spinner));
    }
}

/// <summary>Engine rules at their boundaries: temperature cools between hot periods, sleep sets never put a conflicting step to sleep,
/// and a link's fault budget bounds the faults.</summary>
public sealed class EngineBoundaryTests(ITestOutputHelper output)
{
    [Fact]
    public void Temperature_ResetsWhenTheMonitorCools_SoManyShortHotPeriodsAreNoLivenessBug()
    {
        // 40 questions, each hot for a few steps: 100+ hot steps in all, but never more than the threshold of 12 in a row.
        var config = new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 200, Seed = 17, LivenessTemperatureThreshold = 12, ShrinkBudget = 0 };
        output.WriteLine("seed 17");
        var report = TestEngine.Run("short-hot-periods", new ManyShortHotPeriods(), config);
        output.WriteLine(report.Summary());
        Assert.True(report.Bug is null, report.Bug?.Message);
        Assert.Equal(200, report.Iterations);
    }

    [Fact]
    public void Dfs_WithSleepSets_ExploresBothOrdersOfTwoConflictingSteps()
    {
        var test = new ConflictingMarks();
        var report = TestEngine.Run("marks", test, new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = 1000 });
        output.WriteLine(report.Summary());
        Assert.True(report.ExplorationComplete);
        Assert.Equal(["12", "21"], test.Orders.Distinct().Order());
    }

    [Fact]
    public void Lasso_IgnoresACycleThatLeavesAnEnabledOperationOut()
    {
        var config = new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 100, Seed = 23, LassoDetection = true, ShrinkBudget = 0 };
        output.WriteLine("seed 23");
        var report = TestEngine.Run("unfair-spin", new UnfairSpin(), config);
        output.WriteLine(report.Summary());
        Assert.True(report.Bug is null, report.Bug?.Message);
        Assert.Equal(100, report.Iterations);
    }

    [Fact]
    public void LinkDrops_StayWithinTheFaultBudget_ProvedByDfs()
    {
        var report = BugAssert.RunsCleanExhaustively(output, "drop-budget", new DropBudgetTest());
        Assert.True(report.ExplorationComplete);
    }
}
