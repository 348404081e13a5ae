using Persona.Hypervisor.Scenarios;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Tests;

/// <summary>The scenario format's timed events and day directive: parsed into the hypervisor's external events; bad lines named by file and line.</summary>
public sealed class ScenarioEventTests
{
    [Fact]
    public void TimedEventsParseToExternalEventsInVirtualTime()
    {
        var scenario = ScenarioParser.Parse(
            "scenario name=t\nday\nat 300us switch\nat 3ms call work from=42\nat 3ms hangup\nat 250000ticks hangup personal\n", "t");
        Assert.True(scenario.Day);
        Assert.Equal([18_750UL, 187_500UL, 187_500UL, 250_000UL], scenario.Events.Select(e => e.AtTicks));
        Assert.IsType<UserSwitch>(scenario.Events[0].Event);
        Assert.Equal(new IncomingCall(Component.Work, 42), scenario.Events[1].Event);
        Assert.Equal(new RemoteHangUp(null), scenario.Events[2].Event);
        Assert.Equal(new RemoteHangUp(Component.Personal), scenario.Events[3].Event);
        Assert.Equal(4, scenario.Events[1].Line);
        Assert.Equal(new IncomingCall(Component.Personal, ScenarioEvents.DefaultCaller), ScenarioParser.Parse("scenario name=t\nat 1ms call personal\n", "t").Events[0].Event);
    }

    [Theory]
    [InlineData("at 3ms\n", "t:2: expected 'at TIME EVENT'")]
    [InlineData("at soon switch\n", "t:2: 'soon' is not a time")]
    [InlineData("at 3 switch\n", "t:2: '3' is not a time")]
    [InlineData("at 3ms reboot\n", "t:2: unknown event 'reboot' (known: switch, call, hangup, notify)")]
    [InlineData("at 3ms switch now\n", "t:2: event 'switch': takes no arguments, not 'now'")]
    [InlineData("at 3ms call boss\n", "t:2: event 'call': 'boss' is not a persona")]
    [InlineData("at 3ms call work from=x\n", "t:2: event 'call': 'from=x' is not 'from=NUMBER'")]
    [InlineData("at 3ms hangup work personal\n", "t:2: event 'hangup': expected 'hangup [personal|work]'")]
    [InlineData("at 5ms switch\nat 4ms switch\n", "t:3: events must be in time order: this one is earlier than line 2's")]
    [InlineData("day long\n", "t:2: 'day' takes no arguments, not 'long'")]
    [InlineData("at 99999999999999999999ms switch\n", "t:2: '99999999999999999999ms' is not a time")]
    public void BadEventLinesNameFileLineAndFault(string body, string message)
    {
        var e = Assert.Throws<ScenarioFileException>(() => ScenarioParser.Parse("scenario name=t\n" + body, "t"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EventsTheMachineNeverReachesFailTheScenario()
    {
        // The short flow powers off long before a minute of virtual time: the call is never applied.
        var scenario = ScenarioParser.Parse("scenario name=t\nat 60000ms call work\n", "t");
        var report = ScenarioRunner.Run(scenario, validate: false);
        Assert.Equal(1, report.Run.UnappliedEvents);
        Assert.False(report.Passed);
    }
}
