using Persona.Hypervisor.Scenarios;
using Persona.Hypervisor.Wipe;

namespace Persona.Hypervisor.Tests;

/// <summary>The <c>wipe</c> and <c>power-loss</c> scenario directives, and the committed wipe-power-loss scenario.</summary>
public sealed class WipeScenarioTests
{
    [Fact]
    public void WipePowerLossScenarioFilePassesValidated()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "scenarios", "wipe-power-loss.scenario");
        var scenario = ScenarioParser.ParseFile(path);
        Assert.Equal(150, scenario.Wipe.AtTrap);
        Assert.Equal(WipeStep.Release, scenario.Wipe.PowerLossBefore);
        var report = ScenarioRunner.Run(scenario);
        Assert.True(report.Passed, report.Run.Violation?.ToString() ?? string.Join("; ", report.Missed));
        Assert.Contains(report.Run.Log, l => l == "Work: boot found a remote wipe journaled at Release");
        Assert.Contains(report.Run.Log, l => l == "Work: remote wipe complete");
    }

    [Theory]
    [InlineData("power-loss during-wipe step=6", WipeStep.Release)]
    [InlineData("power-loss during-wipe step=destroy-key", WipeStep.DestroyKey)]
    [InlineData("power-loss during-wipe step=done", WipeStep.Done)]
    public void PowerLossStepsAreNamedOrNumbered(string line, WipeStep step) =>
        Assert.Equal(step, ScenarioParser.Parse($"scenario name=a\nwipe at-trap 9\n{line}\n", "test").Wipe.PowerLossBefore);

    [Theory]
    [InlineData("scenario name=a\nwipe soon\n", "test:2: expected 'wipe at-trap N' with N a positive trap number, not 'wipe soon'")]
    [InlineData("scenario name=a\nwipe at-trap 0\n", "test:2: expected 'wipe at-trap N'")]
    [InlineData("scenario name=a\nwipe at-trap 5\nwipe at-trap 6\n", "test:3: a second 'wipe' line")]
    [InlineData("scenario name=a\nwipe at-trap 5\npower-loss during-wipe step=lunch\n", "test:3: expected 'power-loss during-wipe step=STEP' with STEP one of stop-work (1)")]
    [InlineData("scenario name=a\npower-loss during-wipe step=scrub\n", "test:2: 'power-loss during-wipe' needs a 'wipe at-trap N' line")]
    public void MalformedWipeDirectivesNameFileLineAndFault(string text, string message)
    {
        var error = Assert.Throws<ScenarioFileException>(() => ScenarioParser.Parse(text, "test"));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
