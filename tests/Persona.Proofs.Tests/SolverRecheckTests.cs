using System.Diagnostics;
using Persona.Proofs.Proving;
using Persona.TestSupport;
using Xunit.Abstractions;

namespace Persona.Proofs.Tests;

/// <summary>Every emitted obligation is re-checked by the z3 and cvc5 command lines; both must agree with the in-process result.</summary>
[Collection("proof run")]
public class SolverRecheckTests(ProofRunFixture fixture, ITestOutputHelper output)
{
    [RequiresToolFact("z3", "z3", "cvc5", "cvc5")]
    public void EmittedObligations_AreRecheckedByZ3AndCvc5_WithTheSameAnswers()
    {
        var z3 = DebianTool.Require("z3", "z3");
        var cvc5 = DebianTool.Require("cvc5", "cvc5");
        var files = Directory.GetFiles(fixture.EmitDirectory, "*.smt2");
        Assert.Equal(fixture.Run.Results.Count, files.Length);
        var expected = fixture.Run.Results.ToDictionary(r => r.Id, r => r.Status == ProofStatus.Proved ? "unsat" : r.Status == ProofStatus.Refuted ? "sat" : "unknown");
        var disagreements = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var z3Answer = Solve(z3, ["-smt2", "-T:60", file]);
            var cvc5Answer = Solve(cvc5, ["--lang=smt2", "--tlimit=60000", file]);
            if (z3Answer != expected[id] || cvc5Answer != expected[id])
                disagreements.Add($"{id}: in-process {expected[id]}, z3 {z3Answer}, cvc5 {cvc5Answer}");
        });
        foreach (var d in disagreements) output.WriteLine(d);
        output.WriteLine($"re-checked {files.Length} obligations with z3 and cvc5");
        Assert.Empty(disagreements);
    }

    private static string Solve(string solver, string[] args)
    {
        var start = new ProcessStartInfo(solver) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"(no output, exit {process.ExitCode})";
    }
}
