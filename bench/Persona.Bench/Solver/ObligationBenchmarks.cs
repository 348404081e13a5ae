using BenchmarkDotNet.Attributes;
using Persona.Proofs.Obligations;
using Persona.Proofs.Proving;
using Persona.Spec;
using Persona.Spec.Platforms;

namespace Persona.Bench.Solver;

/// <summary>Proof time per obligation: a sample of two obligations of every kind (the first and the last the set generates) on the default platform.</summary>
/// <remarks>Each measurement proves one obligation as <c>persona prove</c> does (grounding, compiling, one Z3 query) in a fresh one-worker
/// prover, so it includes making a Z3 context; all obligations (811) are timed by <c>bench/proofs-per-obligation.sh</c>.
/// Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*ObligationBenchmarks*'</c>.</remarks>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
[Config(typeof(FullParameterValues))]
[MedianColumn]
public class ObligationBenchmarks
{
    private static readonly Lazy<IReadOnlyList<Obligation>> All = new(() => ObligationSet.For(SpecModel.Default, DefaultPlatform.Load()));

    private Obligation[] obligation = [];

    /// <summary>The obligation's id.</summary>
    [ParamsSource(nameof(SampleIds))]
    public string Id { get; set; } = "";

    /// <summary>The first and the last obligation of each kind, in generation order.</summary>
    public static IEnumerable<string> SampleIds() =>
        All.Value.GroupBy(o => o.Kind).SelectMany(g => new[] { g.First().Id, g.Last().Id }).Distinct();

    /// <summary>Finds the obligation.</summary>
    [GlobalSetup]
    public void Setup() => obligation = [All.Value.Single(o => o.Id == Id)];

    /// <summary>Proves it; throws unless it is proved, so a broken spec cannot produce a figure.</summary>
    [Benchmark]
    public ProofStatus Prove()
    {
        var result = Prover.Run(obligation, new ProofOptions(Workers: 1))[0];
        return result.Status == ProofStatus.Proved ? result.Status : throw new InvalidOperationException($"{Id} was not proved: {result.Status}");
    }
}
