using BenchmarkDotNet.Attributes;
using Persona.Proofs.Obligations;
using Persona.Proofs.Proving;
using Persona.Spec;
using Persona.Spec.Platforms;

namespace Persona.Bench.Proofs;

/// <summary>Proof time: the whole obligation set and each kind of obligation, on the default platform.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MedianColumn]
public class ProofBenchmarks
{
    private IReadOnlyList<Obligation> obligations = [];

    /// <summary>Which obligations: all, or one kind.</summary>
    [Params("Noninterference", "Inductiveness", "All")]
    public string Set { get; set; } = "All";

    /// <summary>Solver workers (each its own Z3 context).</summary>
    [Params(1, 2)]
    public int Workers { get; set; } = 2;

    /// <summary>Generates the obligations once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var all = ObligationSet.For(SpecModel.Default, DefaultPlatform.Load());
        obligations = Set switch
        {
            "All" => all,
            "Initiation" => [.. all.Where(o => o.Kind == ObligationKind.Initiation)],
            "Inductiveness" => [.. all.Where(o => o.Kind == ObligationKind.Inductiveness)],
            "WipeScoping" => [.. all.Where(o => o.Kind == ObligationKind.WipeScoping)],
            _ => [.. all.Where(o => o.Kind is ObligationKind.OutputConsistency or ObligationKind.StepConsistency or ObligationKind.LocalRespect or ObligationKind.DeclaredChannel)],
        };
    }

    /// <summary>Proves the set; throws if any obligation is not proved, so a broken spec cannot produce a figure.</summary>
    [Benchmark]
    public int Prove()
    {
        var results = Prover.Run(obligations, new ProofOptions(Workers: Workers));
        return results.All(r => r.Status == ProofStatus.Proved) ? results.Count : throw new InvalidOperationException("an obligation was not proved");
    }
}
