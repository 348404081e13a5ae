using Persona.Systematic.Models;
using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;
using Persona.Systematic.Traces;
using Xunit.Abstractions;

namespace Persona.Systematic.Tests;

public sealed class TraceTests(ITestOutputHelper output)
{
    private static ExecutionTrace BugTrace(ISystematicTest test, StrategyKind kind = StrategyKind.Random, int iterations = 2000, ulong seed = 1)
    {
        var report = TestEngine.Run("t", test, test.Configure(new TestConfiguration { Strategy = kind, Iterations = iterations, Seed = seed, ShrinkBudget = 0 }));
        return report.BugTrace ?? throw new InvalidOperationException("expected a bug");
    }

    [Fact]
    public void Json_RoundTrips_EveryFieldAndDecision()
    {
        var trace = BugTrace(new RaftTwoLeaders());
        var back = TraceFile.Parse(TraceFile.Write(trace), "x");
        Assert.Equal(trace.Decisions, back.Decisions);
        Assert.Equal(trace.Bug, back.Bug);
        Assert.Equal((trace.TestName, trace.Seed, trace.Iteration, trace.IterationSeed, trace.Fair), (back.TestName, back.Seed, back.Iteration, back.IterationSeed, back.Fair));
        Assert.Equal(trace.Configuration.MaxFairSteps, back.Configuration.MaxFairSteps);
        Assert.Equal(trace.Configuration.EffectiveLivenessThreshold, back.Configuration.EffectiveLivenessThreshold);
        Assert.Contains(trace.Decisions, d => d.Kind == DecisionKind.Boolean);
        Assert.True(TestEngine.Replay(new RaftTwoLeaders(), back).Reproduced);
    }

