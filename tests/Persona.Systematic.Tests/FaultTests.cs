using Persona.Systematic.Actors;
using Persona.Systematic.Faults;
using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;
using Xunit.Abstractions;

namespace Persona.Systematic.Tests;

public sealed record Numbered(int Seq) : Event;

public sealed record SendNumbers(ActorId To, int Count) : Event;

[OnEventDoAction(typeof(SendNumbers), nameof(OnSend))]
public sealed class NumberSender : Actor
{
    private void OnSend(SendNumbers s)
    {
        for (int i = 1; i <= s.Count; i++) Send(s.To, new Numbered(i));
    }
}

/// <summary>Expects 1, 2, 3 exactly once each and in order; the monitor is hot until all three arrived.</summary>
[OnEventDoAction(typeof(Numbered), nameof(OnNumber))]
public sealed class InOrderReceiver : Actor
{
    private int last;

    private void OnNumber(Numbered n)
    {
        Assert(n.Seq != last, $"duplicate {n.Seq}");
        Assert(n.Seq > last, $"{n.Seq} after {last}");
        last = n.Seq;
        if (last == 3) Monitor<AllArrive>(new Numbered(3));
    }
}

public sealed class AllArrive : Monitor
{
    [Start]
    [Hot]
    [OnEventGotoState(typeof(Numbered), typeof(Arrived))]
    private sealed class Waiting : State;

    [Cold]
    private sealed class Arrived : State;
}

internal sealed class LinkTest(LinkFaults faults) : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<AllArrive>();
        var receiver = runtime.CreateActor<InOrderReceiver>();
        var sender = runtime.CreateActor<NumberSender>();
        if (faults != LinkFaults.None) runtime.ConfigureLink(sender, receiver, faults, maxFaults: 1);
        runtime.SendEvent(sender, new SendNumbers(receiver, 3));
    }
}

public sealed record Bump : Event;

public sealed record ReadCounter(ActorId ReplyTo) : Event;

public sealed record CounterValue(int Value) : Event;

/// <summary>A counter that forgets its value on a crash (it has no durable storage).</summary>
[OnEventDoAction(typeof(Bump), nameof(OnBump))]
[OnEventDoAction(typeof(ReadCounter), nameof(OnRead))]
public sealed class VolatileCounter : Actor
{
    private int value;

    private void OnBump() => value++;

    private void OnRead(ReadCounter r) => Send(r.ReplyTo, new CounterValue(value));
}

/// <summary>Bumps the counter twice, then reads it; a value below 2 means the counter lost its state.</summary>
[OnEventDoAction(typeof(CounterValue), nameof(OnValue))]
public sealed class CounterClient : Actor
{
    protected override void OnInitialize(Event? initialEvent)
    {
        var counter = ((CounterTarget)initialEvent!).Counter;
        Send(counter, new Bump());
        Send(counter, new Bump());
        Send(counter, new ReadCounter(Id));
    }

    private void OnValue(CounterValue v) => Assert(v.Value == 2, $"counter read {v.Value}, expected 2");
}

public sealed record CounterTarget(ActorId Counter) : Event;

internal sealed class CrashTest(bool crash, bool restart) : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        var counter = runtime.CreateActor<VolatileCounter>();
        if (crash) runtime.InjectCrashes(counter, 1, restart);
        runtime.CreateActor<CounterClient>(new CounterTarget(counter));
    }
}

/// <summary>Starts a timer and counts elapsed events; a one-shot timer must fire at most once.</summary>
[OnEventDoAction(typeof(TimerElapsedEvent), nameof(OnElapsed))]
public sealed class TimerUser : Actor
{
    private int fired;
    private TimerInfo? timer;

    protected override void OnInitialize(Event? initialEvent)
    {
        bool periodic = ((TimerKind)initialEvent!).Periodic;
        timer = periodic ? StartPeriodicTimer("tick") : StartTimer("once");
    }

    private void OnElapsed(TimerElapsedEvent e)
    {
        fired++;
        Assert(e.Timer.Periodic || fired == 1, "a one-shot timer fired twice");

        // An elapsed event already in the inbox when the timer stops is still delivered (Coyote's rule), so only the first three are logged.
        if (fired <= 3) SharedState<Trail>().Items.Add($"{e.Timer.Payload} {fired}");
        if (e.Timer.Periodic && fired == 3) StopTimer(timer!);
    }
}

public sealed record TimerKind(bool Periodic) : Event;

internal sealed class TimerTest(bool periodic) : ISystematicTest
{
    public Trail Trail { get; private set; } = new();

    public void Setup(IActorRuntime runtime)
    {
        Trail = new Trail();
        runtime.SetSharedState(Trail);
        runtime.CreateActor<TimerUser>(new TimerKind(periodic));
    }

