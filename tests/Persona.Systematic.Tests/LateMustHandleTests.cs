using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Tests;

/// <summary>Who the late sender aims at, and whom the halting actor tells.</summary>
internal sealed class LateSendPlan
{
    public ActorId? Receiver { get; set; }

    public ActorId? Sender { get; set; }
}

/// <summary>Halts on <see cref="HaltEvent"/> and, once halted, tells the sender, so the send below comes strictly after the halt.</summary>
internal sealed class TellsWhenHalted : Actor
{
    protected override void OnHalt() => Send(SharedState<LateSendPlan>().Sender!, new E2());
}

/// <summary>On hearing that the receiver halted, sends it an event that must be handled.</summary>
[OnEventDoAction(typeof(E2), nameof(SendLate))]
internal sealed class LateSender : Actor
{
    private void SendLate() => Send(SharedState<LateSendPlan>().Receiver!, new E1(), new SendOptions(MustHandle: true));
}

/// <summary>A MustHandle event sent to an actor that has already halted (not one queued before the halt) is a bug.</summary>
internal sealed class LateMustHandleTest : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        var plan = new LateSendPlan();
        runtime.SetSharedState(plan);
        plan.Sender = runtime.CreateActor<LateSender>();
        plan.Receiver = runtime.CreateActor<TellsWhenHalted>();
        runtime.SendEvent(plan.Receiver, HaltEvent.Instance);
    }
}

public sealed class LateMustHandleTests
{
    [Fact]
    public void MustHandle_SentAfterTheReceiverHalted_IsReportedAsDropped()
    {
        var bug = TestEngine.Run("late-must", new LateMustHandleTest(), new TestConfiguration()).Bug;

        Assert.Equal(BugKind.MustHandleViolated, bug?.Kind);
        Assert.Contains("had halted when E1 (MustHandle) arrived", bug!.Message, StringComparison.Ordinal);
    }
}