    [Fact]
    public void Replay_OfAnAlteredScheduleDecision_ReportsTheStepWhereItDiverged()
    {
        var trace = BugTrace(new ChainReplicationBug());
        var decisions = trace.Decisions.ToList();
        int index = decisions.FindIndex(5, d => d.Kind == DecisionKind.Schedule);
        int step = decisions.Take(index).Count(d => d.Kind == DecisionKind.Schedule);
        decisions[index] = decisions[index] with { Value = 99 };
        var e = Assert.Throws<TraceDivergenceException>(() => TestEngine.Replay(new ChainReplicationBug(), trace with { Decisions = decisions }, "altered.json"));
        output.WriteLine(e.Message);
        Assert.Equal(index, e.DecisionIndex);
        Assert.Equal(step, e.Step);
        Assert.Contains($"altered.json: replay diverged at step {step}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_OfAChangedPointKind_Diverges()
    {
        var trace = BugTrace(new ChainReplicationBug());
        var decisions = trace.Decisions.ToList();
        decisions[0] = decisions[0] with { Point = PointKind.Crash };
        var e = Assert.Throws<TraceDivergenceException>(() => TestEngine.Replay(new ChainReplicationBug(), trace with { Decisions = decisions }));
        Assert.Equal(0, e.DecisionIndex);
        Assert.Contains("Crash", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_OfATruncatedTrace_Diverges_AndOfAnOverlongOne_Too()
    {
        var trace = BugTrace(new ChainReplicationBug());
        var cut = trace with { Decisions = trace.Decisions.Take(trace.Decisions.Count / 2).ToList() };
        Assert.Contains("no more decisions", Assert.Throws<TraceDivergenceException>(() => TestEngine.Replay(new ChainReplicationBug(), cut)).Message, StringComparison.Ordinal);
        var longer = trace with { Decisions = [.. trace.Decisions, trace.Decisions[^1]] };
        Assert.Contains("more decisions", Assert.Throws<TraceDivergenceException>(() => TestEngine.Replay(new ChainReplicationBug(), longer)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1]", "field (root) must be a JSON object")]
    [InlineData("{\"format\": \"other\"}", "field format is \"other\"")]
    public void Parse_OfABadFile_NamesTheFileAndTheFault(string json, string fault)
    {
        var e = Assert.Throws<SystematicInputException>(() => TraceFile.Parse(json, "bad.trace.json"));
        Assert.Contains("bad.trace.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(fault, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"X\", 1]", "steps[0] has unknown tag \"X\"")]
    [InlineData("[\"S\", 1]", "steps[0] needs a scheduling point kind")]
    [InlineData("[\"B\", 2]", "steps[0] a boolean must be 0 or 1")]
    [InlineData("[\"I\", -1]", "steps[0] has no non-negative integer value")]
    public void Parse_OfABadStep_NamesTheStep(string step, string fault)
    {
        var good = TraceFile.Write(BugTrace(new AccountBug()));
        int at = good.IndexOf("\"steps\": [", StringComparison.Ordinal) + "\"steps\": [".Length;
        string bad = good[..at] + step + "," + good[at..];
        var e = Assert.Throws<SystematicInputException>(() => TraceFile.Parse(bad, "t.json"));
        Assert.Contains(fault, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shrink_CutsStepsAndSwitches_AndTheResultStillFails()
    {
        var test = new ReorderTest(10, bug: true);
        var trace = BugTrace(test, StrategyKind.Random, seed: 2);
        var shrunk = TestEngine.Shrink(test, trace, budget: 400);
        output.WriteLine($"{trace.Steps} steps / {trace.ContextSwitches} switches -> {shrunk.Steps} / {shrunk.ContextSwitches}");
        Assert.True(shrunk.Steps < trace.Steps);
        Assert.True(shrunk.ContextSwitches <= trace.ContextSwitches);
        var replay = TestEngine.Replay(test, TraceFile.Parse(TraceFile.Write(shrunk), "shrunk"));
        Assert.True(replay.Reproduced);
    }

    [Fact]
    public void Shrink_OfALivenessLasso_KeepsTheSameBug()
    {
        var test = new FailureDetectorBug();
        var trace = BugTrace(test, StrategyKind.Random, iterations: 200);
        var shrunk = TestEngine.Shrink(test, trace, budget: 200);
        Assert.Equal(BugKind.LivenessLasso, shrunk.Bug!.Kind);
        Assert.True(shrunk.Steps <= trace.Steps);
        Assert.True(TestEngine.Replay(test, shrunk).Reproduced);
    }

    [Fact]
    public void Describe_WritesAReadableLog_MermaidAndStandaloneHtml_AndCoverage()
    {
        var test = new ChainReplicationBug();
        var artifacts = TestEngine.Describe(test, BugTrace(test));
        Assert.Contains("BUG (AssertionFailure)", artifacts.Log, StringComparison.Ordinal);
        Assert.Contains("ChainClient(0) sent ChainUpdate { Value = 1 } to head", artifacts.Log, StringComparison.Ordinal);
        Assert.StartsWith("sequenceDiagram\n", artifacts.Mermaid, StringComparison.Ordinal);
        Assert.Matches(@"participant P\d+ as ChainClient\(0\)", artifacts.Mermaid);
        Assert.Matches(@"P\d+->>P\d+: ChainAck \( Value = 1 \)", artifacts.Mermaid);
        Assert.Contains("<svg", artifacts.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", artifacts.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://cdn", artifacts.Html, StringComparison.Ordinal);
        Assert.Contains("ChainServer.Default : ChainUpdate", artifacts.Coverage.ToText(), StringComparison.Ordinal);
        var dir = Path.Combine(Path.GetTempPath(), "persona-trace-test-" + Guid.NewGuid().ToString("N"));
        var paths = artifacts.WriteTo(dir);
        Assert.True(File.Exists(paths.Trace) && File.Exists(paths.Log) && File.Exists(paths.Html) && File.Exists(paths.Mermaid) && File.Exists(paths.Coverage));
        Assert.True(TestEngine.Replay(test, TraceFile.Read(paths.Trace)).Reproduced);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Coverage_OverARun_CountsStatesAndHandlers_AndListsWhatWasMissed()
    {
        var report = TestEngine.Run("dining", new DiningPhilosophers3(), new TestConfiguration { Strategy = StrategyKind.Random, Iterations = 50, Coverage = true });
        var text = report.Coverage!.ToText();
        output.WriteLine(text);
        Assert.Contains("state coverage: 3/3", text, StringComparison.Ordinal);
        Assert.Contains("Fork: Free -> Taken", text, StringComparison.Ordinal);
        Assert.Equal(150, report.Coverage.EventsHandled["Philosopher.Default : ForkGranted"] / 2);
    }

    [Fact]
    public void Read_OfAMissingFile_NamesIt() =>
        Assert.Contains("/no/such.trace.json", Assert.Throws<SystematicInputException>(() => TraceFile.Read("/no/such.trace.json")).Message, StringComparison.Ordinal);
}
