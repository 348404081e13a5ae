using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Tests;

/// <summary>What a machine did, in order.</summary>
public sealed class Trail
{
    public List<string> Items { get; } = [];
}

public sealed record E1 : Event;

public sealed record E2 : Event;

public sealed record E3 : Event;

public sealed record E4 : Event;

public sealed record E5 : Event;

public sealed record E6 : Event;

public sealed record PushIt : Event;

/// <summary>One machine whose inbox is filled before it starts, so its run is deterministic.</summary>
internal sealed class SingleMachineTest<T>(params Event[] inbox) : ISystematicTest
    where T : Actor
{
    public Trail Trail { get; private set; } = new();

    public void Setup(IActorRuntime runtime)
    {
        Trail = new Trail();
        runtime.SetSharedState(Trail);
        var id = runtime.CreateActor<T>();
        foreach (var e in inbox) runtime.SendEvent(id, e);
    }

    public TestReport Run() => TestEngine.Run(typeof(T).Name, this, new TestConfiguration { Strategy = StrategyKind.Random, ShrinkBudget = 0 });
}

public sealed class DeferMachine : StateMachine
{
    [Start]
    [DeferEvents(typeof(E1))]
    [OnEventGotoState(typeof(E2), typeof(S2), nameof(OnE2))]
    private sealed class S1 : State;

    [OnEventDoAction(typeof(E1), nameof(OnE1))]
    private sealed class S2 : State;

    private void OnE2() => SharedState<Trail>().Items.Add("E2 in S1");

    private void OnE1() => SharedState<Trail>().Items.Add("E1 in " + CurrentStateName);
}

public sealed class IgnoreMachine : StateMachine
{
    [Start]
    [IgnoreEvents(typeof(E1))]
    [OnEventGotoState(typeof(E2), typeof(S2))]
    private sealed class S1 : State;

    [OnEventDoAction(typeof(E1), nameof(OnE1))]
    [OnEventDoAction(typeof(E3), nameof(OnE3))]
    private sealed class S2 : State;

    private void OnE1() => SharedState<Trail>().Items.Add("E1");

    private void OnE3() => SharedState<Trail>().Items.Add("E3");
}

public sealed class DefaultMachine : StateMachine
{
    [Start]
    [OnEventDoAction(typeof(E1), nameof(OnE1))]
    [OnEventGotoState(typeof(DefaultEvent), typeof(Done), nameof(OnDefault))]
    private sealed class S1 : State;

    [OnEntry(nameof(OnDone))]
    private sealed class Done : State;

    private void OnE1() => SharedState<Trail>().Items.Add("E1");

    private void OnDefault() => SharedState<Trail>().Items.Add("default");

    private void OnDone() => RaiseHaltEvent();
}

public sealed class RaiseMachine : StateMachine
{
    [Start]
    [OnEventDoAction(typeof(E1), nameof(OnE1))]
    [OnEventDoAction(typeof(E2), nameof(Log))]
    [OnEventDoAction(typeof(E3), nameof(Log))]
    [IgnoreEvents(typeof(E4))]
    private sealed class S1 : State;

    private void OnE1(Event e)
    {
        Log(e);
        RaiseEvent(new E4());
        SharedState<Trail>().Items.Add("raised E4 (ignored)");
    }

    private void Log(Event e) => SharedState<Trail>().Items.Add(e.GetType().Name);
}

public sealed class RaiseOrderMachine : StateMachine
{
    [Start]
    [OnEventDoAction(typeof(E1), nameof(OnE1))]
    [OnEventDoAction(typeof(E2), nameof(Log))]
    [OnEventDoAction(typeof(E3), nameof(Log))]
    private sealed class S1 : State;

    private void OnE1(Event e)
    {
        Log(e);
        RaiseEvent(new E3());
    }

    private void Log(Event e) => SharedState<Trail>().Items.Add(e.GetType().Name);
}

