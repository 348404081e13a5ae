using System.Diagnostics;
using Persona.Proofs;
using Persona.Proofs.Proving;
using Persona.Spec;
using Persona.Spec.Platforms;

namespace Persona.Cli.Verification;

/// <summary>The proofs: every obligation of the spec on the platform, discharged by Z3.</summary>
public sealed class ProofStage : IVerificationStage
{
    /// <inheritdoc/>
    public string Name => "proofs";

    /// <inheritdoc/>
    public StageResult Run(Platform platform, VerifyOptions options, IProgress<double> progress)
    {
        var clock = Stopwatch.StartNew();
        var total = Persona.Proofs.Obligations.ObligationSet.For(SpecModel.Default, platform).Count;
        var done = 0;
        var run = ProofRun.Execute(SpecModel.Default, platform, new ProofOptions(Workers: options.Workers),
            _ => progress.Report((double)Interlocked.Increment(ref done) / total));
        var proved = run.Results.Count(r => r.Status == ProofStatus.Proved);
        var evidence = run.Results.Where(r => r.Status != ProofStatus.Proved)
            .Select(r => r.Counterexample?.ToText() ?? $"{r.Id}: {r.Status} ({r.Reason})").ToList();
        return new StageResult(Name, run.AllProved, $"{proved}/{run.Results.Count} obligations proved (Z3 {run.SolverVersion})",
            evidence, clock.Elapsed.TotalSeconds, run);
    }
}
