using System.Diagnostics;
using Persona.Hypervisor;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Scenarios;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Cli.Verification;

/// <summary>Both personas booted on the emulator under the reference hypervisor, running the default scenario with every trap validated.</summary>
/// <param name="mutants">Seeded hypervisor bugs (none unless given, as the report tests do to draw a violation).</param>
public sealed class ScenarioStage(HypervisorMutant mutants = HypervisorMutant.None) : IVerificationStage
{
    /// <inheritdoc/>
    public string Name => "validated scenario";

    /// <inheritdoc/>
    public StageResult Run(Platform platform, VerifyOptions options, IProgress<double> progress)
    {
        var clock = Stopwatch.StartNew();
        // A platform the emulated handset cannot boot on (tiny.platform) is still a platform the proofs can check: say why, do not fail.
        if (PlatformFit.Problems(platform) is [var (field, fault), ..])
        {
            progress.Report(1.0);
            return StageResult.Skipped(Name, $"{platform.Source}: {field}: {fault}", clock.Elapsed.TotalSeconds);
        }
        var scenario = Scenario.Default;
        var (report, recorder) = RunRecorded(scenario, platform);
        var run = report.Run;
        var evidence = new List<string>();
        if (run.Violation is { } violation) evidence.Add(violation.ToString());
        foreach (var missed in report.Missed)
            evidence.Add($"{scenario.Source}:{missed.Line}: {missed.Persona.ToString().ToLowerInvariant()} never printed \"{missed.Text}\"");
        progress.Report(1.0);
        var outcome = new ScenarioOutcome(scenario.Name, run.Traps, run.Validated, run.Stop.Instructions, run.Stop.Reason.ToString(), report.Passed,
            run.Violation, [.. report.Missed.Select(m => $"{scenario.Source}:{m.Line}: {m.Persona} never printed \"{m.Text}\"")],
            recorder.Statistics(run.Validated), recorder.Timeline);
        return new StageResult(Name, report.Passed,
            $"scenario {scenario.Name}: {run.Traps} traps, {run.Validated} validated, {run.Stop.Instructions} instructions",
            evidence, clock.Elapsed.TotalSeconds, outcome);
    }

    /// <summary>
    /// Runs the scenario through <see cref="ScenarioRunner"/> (so every scenario feature applies) with a recorder beside the validator:
    /// the hypervisor has one observer slot, so a fan-out forwards every trap to both.
    /// </summary>
    private (ScenarioReport Report, ScenarioRecorder Recorder) RunRecorded(Scenario scenario, Platform platform)
    {
        ScenarioRecorder? recorder = null;
        ITrapObserver Attach(Hypervisor.Hypervisor hypervisor, ITrapObserver? validator)
        {
            recorder = new ScenarioRecorder(hypervisor);
            return validator is null ? recorder : new FanOutObserver([validator, recorder]);
        }

        using (PersonaRun.Observe(Attach))
        {
            var report = mutants == HypervisorMutant.None ? ScenarioRunner.Run(scenario, platform) : RunWithMutants(scenario, platform);
            return (report, recorder ?? throw new InvalidOperationException("the scenario ran without building a hypervisor"));
        }
    }

    /// <summary>
    /// A seeded-bug run (the report tests' way to draw a violation): ScenarioRunner takes no mutants, so this builds the options the same
    /// way for the scenario's basic settings; normal verification never comes here.
    /// </summary>
    private ScenarioReport RunWithMutants(Scenario scenario, Platform platform)
    {
        var run = PersonaRun.Run(platform, new RunOptions(mutants, scenario.WorkMode, Validate: true, MaxInstructions: scenario.MaxInstructions));
        var missed = scenario.Expectations
            .Where(e => !(e.Persona == Component.Personal ? run.PersonalUart : run.WorkUart).Contains(e.Text, StringComparison.Ordinal))
            .ToList();
        return new ScenarioReport(scenario, run, missed);
    }
}
