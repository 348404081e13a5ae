using System.Diagnostics;
using Persona.Proofs;
using Persona.Proofs.Obligations;
using Persona.Proofs.Proving;
using Persona.Spec;
using Persona.Spec.Platforms;

namespace Persona.Cli.Verification;

/// <summary>The proofs: every obligation of the spec on the platform, discharged by Z3.</summary>
/// <param name="model">The spec model to prove (the spec as written unless a mutant is given, as the report tests do).</param>
/// <param name="filter">Which obligations to discharge (all unless given).</param>
public sealed class ProofStage(SpecModel? model = null, Func<Obligation, bool>? filter = null) : IVerificationStage
{
    /// <inheritdoc/>
    public string Name => "proofs";

    /// <inheritdoc/>
    public StageResult Run(Platform platform, VerifyOptions options, IProgress<double> progress)
    {
        var clock = Stopwatch.StartNew();
        var spec = model ?? SpecModel.Default;
        var selected = filter ?? (_ => true);
        var total = ObligationSet.For(spec, platform).Count(selected);
        var done = 0;
        var run = ProofRun.Execute(spec, platform, new ProofOptions(Workers: options.Workers),
            _ => progress.Report((double)Interlocked.Increment(ref done) / total), selected);
        var proved = run.Results.Count(r => r.Status == ProofStatus.Proved);
        var evidence = run.Results.Where(r => r.Status != ProofStatus.Proved)
            .Select(r => r.Counterexample?.ToText() ?? $"{r.Id}: {r.Status} ({r.Reason})").ToList();
        return new StageResult(Name, run.AllProved, $"{proved}/{run.Results.Count} obligations proved (Z3 {run.SolverVersion})",
            evidence, clock.Elapsed.TotalSeconds, run);
    }
}
