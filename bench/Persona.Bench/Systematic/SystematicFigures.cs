using System.Diagnostics;
using System.Globalization;
using Persona.Systematic.Models;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;

namespace Persona.Bench.Systematic;

/// <summary>
/// The side-by-side harness for figures BenchmarkDotNet is not suited to: iterations to the first bug per
/// strategy over many seeds, PCT's measured hit rate against its bound, and a wall-clock throughput check.
/// Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --systematic-figures [to-bug|hit-rate|throughput] [--budget N]</c>;
/// <c>--budget N</c> caps every count (iterations, runs, seeds) at N, for a quick check that the harness still runs.
/// </summary>
public static class SystematicFigures
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static int budget = int.MaxValue;

    private static int Cap(int count) => Math.Min(count, budget);

    /// <summary>Runs the named figure groups (all when none is named) and prints Markdown tables.</summary>
    public static void Run(string[] args)
    {
        var budgetAt = Array.IndexOf(args, "--budget");
        budget = budgetAt >= 0 && budgetAt + 1 < args.Length ? int.Parse(args[budgetAt + 1], Inv) : int.MaxValue;
        var groups = budgetAt >= 0 ? args[..budgetAt].Concat(args[(budgetAt + 2)..]).ToArray() : args;
        bool all = groups.Length == 0;
        if (all || groups.Contains("throughput")) Throughput();
        if (all || groups.Contains("hit-rate")) HitRate();
        if (all || groups.Contains("to-bug")) IterationsToBug();
    }

    private static void Throughput()
    {
        Console.WriteLine("## Wall-clock throughput, one worker (median of 5 runs)\n");
        Console.WriteLine("| workload | strategy | iterations | decisions/iteration | decisions/s | iterations/s |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var workloads = new (string, ISystematicTest, int, int)[] { ("ping-pong (100 round trips)", new PingPong(), 5000, 100_000), ("raft-5 (5 nodes, 200 steps)", new Raft5(), 5000, 200) };
        foreach (var ((name, test, fullIterations, cap), kind) in workloads.SelectMany(w => new[] { StrategyKind.Random, StrategyKind.Pct, StrategyKind.Portfolio }.Select(k => (w, k))))
        {
            var iterations = Cap(fullIterations);
            var config = new TestConfiguration { Strategy = kind, Iterations = iterations, ShrinkBudget = 0, MaxFairSteps = cap, MaxUnfairSteps = cap, StepEstimate = 150 };
            TestEngine.Run(name, test, config);
            var times = new List<double>();
            long steps = 0;
            for (int r = 0; r < Cap(5); r++)
            {
                var sw = Stopwatch.StartNew();
                steps = TestEngine.Run(name, test, config).TotalSteps;
                times.Add(sw.Elapsed.TotalSeconds);
            }
            double t = Median(times);
            Console.WriteLine(string.Create(Inv, $"| {name} | {StrategyFactory.NameOf(kind)} | {iterations} | {(double)steps / iterations:F1} | {steps / t:F0} | {iterations / t:F0} |"));
        }
        Console.WriteLine();
    }

    private static void HitRate()
    {
        Console.WriteLine("## PCT (paper) hit rate against its bound 1/(n·k^(d−1))\n");
        Console.WriteLine(string.Create(Inv, $"n = operations, k = most contended steps (≥2 enabled) in any iteration, {Cap(20_000)} iterations each, seed 1.\n"));
        Console.WriteLine("| model | d | n | k | bound | measured | measured/bound |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (int threads in new[] { 3, 5, 10 })
        {
            foreach (int d in new[] { 2, 3 })
            {
                var config = new TestConfiguration { Strategy = StrategyKind.Pct, StrategyBound = d, Iterations = Cap(20_000), Seed = 1, StopAtFirstBug = false, ShrinkBudget = 0 };
                var r = TestEngine.Run($"reorder-{threads}-bug", new ReorderTest(threads, bug: true), config);
                int n = r.MaxOperations;
                int k = Math.Max(r.StepEstimate, r.MaxContendedSteps);
                double bound = 1.0 / (n * Math.Pow(k, d - 1));
                double rate = (double)r.BuggyIterations / r.Iterations;
                Console.WriteLine(string.Create(Inv, $"| reorder_{threads} | {d} | {n} | {k} | {bound:G4} | {rate:G4} | {rate / bound:F1} |"));
            }
        }
        Console.WriteLine();
    }

    private static void IterationsToBug()
    {
        int seeds = Cap(100);
        int cap = Cap(2000);
        Console.WriteLine($"## Iterations to the first bug, per strategy, over {seeds} seeds (cap {cap} iterations per seed)\n");
        Console.WriteLine("Default bounds: pct d=3, prioritization/fair-pct 10 change points, delay-bounding 10, probabilistic b=3. DFS is deterministic, so it is run once.\n");
        Console.WriteLine("| model | strategy | found | median | mean | max | median ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var models = new (string Name, ISystematicTest Test)[]
        {
            ("reorder-5-bug", new Reorder5Bug()),
            ("reorder-10-bug", new Reorder10Bug()),
            ("dining-philosophers-5-bug", new DiningPhilosophers5Bug()),
            ("chain-replication-bug", new ChainReplicationBug()),
            ("raft-two-leaders", new RaftTwoLeaders()),
            ("account-bug", new AccountBug()),
            ("failure-detector-bug", new FailureDetectorBug()),
        };
        var strategies = new[]
        {
            StrategyKind.Random, StrategyKind.Probabilistic, StrategyKind.Pct, StrategyKind.Prioritization, StrategyKind.FairPct,
            StrategyKind.DelayBounding, StrategyKind.FairDelayBounding, StrategyKind.Portfolio,
        };
        foreach (var (name, test) in models)
        {
            foreach (var kind in strategies)
            {
                var counts = new List<double>();
                var times = new List<double>();
                int found = 0;
                for (ulong seed = 1; seed <= (ulong)seeds; seed++)
                {
                    var config = test.Configure(new TestConfiguration { Strategy = kind, Iterations = cap, Seed = seed, ShrinkBudget = 0 });
                    var sw = Stopwatch.StartNew();
                    var r = TestEngine.Run(name, test, config);
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    if (r.BugTrace is { } t)
                    {
                        found++;
                        counts.Add(t.Iteration + 1);
                    }
                }
                string median = counts.Count > 0 ? Median(counts).ToString("F0", Inv) : "–";
                string mean = counts.Count > 0 ? counts.Average().ToString("F1", Inv) : "–";
                string max = counts.Count > 0 ? counts.Max().ToString("F0", Inv) : "–";
                Console.WriteLine(string.Create(Inv, $"| {name} | {StrategyFactory.NameOf(kind)} | {found}/{seeds} | {median} | {mean} | {max} | {Median(times):F1} |"));
            }
            var dfs = TestEngine.Run(name, test, test.Configure(new TestConfiguration { Strategy = StrategyKind.Dfs, Iterations = Cap(20_000), ShrinkBudget = 0 }));
            string dfsCount = dfs.BugTrace is { } d ? (d.Iteration + 1).ToString(Inv) : $"not found in {Cap(20_000)}";
            Console.WriteLine(string.Create(Inv, $"| {name} | dfs (once) | {(dfs.BugTrace is null ? 0 : 1)}/1 | {dfsCount} | | | {dfs.Elapsed.TotalMilliseconds:F1} |"));
        }
        Console.WriteLine();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int m = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
