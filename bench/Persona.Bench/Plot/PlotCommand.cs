using System.Globalization;
using System.Text.RegularExpressions;

namespace Persona.Bench.Plot;

/// <summary>The <c>--plot</c> mode: draws the headline medians of BenchmarkDotNet's reports and the guest micro-benchmark table as one SVG.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --plot [ARTIFACTS_RESULTS_DIR [GUEST_TABLE.md [OUT.svg]]]</c>;
/// defaults: <c>BenchmarkDotNet.Artifacts/results</c>, <c>bench/results/guest-microbench.md</c>, <c>bench/results/overview.svg</c>.</remarks>
public static partial class PlotCommand
{
    /// <summary>Reads the inputs, writes the SVG, and prints what it drew; bad input prints one message and sets exit code 2.</summary>
    public static void Run(string[] args)
    {
        var artifacts = args.Length > 0 ? args[0] : "BenchmarkDotNet.Artifacts/results";
        var guestTable = args.Length > 1 ? args[1] : "bench/results/guest-microbench.md";
        var output = args.Length > 2 ? args[2] : "bench/results/overview.svg";
        try
        {
            var svg = Render(BenchmarkCsv.ReadDirectory(artifacts), File.Exists(guestTable) ? GuestRows(guestTable) : []);
            File.WriteAllText(output, svg);
            Console.WriteLine($"wrote {output}");
        }
        catch (BenchInputException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 2;
        }
    }

    /// <summary>The SVG for a set of medians and guest micro-benchmark rows.</summary>
    public static string Render(IReadOnlyList<BenchmarkMedian> medians, IReadOnlyList<Bar> guestRows)
    {
        // A joined report interleaves classes; bars are grouped by class, in the order classes first appear.
        var host = new Panel("Host time per operation, BenchmarkDotNet medians", "ns",
            [.. medians.GroupBy(m => m.Suite).SelectMany(g => g).Select(m => new Bar(m.Suite, m.Case, m.Nanoseconds, m.Text))]);
        var guest = new Panel("Guest-visible cost, virtual counter ticks per iteration (default cost model)", "ticks", guestRows);
        return SvgChart.Render("Persona benchmarks: headline medians",
            "Shared 2-core machine: host times move with the load (see bench/results/*.md for the load beside each figure); guest ticks are deterministic.",
            [host, guest]);
    }

    /// <summary>The rows of the first table in a guest micro-benchmark file: name, iterations, ticks, ticks per iteration.</summary>
    public static IReadOnlyList<Bar> GuestRows(string path)
    {
        var bars = new List<Bar>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("end", StringComparison.Ordinal) && bars.Count > 0)
                break;
            var match = GuestRow().Match(line);
            if (match.Success)
            {
                var perIteration = double.Parse(match.Groups["per"].Value, CultureInfo.InvariantCulture);
                bars.Add(new Bar("guests/microbench", match.Groups["name"].Value, Math.Max(perIteration, 0.01), $"{match.Groups["per"].Value} ticks"));
            }
        }
        return bars;
    }

    [GeneratedRegex(@"^(?<name>[a-z][a-z0-9-]+)\s+(?<iterations>\d+)\s+(?<ticks>\d+)\s+(?<per>\d+\.\d\d)$")]
    private static partial Regex GuestRow();
}