    public TestConfiguration Configure(TestConfiguration c) => c with { TimeoutDelay = 1 };
}

[OnEventDoAction(typeof(E1), nameof(Ignore))]
public sealed class SlowReceiver : Actor
{
    private void Ignore()
    {
    }
}

internal sealed class InboxBoundTest : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        var receiver = runtime.CreateActor<SlowReceiver>();
        for (int i = 0; i < 3; i++) runtime.SendEvent(receiver, new E1(), new SendOptions(MaxInstancesInInbox: 2));
    }
}

internal sealed class MustHandleTest : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        var receiver = runtime.CreateActor<HaltingActor>();
        runtime.SetSharedState(new Trail());
        runtime.SendEvent(receiver, HaltEvent.Instance);
        runtime.SendEvent(receiver, new E1(), new SendOptions(MustHandle: true));
    }
}

public sealed class FaultTests(ITestOutputHelper output)
{
    private static TestConfiguration Dfs => new() { Strategy = StrategyKind.Dfs, Iterations = 100_000 };

    [Fact]
    public void PlainLink_IsFifoAndLossless_ProvedByDfs()
    {
        var r = BugAssert.RunsCleanExhaustively(output, "fifo", new LinkTest(LinkFaults.None));
        Assert.True(r.ExplorationComplete);
    }

    [Theory]
    [InlineData(LinkFaults.Drop, BugKind.HotAtQuiescence, "")]
    [InlineData(LinkFaults.Duplicate, BugKind.AssertionFailure, "duplicate")]
    [InlineData(LinkFaults.Reorder, BugKind.AssertionFailure, " after ")]
    public void FaultyLink_ItsFaultIsFound_AndReplays(LinkFaults faults, BugKind kind, string message)
    {
        var r = BugAssert.FindsBug(output, faults.ToString(), new LinkTest(faults), Dfs);
        Assert.Equal(kind, r.Bug!.Kind);
        Assert.Contains(message, r.Bug.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkFaults_AreAlsoFoundByRandomScheduling()
    {
        var r = BugAssert.FindsBug(output, "dup", new LinkTest(LinkFaults.Duplicate | LinkFaults.Drop | LinkFaults.Reorder), new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 500 });
        Assert.NotNull(r.Bug);
    }

    [Fact]
    public void WithoutCrashes_TheCounterIsCorrect_ProvedByDfs() =>
        Assert.True(BugAssert.RunsCleanExhaustively(output, "counter", new CrashTest(crash: false, restart: false)).ExplorationComplete);

    [Fact]
    public void CrashAndRestart_LosesVolatileState_AndIsFound()
    {
        var r = BugAssert.FindsBug(output, "crash-restart", new CrashTest(crash: true, restart: true), Dfs);
        Assert.Matches("counter read [01], expected 2", r.Bug!.Message);
    }

    [Fact]
    public void CrashWithoutRestart_DropsLaterMessages_SoTheClientNeverHearsBack()
    {
        var outcomes = TestEngine.Run("crash", new CrashTest(crash: true, restart: false), Dfs);
        output.WriteLine(outcomes.Summary());
        Assert.Null(outcomes.Bug);
        Assert.True(outcomes.ExplorationComplete);
    }

    [Fact]
    public void OneShotTimer_FiresAtMostOnce_AndPeriodicTimer_StopsWhenStopped()
    {
        var once = new TimerTest(periodic: false);
        var r1 = TestEngine.Run("once", once, once.Configure(new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 50 }));
        Assert.Null(r1.Bug);
        Assert.Equal(["once 1"], once.Trail.Items);
        var periodic = new TimerTest(periodic: true);
        var r2 = TestEngine.Run("periodic", periodic, periodic.Configure(new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 50 }));
        Assert.Null(r2.Bug);
        Assert.Equal(["tick 1", "tick 2", "tick 3"], periodic.Trail.Items);
        Assert.Equal(0, r2.MaxStepsHits);
    }

    [Fact]
    public void Timers_AreExploredExhaustivelyByDfs()
    {
        var r = TestEngine.Run("periodic", new TimerTest(periodic: true), new TimerTest(true).Configure(Dfs with { MaxUnfairSteps = 40 }));
        output.WriteLine(r.Summary());
        Assert.Null(r.Bug);
        Assert.True(r.Iterations > 10);
    }

    [Fact]
    public void SendOption_MaxInstances_IsABugWhenExceeded() =>
        Assert.Equal(BugKind.InboxBoundExceeded, TestEngine.Run("bound", new InboxBoundTest(), new TestConfiguration()).Bug?.Kind);

    [Fact]
    public void SendOption_MustHandle_IsABugWhenTheReceiverHalted() =>
        Assert.Equal(BugKind.MustHandleViolated, TestEngine.Run("must", new MustHandleTest(), new TestConfiguration()).Bug?.Kind);
}
