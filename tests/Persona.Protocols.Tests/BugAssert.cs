using Persona.Systematic.Testing;
using Persona.Systematic.Traces;
using Xunit.Abstractions;

namespace Persona.Protocols.Tests;

/// <summary>Runs a test that must fail, then replays its trace (through JSON) and checks the same failure comes back.</summary>
internal static class BugAssert
{
    public static TestReport FoundAndReplays(ITestOutputHelper output, string name, ISystematicTest test, TestConfiguration config)
    {
        var report = TestEngine.Run(name, test, test.Configure(config));
        output.WriteLine($"seed {config.Seed}: {report.Summary()}");
        Assert.True(report.Bug is not null, $"{name}: no bug in {report.Iterations} iterations");
        var trace = report.BugTrace!;
        var replay = TestEngine.Replay(test, TraceFile.Parse(TraceFile.Write(trace), "round-trip"));
        Assert.True(replay.Reproduced, $"replay ended in {replay.Bug?.Kind}: {replay.Bug?.Message}, expected {trace.Bug}");
        return report;
    }
}
