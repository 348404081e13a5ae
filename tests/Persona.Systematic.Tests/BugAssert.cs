using Persona.Systematic.Testing;
using Persona.Systematic.Traces;
using Xunit.Abstractions;

namespace Persona.Systematic.Tests;

/// <summary>The base helper Coyote's tests use: run a test that must fail, then replay its trace and check the same failure comes back.</summary>
internal static class BugAssert
{
    public static TestReport FindsBug(ITestOutputHelper output, string name, ISystematicTest test, TestConfiguration config)
    {
        var report = TestEngine.Run(name, test, test.Configure(config));
        output.WriteLine(report.Summary());
        Assert.NotNull(report.Bug);
        var trace = report.BugTrace!;
        var fromJson = TraceFile.Parse(TraceFile.Write(trace), "round-trip");
        var replay = TestEngine.Replay(test, fromJson);
        Assert.True(replay.Reproduced, $"replay ended in {replay.Bug?.Kind}: {replay.Bug?.Message}, expected {trace.Bug}");
        if (report.ShrunkTrace is { } shrunk)
        {
            Assert.True(TestEngine.Replay(test, shrunk).Reproduced);
            Assert.True(shrunk.Steps <= trace.Steps);
        }
        return report;
    }

    public static TestReport RunsCleanExhaustively(ITestOutputHelper output, string name, ISystematicTest test, int maxIterations = 200_000)
    {
        var config = test.Configure(new TestConfiguration { Strategy = Strategies.StrategyKind.Dfs, Iterations = maxIterations });
        var report = TestEngine.Run(name, test, config);
        output.WriteLine(report.Summary());
        Assert.True(report.Bug is null, report.Bug?.Message);
        return report;
    }

    public static TestReport RunsClean(ITestOutputHelper output, string name, ISystematicTest test, TestConfiguration config)
    {
        var report = TestEngine.Run(name, test, test.Configure(config));
        output.WriteLine(report.Summary());
        Assert.True(report.Bug is null, report.Bug?.Message);
        Assert.Equal(config.Iterations, report.Iterations);
        return report;
    }
}
