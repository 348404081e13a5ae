using System.Diagnostics;
using System.Globalization;
using Persona.Protocols.Testing;
using Persona.Systematic.Strategies;

namespace Persona.Bench.Protocols;

/// <summary>
/// The protocol figures: iterations per second of the correct protocols (the full set, under every fault, spec rules after every
/// step), and time and iterations to the first bug for each seeded bug under each strategy.
/// Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --protocols-figures [throughput [iterations [runs]]|to-bug [seeds [budget]]]</c>.
/// </summary>
public static class ProtocolFigures
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly StrategyKind[] Strategies =
        [StrategyKind.Portfolio, StrategyKind.Random, StrategyKind.Pct, StrategyKind.FairPct];

    /// <summary>Runs the named figure group (both when none is named) and prints Markdown tables.</summary>
    public static void Run(string[] args)
    {
        string group = args.Length > 0 ? args[0] : "all";
        int count = args.Length > 1 ? int.Parse(args[1], Inv) : 0;
        int second = args.Length > 2 ? int.Parse(args[2], Inv) : 0;
        if (group is "all" or "throughput") Throughput(count > 0 ? count : 100_000, second > 0 ? second : 3);
        if (group is "all" or "to-bug") ToBug(count > 0 ? count : 3, second > 0 ? second : 500);
    }

    private static void Throughput(int iterations, int runs)
    {
        int workers = Environment.ProcessorCount;
        Console.WriteLine($"## Correct protocols, portfolio, {iterations} iterations, {workers} workers\n");
        Console.WriteLine("| run | seed | iterations | bug | steps/iteration | wall s | iterations/s | steps/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var rates = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            ulong seed = (ulong)(1000 + run);
            var sw = Stopwatch.StartNew();
            var report = ProtocolSuite.RunCorrect(iterations, seed, workers);
            double t = sw.Elapsed.TotalSeconds;
            rates.Add(report.Iterations / t);
            Console.WriteLine(string.Create(Inv,
                $"| {run + 1} | {seed} | {report.Iterations} | {report.Bug?.Message ?? "none"} | {(double)report.TotalSteps / report.Iterations:F1} | {t:F1} | {report.Iterations / t:F0} | {report.TotalSteps / t:F0} |"));
            if (report.Bug is not null) Environment.ExitCode = 1;
        }
        Console.WriteLine(string.Create(Inv, $"\nmedian iterations/s: {Median(rates):F0}\n"));
    }

    private static void ToBug(int seeds, int budget)
    {
        Console.WriteLine($"## Iterations and time to the first bug, median over seeds 1..{seeds}, one worker, budget {budget} iterations\n");
        Console.Write("| seeded bug | depth |");
        foreach (var s in Strategies) Console.Write($" {StrategyFactory.NameOf(s)} |");
        Console.WriteLine();
        Console.WriteLine("|---|---|" + string.Concat(Strategies.Select(_ => "---|")));
        foreach (var bug in ProtocolSuite.SeededBugs)
        {
            Console.Write($"| {bug.TestName} | {bug.Depth} |");
            foreach (var strategy in Strategies)
            {
                var iterations = new List<double>();
                var times = new List<double>();
                int found = 0;
                for (ulong seed = 1; seed <= (ulong)seeds; seed++)
                {
                    var sw = Stopwatch.StartNew();
                    var report = ProtocolSuite.RunBug(bug, strategy, budget, seed, workers: 1);
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    if (report.Bug is null) continue;
                    found++;
                    iterations.Add(report.Iterations);
                }
                Console.Write(found == 0
                    ? " not found |"
                    : string.Create(Inv, $" {Median(iterations):F0} it, {Median(times):F0} ms ({found}/{seeds}) |"));
            }
            Console.WriteLine();
        }
        Console.WriteLine();
    }

    private static double Median(List<double> xs)
    {
        if (xs.Count == 0) return double.NaN;
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }
}
