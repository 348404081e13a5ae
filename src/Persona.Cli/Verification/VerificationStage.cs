using Persona.Spec.Platforms;

namespace Persona.Cli.Verification;

/// <summary>One link of <c>persona verify</c>'s chain: proofs, systematic tests, the validated scenario.</summary>
public interface IVerificationStage
{
    /// <summary>The stage's name in the summary table.</summary>
    string Name { get; }

    /// <summary>Runs the stage on the platform; progress goes to <paramref name="progress"/> as a fraction in [0, 1].</summary>
    StageResult Run(Platform platform, VerifyOptions options, IProgress<double> progress);
}

/// <summary>What a stage found.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="Passed">Whether everything it checked held.</param>
/// <param name="Summary">One line for the summary table.</param>
/// <param name="Evidence">The evidence of each failure (counterexamples, traces), empty when it passed.</param>
/// <param name="Seconds">Wall time of the stage.</param>
/// <param name="Data">Machine-readable results for the JSON report.</param>
/// <param name="NotApplicable">Why the stage could not run on this platform, or null when it ran; a stage that could not run neither
/// passes nor fails, and every report says so.</param>
public sealed record StageResult(string Stage, bool Passed, string Summary, IReadOnlyList<string> Evidence, double Seconds, object? Data,
    string? NotApplicable = null)
{
    /// <summary>A stage that could not run on the platform, with the reason.</summary>
    public static StageResult Skipped(string stage, string reason, double seconds) =>
        new(stage, true, "not applicable on this platform (the reason follows the table)", [], seconds, null, reason);

    /// <summary>The verdict word every report shows: passed, FAILED or not applicable.</summary>
    public string Verdict => NotApplicable is not null ? "not applicable" : Passed ? "passed" : "FAILED";
}

/// <summary>Options of <c>persona verify</c>.</summary>
/// <param name="Workers">Parallel workers for the stages that parallelise.</param>
/// <param name="Seed">The base seed of every randomized stage.</param>
/// <param name="ReportDirectory">Where reports are written.</param>
public sealed record VerifyOptions(int Workers, ulong Seed, string ReportDirectory);
