using Persona.Cli;

namespace Persona.Cli.Tests;

/// <summary>Runs <c>persona test</c> in process; console redirection is global, so these tests do not run in parallel with each other.</summary>
[Collection("console")]
public sealed class TestCommandTests : IDisposable
{
    private readonly string outDir = Path.Combine(Path.GetTempPath(), "persona-cli-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
    }

    private static (int Code, string Out, string Err) Persona(params string[] args)
    {
        var oldOut = Console.Out;
        var oldErr = Console.Error;
        using var o = new StringWriter();
        using var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            int code = Program.Main(args);
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public void KnownBug_ExitsOne_AndPrintsTheTraceLogAndDiagramPaths_ThenTheTraceReplays()
    {
        var (code, output, _) = Persona("test", "reorder-3-bug", "--strategy", "pct", "--bound", "2", "--trace-out", outDir);
        Assert.Equal(1, code);
        Assert.Contains("BUG (AssertionFailure)", output, StringComparison.Ordinal);
        string trace = Path.Combine(outDir, Directory.GetFiles(outDir, "*.trace.json").Select(Path.GetFileName).Single()!);
        Assert.Contains(trace, output, StringComparison.Ordinal);
        Assert.Contains(Path.ChangeExtension(Path.ChangeExtension(trace, null), null) + ".html", output, StringComparison.Ordinal);
        Assert.Contains(".log.txt", output, StringComparison.Ordinal);
        var (replayCode, replayOut, _) = Persona("test", "--replay", trace, "--trace-out", outDir);
        Assert.Equal(1, replayCode);
        Assert.Contains("reproduced exactly", replayOut, StringComparison.Ordinal);
    }

    [Fact]
    public void BugFreeTest_ExitsZero()
    {
        var (code, output, _) = Persona("test", "reorder-3", "account", "--iterations", "50", "--workers", "2", "--coverage", "--trace-out", outDir);
        Assert.Equal(0, code);
        Assert.Contains("ran 50 iterations", output, StringComparison.Ordinal);
        Assert.Contains("no bug found", output, StringComparison.Ordinal);
        string coverage = Path.Combine(outDir, "account.coverage.txt");
        Assert.Contains(coverage, output, StringComparison.Ordinal);
        Assert.Contains("state coverage: 1/1", File.ReadAllText(coverage), StringComparison.Ordinal);
    }

    [Fact]
    public void SeedsRange_RunsExactlyThoseIterations()
    {
        var (code, output, _) = Persona("test", "ping-pong", "--seeds", "10..19", "--strategy", "random", "--trace-out", outDir);
        Assert.Equal(0, code);
        Assert.Contains("iterations 10..19", output, StringComparison.Ordinal);
        Assert.Contains("ran 10 iterations", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dfs_SaysWhenItProvedTheConfiguration()
    {
        var (code, output, _) = Persona("test", "chain-replication", "--strategy", "dfs", "--iterations", "100000", "--trace-out", outDir);
        Assert.Equal(0, code);
        Assert.Contains("DFS explored every interleaving", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--iterations 0", "--iterations \"0\" must be a positive integer")]
    [InlineData("--iterations x", "--iterations \"x\"")]
    [InlineData("--strategy nope", "--strategy \"nope\" is not a strategy")]
    [InlineData("--seeds 5..1", "ends before it starts")]
    [InlineData("--seeds 5", "must look like A..B")]
    [InlineData("--seed -3", "--seed \"-3\"")]
    [InlineData("--max-steps 0", "--max-steps")]
    [InlineData("--bogus", "unknown option \"--bogus\"")]
    [InlineData("no-such-test", "unknown test \"no-such-test\"")]
    [InlineData("--iterations", "--iterations")]
    public void BadOption_ExitsTwo_WithOneClearMessage(string args, string message)
    {
        var (code, output, error) = Persona(["test", "reorder-3", .. args.Split(' ')]);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
    }

    [Fact]
    public void BadTraceFiles_ExitTwo_NamingTheFileAndTheFault()
    {
        Directory.CreateDirectory(outDir);
        string missing = Path.Combine(outDir, "missing.json");
        var (c1, _, e1) = Persona("test", "--replay", missing);
        Assert.Equal(2, c1);
        Assert.Contains(missing, e1, StringComparison.Ordinal);

        string garbage = Path.Combine(outDir, "garbage.json");
        File.WriteAllText(garbage, "{ not json");
        var (c2, _, e2) = Persona("test", "--replay", garbage);
        Assert.Equal(2, c2);
        Assert.Contains("not valid JSON", e2, StringComparison.Ordinal);

        var (code, _, _) = Persona("test", "chain-replication-bug", "--strategy", "random", "--trace-out", outDir);
        Assert.Equal(1, code);
        string trace = Directory.GetFiles(outDir, "*.trace.json").Single();
        string text = File.ReadAllText(trace);
        int first = text.IndexOf("[\"S\", ", StringComparison.Ordinal);
        string altered = text[..first] + "[\"S\", 42, \"Send\"]," + text[first..];
        string divergent = Path.Combine(outDir, "divergent.json");
        File.WriteAllText(divergent, altered);
        var (c3, _, e3) = Persona("test", "--replay", divergent);
        Assert.Equal(2, c3);
        Assert.Contains("replay diverged at step 0", e3, StringComparison.Ordinal);
    }

    [Fact]
    public void List_ShowsTheRegisteredModels()
    {
        var (code, output, _) = Persona("test", "--list");
        Assert.Equal(0, code);
        Assert.Contains("raft-two-leaders", output, StringComparison.Ordinal);
        Assert.Contains("failure-detector-bug", output, StringComparison.Ordinal);
    }
}
