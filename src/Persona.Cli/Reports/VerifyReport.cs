using Persona.Cli.Verification;
using Persona.Proofs;
using Persona.Spec.Platforms;

namespace Persona.Cli.Reports;

/// <summary>Everything one <c>persona verify</c> run found, as every report reads it: the platform, the options, each stage's result.</summary>
/// <param name="Platform">The platform verified.</param>
/// <param name="Options">The options it ran with.</param>
/// <param name="Stages">Each stage's result, in the order they ran.</param>
public sealed record VerifyReport(Platform Platform, VerifyOptions Options, IReadOnlyList<StageResult> Stages)
{
    /// <summary>Whether every stage passed.</summary>
    public bool Passed => Stages.All(s => s.Passed);

    /// <summary>The exit code the run ends with.</summary>
    public int ExitCode => Passed ? ExitCodes.Ok : ExitCodes.VerificationFailed;

    /// <summary>The verdict in one word, as the console prints it.</summary>
    public string Verdict => !Passed ? "verification failed"
        : Stages.Where(s => s.NotApplicable is not null).Select(s => s.Stage).ToList() is [_, ..] skipped ? $"verified, except {string.Join(" and ", skipped)} (not applicable)"
        : "verified";

    /// <summary>The proof run, when the proofs stage ran.</summary>
    public ProofRun? Proofs => Stages.Select(s => s.Data).OfType<ProofRun>().FirstOrDefault();

    /// <summary>The systematic tests' outcomes, empty when that stage did not run.</summary>
    public IReadOnlyList<SystematicOutcome> Systematic => Stages.Select(s => s.Data).OfType<IReadOnlyList<SystematicOutcome>>().FirstOrDefault() ?? [];

    /// <summary>The validated scenario's outcome, when that stage ran.</summary>
    public ScenarioOutcome? Scenario => Stages.Select(s => s.Data).OfType<ScenarioOutcome>().FirstOrDefault();
}
