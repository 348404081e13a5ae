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
public sealed record StageResult(string Stage, bool Passed, string Summary, IReadOnlyList<string> Evidence, double Seconds, object? Data);

/// <summary>Options of <c>persona verify</c>.</summary>
/// <param name="Workers">Parallel workers for the stages that parallelise.</param>
/// <param name="Seed">The base seed of every randomized stage.</param>
/// <param name="ReportDirectory">Where reports are written.</param>
public sealed record VerifyOptions(int Workers, ulong Seed, string ReportDirectory);
