using Persona.Hypervisor.Scenarios;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>The scenario's <c>notify FROM-&gt;TO "TEXT"</c>: the sender persona posts the alert on the notification channel and rings
/// the receiver, which prints it; validated; malformed lines name the file, the line and the fault.</summary>
public sealed class NotificationTests(ITestOutputHelper output)
{
    [Fact]
    public void NotificationsCrossBothWays_AndTheReceiverPrintsThem_Validated()
    {
        var scenario = ScenarioParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "notifications.scenario"));
        var report = ScenarioRunner.Run(scenario);
        output.WriteLine(report.Run.PersonalUart);
        output.WriteLine(report.Run.WorkUart);
        foreach (var line in report.Run.Log.Where(l => l.Contains("alert", StringComparison.Ordinal) || l.Contains("denied", StringComparison.Ordinal)).Take(20))
            output.WriteLine(line);
        Assert.True(report.Passed, report.Run.Violation?.ToString() ?? string.Join("; ", report.Missed.Select(m => $"line {m.Line}: {m.Text}")));
        Assert.Equal(report.Run.Traps, report.Run.Validated);
        // Each alert crossed once: the sender does not print it, the receiver prints it once.
        Assert.DoesNotContain("alert from", report.Run.WorkUart.Replace("work: alert from personal", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Single(report.Run.PersonalUart.Split('\n'), l => l == "personal: alert from work: Meeting moved to 11");
    }

    [Fact]
    public void WithoutTheNotifyEvents_NoAlertIsPrinted()
    {
        // The same day without its notify lines: the alert lines come from the events, not from the kernels on their own.
        var text = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "scenarios", "notifications.scenario"))
            .Where(l => !l.Contains(" notify ", StringComparison.Ordinal) && !l.Contains("alert from", StringComparison.Ordinal));
        var report = ScenarioRunner.Run(ScenarioParser.Parse(string.Join('\n', text), "test"), validate: false);
        Assert.True(report.Passed, string.Join("; ", report.Missed.Select(m => m.Text)));
        Assert.DoesNotContain("alert from", report.Run.PersonalUart + report.Run.WorkUart, StringComparison.Ordinal);
    }

    [Fact]
    public void ANotifyLineParsesIntoANotificationForTheOtherPersona()
    {
        var scenario = ScenarioParser.Parse("scenario name=t\nat 2ms notify work->personal \"Build  is green\"\n", "test");
        var note = Assert.IsType<Notification>(Assert.Single(scenario.Events).Event);
        Assert.Equal(new Notification(Component.Work, Component.Personal, "Build is green"), note);
        Assert.Equal(2 * Scenarios.ScenarioEvents.TicksPerMillisecond, scenario.Events[0].AtTicks);
    }

    [Theory]
    [InlineData("at 1ms notify work->personal", "test:2: event 'notify': expected 'notify personal->work \"TEXT\"'")]
    [InlineData("at 1ms notify work \"hi\"", "test:2: event 'notify': 'work' is not FROM->TO")]
    [InlineData("at 1ms notify work->work \"hi\"", "test:2: event 'notify': a notification crosses to the other persona, not from work to work")]
    [InlineData("at 1ms notify boss->work \"hi\"", "test:2: event 'notify': 'boss' is not a persona")]
    [InlineData("at 1ms notify personal->work hi", "test:2: event 'notify': the text must be a non-empty \"quoted string\", not hi")]
    [InlineData("at 1ms notify personal->work \"\"", "test:2: event 'notify': the text must be a non-empty \"quoted string\"")]
    [InlineData("at 1ms notify personal->work \"say \"hi\" now\"", "test:2: event 'notify': the text holds '\"'")]
    public void MalformedNotifyLinesNameFileLineAndFault(string line, string message)
    {
        var e = Assert.Throws<ScenarioFileException>(() => ScenarioParser.Parse($"scenario name=t\n{line}\n", "test"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATextLongerThanAChannelSlotIsRefused()
    {
        var e = Assert.Throws<ScenarioFileException>(() => ScenarioParser.Parse($"scenario name=t\nat 1ms notify work->personal \"{new string('x', 121)}\"\n", "test"));
        Assert.StartsWith("test:2: event 'notify': the text has 121 characters, at most 120", e.Message, StringComparison.Ordinal);
    }
}
