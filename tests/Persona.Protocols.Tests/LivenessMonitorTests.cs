using Persona.Protocols.Monitors;
using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Testing;
using Xunit.Abstractions;

namespace Persona.Protocols.Tests;

/// <summary>Opens two switch requests and completes one, then stops.</summary>
public sealed class TwoRequestsOneAnswer : Actor
{
    protected override void OnInitialize(Event? initialEvent)
    {
        Monitor<EverySwitchCompletes>(new SwitchRequested());
        Monitor<EverySwitchCompletes>(new SwitchRequested());
        Monitor<EverySwitchCompletes>(new SwitchCompleted());
    }
}

/// <summary>One request still open when the program quiesces.</summary>
internal sealed class OneRequestLeftOpen : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<EverySwitchCompletes>();
        runtime.CreateActor<TwoRequestsOneAnswer>();
    }
}

/// <summary>The counting liveness monitors stay hot until every open request is answered, not just the first.</summary>
public sealed class LivenessMonitorTests(ITestOutputHelper output)
{
    [Fact]
    public void CountingMonitor_WithARequestStillOpen_IsHotAtQuiescence()
    {
        var report = TestEngine.Run("one-left-open", new OneRequestLeftOpen(), new TestConfiguration { Iterations = 5, Seed = 1, ShrinkBudget = 0 });
        output.WriteLine($"seed 1: {report.Summary()}");
        Assert.Equal(BugKind.HotAtQuiescence, report.Bug?.Kind);
        Assert.Contains(nameof(EverySwitchCompletes), report.Bug!.Message, StringComparison.Ordinal);
    }
}
