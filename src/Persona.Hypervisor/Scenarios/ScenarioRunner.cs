using Persona.Hypervisor.Running;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Scenarios;

/// <summary>The outcome of a scenario: the run, and the expectations it missed.</summary>
/// <param name="Scenario">The scenario run.</param>
/// <param name="Run">What the run produced.</param>
/// <param name="Missed">The expectations whose text no persona printed.</param>
public sealed record ScenarioReport(Scenario Scenario, RunResult Run, IReadOnlyList<Expectation> Missed)
{
    /// <summary>Whether the run was valid, powered off cleanly, applied every timed event, and met every expectation.</summary>
    public bool Passed => Run.Violation is null && Missed.Count == 0 && Run.UnappliedEvents == 0 && Run.Stop.Reason == Arm.Platform.MachineStopReason.SystemOff;
}

/// <summary>Runs scenarios on the two-persona machine.</summary>
public static class ScenarioRunner
{
    /// <summary>Runs a scenario on the default platform, validated unless told otherwise (and, when <paramref name="strict"/>, every guest
    /// access checked too), on <paramref name="cores"/> cores when given, else on the scenario's own count.</summary>
    public static ScenarioReport Run(Scenario scenario, bool validate = true, bool strict = false, int? cores = null) =>
        Run(scenario, Spec.Platforms.DefaultPlatform.Load(), validate, strict, cores);

    /// <summary>Runs a scenario on a platform (one that fails <see cref="PlatformFit"/> throws <see cref="PlatformFitException"/>), on
    /// <paramref name="cores"/> cores when given, else on the scenario's own count.</summary>
    public static ScenarioReport Run(Scenario scenario, Spec.Platforms.Platform platform, bool validate = true, bool strict = false, int? cores = null)
    {
        var options = new RunOptions(WorkMode: scenario.WorkMode, Validate: validate, MaxInstructions: scenario.MaxInstructions,
            Events: scenario.Events, Day: scenario.Day, Strict: strict, WipeAtTrap: scenario.Wipe.AtTrap, PowerLossBefore: scenario.Wipe.PowerLossBefore,
            Cores: cores ?? scenario.Cores);
        var result = options.PowerLossBefore is null ? PersonaRun.Run(platform, options) : Wipe.PowerCycle.Run(platform, options).AfterReboot
            ?? throw new ScenarioFileException(scenario.Source, 0, $"power was to be lost before wipe step {options.PowerLossBefore}, but the wipe never reached it");
        var missed = scenario.Expectations
            .Where(e => !(e.Persona == Component.Personal ? result.PersonalUart : result.WorkUart).Contains(e.Text, StringComparison.Ordinal))
            .ToList();
        return new ScenarioReport(scenario, result, missed);
    }
}