public sealed class PushMachine : StateMachine
{
    [Start]
    [OnEventDoAction(typeof(E1), nameof(S1DoE1))]
    [OnEventGotoState(typeof(E2), typeof(S3))]
    [DeferEvents(typeof(E4))]
    [OnEventPushState(typeof(PushIt), typeof(S2))]
    private sealed class S1 : State;

    [OnEntry(nameof(EnterS2))]
    [OnExit(nameof(ExitS2))]
    [OnEventDoAction(typeof(E5), nameof(S2DoE5))]
    private sealed class S2 : State;

    [OnEntry(nameof(EnterS3))]
    [OnEventDoAction(typeof(E4), nameof(S3DoE4))]
    private sealed class S3 : State;

    private void Log(string s) => SharedState<Trail>().Items.Add(s);

    private void S1DoE1() => Log($"S1 do E1 while in {CurrentStateName}");

    private void EnterS2() => Log("enter S2");

    private void ExitS2() => Log("exit S2");

    private void S2DoE5() => Log("S2 do E5");

    private void EnterS3() => Log("enter S3");

    private void S3DoE4() => Log("S3 do E4");
}

public sealed class WildcardMachine : StateMachine
{
    [Start]
    [OnEventDoAction(typeof(E1), nameof(S1E1))]
    [OnEventPushState(typeof(PushIt), typeof(S2))]
    private sealed class S1 : State;

    [OnEventDoAction(typeof(WildcardEvent), nameof(S2Any))]
    [OnEventDoAction(typeof(E6), nameof(S2E6))]
    private sealed class S2 : State;

    private void S1E1() => SharedState<Trail>().Items.Add("S1 E1");

    private void S2Any(Event e) => SharedState<Trail>().Items.Add("S2 wildcard " + e.GetType().Name);

    private void S2E6() => SharedState<Trail>().Items.Add("S2 E6");
}

public sealed class UnhandledMachine : StateMachine
{
    [Start]
    [OnEventPushState(typeof(PushIt), typeof(S2))]
    private sealed class S1 : State;

    [OnExit(nameof(ExitS2))]
    private sealed class S2 : State;

    private void ExitS2() => SharedState<Trail>().Items.Add("exit S2");
}

public sealed class DoubleRaiseMachine : StateMachine
{
    [Start]
    [OnEventDoAction(typeof(E1), nameof(OnE1))]
    private sealed class S1 : State;

    private void OnE1()
    {
        RaiseEvent(new E2());
        RaiseGotoStateEvent<S1>();
    }
}

public sealed class PopLastMachine : StateMachine
{
    [Start]
    [OnEventDoAction(typeof(E1), nameof(OnE1))]
    private sealed class S1 : State;

    private void OnE1() => RaisePopStateEvent();
}

public sealed class RaiseInExitMachine : StateMachine
{
    [Start]
    [OnExit(nameof(OnExitS1))]
    [OnEventGotoState(typeof(E1), typeof(S2))]
    private sealed class S1 : State;

    private sealed class S2 : State;

    private void OnExitS1() => RaiseEvent(new E2());
}

[OnEventDoAction(typeof(E1), nameof(Log))]
[OnEventDoAction(typeof(E2), nameof(Log))]
public sealed class HaltingActor : Actor
{
    private void Log(Event e) => SharedState<Trail>().Items.Add(e.GetType().Name);

    protected override void OnHalt() => SharedState<Trail>().Items.Add("halted");
}

[OnEventDoAction(typeof(E1), nameof(Throw))]
public sealed class ThrowingActor : Actor
{
    private void Throw() => throw new InvalidOperationException("boom");
}

public sealed class SemanticsTests
{
    [Fact]
    public void Dequeue_SkipsDeferredEvents_AndDeliversThemAfterTheStateChanges()
    {
        var t = new SingleMachineTest<DeferMachine>(new E1(), new E2());
        Assert.Null(t.Run().Bug);
        Assert.Equal(["E2 in S1", "E1 in S2"], t.Trail.Items);
    }

