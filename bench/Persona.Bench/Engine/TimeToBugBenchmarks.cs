using BenchmarkDotNet.Attributes;
using Persona.Protocols.Testing;
using Persona.Systematic.Strategies;

namespace Persona.Bench.Engine;

/// <summary>Time to the first bug: the systematic engine on each seeded protocol bug, per strategy, seed 1, one worker.</summary>
/// <remarks>Each measurement runs the test until the engine reports the bug (at most the bug's own budget of iterations) and throws when
/// it does not, so a strategy that stops finding a bug fails instead of timing the whole budget. PCT (the paper's, unfair) is left out:
/// it cannot report the liveness bugs (bench/results/protocols.md). Over many seeds: <c>--protocols-figures to-bug</c>.
/// Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*TimeToBug*'</c>.</remarks>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
[Config(typeof(FullParameterValues))]
[MedianColumn]
public class TimeToBugBenchmarks
{
    private SeededBug bug = null!;

    /// <summary>The seeded bug's test name.</summary>
    [ParamsSource(nameof(BugNames))]
    public string Bug { get; set; } = "";

    /// <summary>The strategy.</summary>
    [Params(StrategyKind.Portfolio, StrategyKind.Random, StrategyKind.FairPct)]
    public StrategyKind Strategy { get; set; }

    /// <summary>Every seeded protocol bug.</summary>
    public static IEnumerable<string> BugNames() => ProtocolSuite.SeededBugs.Select(b => b.TestName);

    /// <summary>Finds the bug.</summary>
    [GlobalSetup]
    public void Setup() => bug = ProtocolSuite.SeededBugs.Single(b => b.TestName == Bug);

    /// <summary>Runs until the bug is found; returns the iterations it took.</summary>
    [Benchmark]
    public int FirstBug()
    {
        var report = ProtocolSuite.RunBug(bug, Strategy, bug.Budget, seed: 1, workers: 1);
        return report.Bug is not null ? report.Iterations : throw new InvalidOperationException($"{Bug} not found by {Strategy} in {bug.Budget} iterations at seed 1");
    }
}
