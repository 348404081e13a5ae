using Persona.Bench.Plot;

namespace Persona.Bench.Tests;

/// <summary>The --plot mode: BenchmarkDotNet's CSV reports and the guest table become one SVG; bad input names the file.</summary>
public sealed class PlotTests
{
    [Theory]
    [InlineData("27.24 ns", 27.24)]
    [InlineData("1,618.12 ms", 1_618_120_000)]
    [InlineData("12.5 μs", 12_500)]
    [InlineData("3.4 s", 3_400_000_000)]
    public void Median_ParsesBenchmarkDotNetTimes(string text, double nanoseconds) =>
        Assert.Equal(nanoseconds, BenchmarkMedian.ParseNanoseconds(text)!.Value, 3);

    [Fact]
    public void Median_RejectsWhatIsNotATime() => Assert.Null(BenchmarkMedian.ParseNanoseconds("NA"));

    [Fact]
    public void Report_BecomesBarsLabelledWithMethodAndParameters()
    {
        var dir = Directory.CreateTempSubdirectory("plot");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "Persona.Bench.Hypervisor.HypervisorTrapBenchmarks-report.csv"),
                "Method,Job,Validate,Mean,Error,Median\n" +
                "StatusHypercallRoundTrip,Job-1,False,1.0 us,0.1 us,\"1,234.5 ns\"\n" +
                "WorldSwitch,Job-1,True,NA,NA,NA\n");
            var medians = BenchmarkCsv.ReadDirectory(dir.FullName);
            var median = Assert.Single(medians);
            Assert.Equal("HypervisorTrapBenchmarks", median.Suite);
            Assert.Equal("StatusHypercallRoundTrip Validate=False", median.Case);
            Assert.Equal(1234.5, median.Nanoseconds, 3);
            var svg = PlotCommand.Render(medians, [new Bar("guests/microbench", "hypercall", 65, "65.00 ticks")]);
            Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
            Assert.Contains("StatusHypercallRoundTrip Validate=False", svg, StringComparison.Ordinal);
            Assert.Contains("65.00 ticks", svg, StringComparison.Ordinal);
            System.Xml.Linq.XDocument.Parse(svg);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void JoinedReports_NameTheClassPerRow_AndTheNewestFigureWins()
    {
        var dir = Directory.CreateTempSubdirectory("plot");
        try
        {
            var older = Path.Combine(dir.FullName, "BenchmarkRun-joined-1-report.csv");
            File.WriteAllText(older, "Namespace,Type,Method,Job,Id,Median\n" +
                "Persona.Bench.Solver,ObligationBenchmarks,Prove,Job-1,INIT.MEM-1,62.4 ms\n" +
                "Persona.Bench.Micro,DecodeStepBenchmarks,Decode,Job-1,?,11.84 ns\n");
            File.SetLastWriteTimeUtc(older, DateTime.UtcNow.AddMinutes(-5));
            File.WriteAllText(Path.Combine(dir.FullName, "Persona.Bench.Micro.DecodeStepBenchmarks-report.csv"), "Method,Job,Median\nDecode,Job-2,10.5 ns\n");
            var medians = BenchmarkCsv.ReadDirectory(dir.FullName);
            Assert.Equal(2, medians.Count);
            Assert.Equal(("ObligationBenchmarks", "Prove Id=INIT.MEM-1"), (medians[0].Suite, medians[0].Case));
            Assert.Equal(("DecodeStepBenchmarks", "Decode", 10.5), (medians[1].Suite, medians[1].Case, medians[1].Nanoseconds));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void MissingArtifacts_AreReportedWithTheirPath()
    {
        var e = Assert.Throws<BenchInputException>(() => BenchmarkCsv.ReadDirectory("/nonexistent/results"));
        Assert.Contains("/nonexistent/results", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GuestTable_RowsAreRead()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "```\ntest                    iterations       ticks  per-iter\nhypercall                     1000       65003        65.00\nend\n```\n");
            var bar = Assert.Single(PlotCommand.GuestRows(file));
            Assert.Equal("hypercall", bar.Label);
            Assert.Equal(65.0, bar.Value);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
