using System.Diagnostics;
using Persona.Hypervisor.Scenarios;
using Persona.Spec.Platforms;

namespace Persona.Cli.Verification;

/// <summary>Both personas booted on the emulator under the reference hypervisor, running the default scenario with every trap validated.</summary>
public sealed class ScenarioStage : IVerificationStage
{
    /// <inheritdoc/>
    public string Name => "validated scenario";

    /// <inheritdoc/>
    public StageResult Run(Platform platform, VerifyOptions options, IProgress<double> progress)
    {
        var clock = Stopwatch.StartNew();
        var scenario = Scenario.Default;
        var report = ScenarioRunner.Run(scenario, validate: true);
        var run = report.Run;
        var evidence = new List<string>();
        if (run.Violation is { } violation) evidence.Add(violation.ToString()!);
        foreach (var missed in report.Missed)
            evidence.Add($"{scenario.Source}:{missed.Line}: {missed.Persona.ToString().ToLowerInvariant()} never printed \"{missed.Text}\"");
        progress.Report(1.0);
        return new StageResult(Name, report.Passed,
            $"scenario {scenario.Name}: {run.Traps} traps, {run.Validated} validated, {run.Stop.Instructions} instructions",
            evidence, clock.Elapsed.TotalSeconds,
            new { scenario = scenario.Name, run.Traps, run.Validated, instructions = run.Stop.Instructions, stop = run.Stop.Reason.ToString(), passed = report.Passed });
    }
}
