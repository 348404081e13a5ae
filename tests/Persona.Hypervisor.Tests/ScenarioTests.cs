using Persona.Hypervisor.Scenarios;

namespace Persona.Hypervisor.Tests;

/// <summary>Scenario files: the embedded default and the committed files pass validated; malformed files are refused with file, line and fault.</summary>
public sealed class ScenarioTests
{
    [Fact]
    public void EmbeddedDefaultScenarioPassesWithEveryTrapValidated()
    {
        var report = ScenarioRunner.Run(Scenario.Default);
        Assert.True(report.Passed, report.Run.Violation?.ToString() ?? string.Join("; ", report.Missed));
        Assert.Equal(report.Run.Traps, report.Run.Validated);
        Assert.True(report.Run.Traps > 100);
    }

    [Fact]
    public void HostileWorkScenarioFilePasses()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "scenarios", "hostile-work.scenario");
        var report = ScenarioRunner.Run(ScenarioParser.ParseFile(path));
        Assert.True(report.Passed, report.Run.Violation?.ToString() ?? string.Join("; ", report.Missed));
    }

    [Fact]
    public void AnExpectationNoPersonaMeetsFailsTheScenario()
    {
        var scenario = ScenarioParser.Parse("scenario name=t\nexpect work \"work: note: nothing like this\"\n", "test");
        var report = ScenarioRunner.Run(scenario, validate: false);
        Assert.False(report.Passed);
        Assert.Equal(2, Assert.Single(report.Missed).Line);
    }

    [Theory]
    [InlineData("work-mode normal\n", "test:1: no 'scenario name=NAME' line")]
    [InlineData("scenario name=a\nwork-mode flying\n", "test:2: unknown work mode 'flying'")]
    [InlineData("scenario name=a\nmax-instructions -5\n", "test:2: '-5' is not a positive instruction count")]
    [InlineData("scenario name=a\nexpect boss \"x\"\n", "test:2: expected 'expect personal|work \"TEXT\"', not persona 'boss'")]
    [InlineData("scenario name=a\nexpect work x\n", "test:2: the expected text must be a non-empty \"quoted string\"")]
    [InlineData("scenario name=a\nscenario name=b\n", "test:2: a second 'scenario' line")]
    [InlineData("scenario name=a\nreboot now\n", "test:2: unknown directive 'reboot'")]
    public void MalformedScenarioNamesFileLineAndFault(string text, string message)
    {
        var e = Assert.Throws<ScenarioFileException>(() => ScenarioParser.Parse(text, "test"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingScenarioFileIsAScenarioFileException()
    {
        var e = Assert.Throws<ScenarioFileException>(() => ScenarioParser.ParseFile("/nonexistent/day.scenario"));
        Assert.Contains("/nonexistent/day.scenario", e.Message, StringComparison.Ordinal);
    }
}