    [Fact]
    public void Dequeue_RemovesIgnoredEvents_SoALaterStateNeverSeesThem()
    {
        var t = new SingleMachineTest<IgnoreMachine>(new E1(), new E2(), new E3());
        Assert.Null(t.Run().Bug);
        Assert.Equal(["E3"], t.Trail.Items);
    }

    [Fact]
    public void DefaultEvent_FiresOnlyWhenNothingElseCanBeDequeued()
    {
        var t = new SingleMachineTest<DefaultMachine>(new E1(), new E1());
        Assert.Null(t.Run().Bug);
        Assert.Equal(["E1", "E1", "default"], t.Trail.Items);
    }

    [Fact]
    public void RaisedEvent_IsHandledBeforeTheInbox()
    {
        var t = new SingleMachineTest<RaiseOrderMachine>(new E1(), new E2());
        Assert.Null(t.Run().Bug);
        Assert.Equal(["E1", "E3", "E2"], t.Trail.Items);
    }

    [Fact]
    public void RaisedEvent_ThatIsIgnored_IsDropped()
    {
        var t = new SingleMachineTest<RaiseMachine>(new E1(), new E2());
        Assert.Null(t.Run().Bug);
        Assert.Equal(["E1", "raised E4 (ignored)", "E2"], t.Trail.Items);
    }

    [Fact]
    public void PushedState_InheritsDoAndDefer_ButNotGoto_WhichPopsIt()
    {
        var t = new SingleMachineTest<PushMachine>(new PushIt(), new E1(), new E4(), new E5(), new E2());
        Assert.Null(t.Run().Bug);
        Assert.Equal(["enter S2", "S1 do E1 while in S2", "S2 do E5", "exit S2", "enter S3", "S3 do E4"], t.Trail.Items);
    }

    [Fact]
    public void Wildcard_LosesToASpecificHandlerInTheSameState_ButBeatsALowerState()
    {
        var t = new SingleMachineTest<WildcardMachine>(new E1(), new PushIt(), new E6(), new E1());
        Assert.Null(t.Run().Bug);
        Assert.Equal(["S1 E1", "S2 E6", "S2 wildcard E1"], t.Trail.Items);
    }

    [Fact]
    public void UnhandledEvent_PopsEveryState_ThenIsABug()
    {
        var t = new SingleMachineTest<UnhandledMachine>(new PushIt(), new E1());
        var bug = t.Run().Bug;
        Assert.Equal(BugKind.UnhandledEvent, bug?.Kind);
        Assert.Equal(["exit S2"], t.Trail.Items);
        Assert.Contains("E1", bug!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoRaisesInOneAction_IsABug() =>
        Assert.Equal(BugKind.AssertionFailure, new SingleMachineTest<DoubleRaiseMachine>(new E1()).Run().Bug?.Kind);

    [Fact]
    public void PoppingTheLastState_IsABug() =>
        Assert.Equal(BugKind.UnhandledEvent, new SingleMachineTest<PopLastMachine>(new E1()).Run().Bug?.Kind);

    [Fact]
    public void RaisingInAnExitAction_IsABug()
    {
        var bug = new SingleMachineTest<RaiseInExitMachine>(new E1()).Run().Bug;
        Assert.Equal(BugKind.AssertionFailure, bug?.Kind);
        Assert.Contains("exit action", bug!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HaltEvent_HaltsTheActor_AndLaterEventsAreDropped()
    {
        var t = new SingleMachineTest<HaltingActor>(new E1(), HaltEvent.Instance, new E2());
        Assert.Null(t.Run().Bug);
        Assert.Equal(["E1", "halted"], t.Trail.Items);
    }

    [Fact]
    public void UncaughtException_InAHandler_IsABug()
    {
        var bug = new SingleMachineTest<ThrowingActor>(new E1()).Run().Bug;
        Assert.Equal(BugKind.UnhandledException, bug?.Kind);
        Assert.Contains("boom", bug!.Message, StringComparison.Ordinal);
    }
}
