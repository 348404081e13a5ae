using Persona.Smt;
using Persona.TestSupport;
using Xunit.Abstractions;

namespace Persona.Smt.Tests;

public sealed class SmtLibRoundTripTests(ITestOutputHelper output)
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    [RequiresToolFact("z3", "z3", "cvc5", "cvc5")]
    public void EveryCase_GetsTheSameAnswer_InProcess_FromZ3Cli_AndFromCvc5()
    {
        DebianTool.Require("z3", "z3");
        DebianTool.Require("cvc5", "cvc5");
        var failures = new List<string>();
        var results = SmtLibRoundTripCases.All.AsParallel().AsOrdered().WithDegreeOfParallelism(2).Select(RoundTrip).ToList();
        foreach (var (name, line, failure) in results)
        {
            output.WriteLine(line);
            if (failure is not null)
                failures.Add($"{name}: {failure}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Script_KeepsNamesDeclarationsAndHeader()
    {
        using var ctx = new SmtContext(new SmtOptions(RandomSeed: 5));
        using var solver = ctx.Solver();
        var owner = ctx.EnumSort("Owner", "Personal", "Work");
        var page = ctx.DeclareSort("Page");
        var f = ctx.Function("ownerOf", [page], owner);
        solver.Assert("rule 1", f.Apply<EnumTerm>(page.Constant("p")).Eq(owner["Work"]));
        solver.Assert(ctx.Bool("b"));
        var script = solver.ToSmtLib2();
        output.WriteLine(script);
        Assert.Contains("random_seed=5", script, StringComparison.Ordinal);
        Assert.Contains("(set-option :produce-unsat-cores true)", script, StringComparison.Ordinal);
        Assert.Contains("(set-logic ALL)", script, StringComparison.Ordinal);
        Assert.Contains("(declare-sort Page 0)", script, StringComparison.Ordinal);
        Assert.Contains("(declare-datatypes ((Owner 0)) (((Personal) (Work))))", script, StringComparison.Ordinal);
        Assert.Contains("(declare-fun ownerOf (Page) Owner)", script, StringComparison.Ordinal);
        Assert.Contains(":named |rule 1|))", script, StringComparison.Ordinal);
        Assert.Contains("(assert b)", script, StringComparison.Ordinal);
        Assert.EndsWith("(check-sat)\n", script, StringComparison.Ordinal);
        Assert.Equal(2, script.Split("(assert ").Length - 1);
    }

    [Fact]
    public void Script_AfterPop_HoldsOnlyTheRemainingAssertions()
    {
        using var ctx = new SmtContext();
        using var solver = ctx.Solver();
        solver.Assert("kept", ctx.Bool("k"));
        solver.Push();
        solver.Assert("dropped", ctx.Bool("d"));
        solver.Pop();
        var script = solver.ToSmtLib2();
        Assert.Contains(":named kept", script, StringComparison.Ordinal);
        Assert.DoesNotContain("dropped", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_OutlivesTheScopeOfItsTerms()
    {
        using var ctx = new SmtContext();
        using var solver = ctx.Solver();
        using (ctx.Scope())
            solver.Assert("inner", ctx.BitVec("x", 8).Ugt(3UL));
        Assert.Contains("(bvugt x (_ bv3 8))", solver.ToSmtLib2(), StringComparison.Ordinal);
        Assert.IsType<SmtResult.Sat>(solver.Check());
    }

    [Theory]
    [InlineData("sat\n", SmtLibVerdict.Sat)]
    [InlineData("unsat\n(a b)\n", SmtLibVerdict.Unsat)]
    [InlineData("unknown\n", SmtLibVerdict.Unknown)]
    [InlineData("(error \"line 3 column 1: unknown constant x\")\nsat\n", SmtLibVerdict.Error)]
    [InlineData("unsupported\nunsat\n", SmtLibVerdict.Error)]
    [InlineData("", SmtLibVerdict.Error)]
    public void Parse_ReadsTheVerdict_AndTreatsRejectionAsError(string stdout, SmtLibVerdict expected) =>
        Assert.Equal(expected, SmtLibRunner.Parse(stdout));

    [Theory]
    [InlineData("unsat\n(|rule 1| b)\n", "rule 1,b")]
    [InlineData("unsat\n(\nb\n|a 4|\n)\n", "b,a 4")]
    [InlineData("unsat\n()\n", "")]
    [InlineData("sat\n", "")]
    public void ParseCore_ReadsZ3AndCvc5CoreLayouts(string stdout, string expected) =>
        Assert.Equal(expected, string.Join(",", SmtLibRunner.ParseCore(stdout)));

    [Fact]
    public void RunFile_OnAMissingFile_NamesTheFile()
    {
        var error = Assert.Throws<SmtInputException>(() => SmtLibRunner.RunFile(SmtLibTool.Z3, "/nonexistent/query.smt2", TimeLimit));
        Assert.Contains("/nonexistent/query.smt2", error.Message, StringComparison.Ordinal);
    }

    private static (string Name, string Line, string? Failure) RoundTrip(SmtLibRoundTripCases.Case c)
    {
        using var ctx = new SmtContext();
        using var solver = ctx.Solver();
        c.Build(ctx, solver);
        var inProcess = solver.Check().Outcome;
        var script = solver.ToSmtLib2();
        // Asking for the core after an unsat answer shows that the :named names reached both tools intact.
        var runScript = inProcess == SmtOutcome.Unsat ? script + "(get-unsat-core)\n" : script;
        var z3 = SmtLibRunner.RunText(SmtLibTool.Z3, runScript, TimeLimit);
        var cvc5 = SmtLibRunner.RunText(SmtLibTool.Cvc5, runScript, TimeLimit);
        var names = solver.AssertionNames.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var z3Core = SmtLibRunner.ParseCore(z3.Output);
        var cvc5Core = SmtLibRunner.ParseCore(cvc5.Output);
        var line = $"{c.Name}: expected {c.Expected}, in-process {inProcess}, z3 {z3.Verdict} [{string.Join(", ", z3Core)}], cvc5 {cvc5.Verdict} [{string.Join(", ", cvc5Core)}]";
        string? failure = null;
        if (inProcess != c.Expected)
            failure = $"in-process answer {inProcess}, expected {c.Expected}";
        else if (z3.Outcome != inProcess)
            failure = $"z3 CLI said {z3.Verdict}: {z3.Output}\n{script}";
        else if (cvc5.Outcome != inProcess)
            failure = $"cvc5 said {cvc5.Verdict}: {cvc5.Output}\n{script}";
        else if (inProcess == SmtOutcome.Unsat && (z3Core.Count == 0 || cvc5Core.Count == 0 || !z3Core.Concat(cvc5Core).All(names.Contains)))
            failure = $"unsat cores do not name the query's assertions: z3 [{string.Join(", ", z3Core)}], cvc5 [{string.Join(", ", cvc5Core)}], names [{string.Join(", ", names)}]";
        return (c.Name, line, failure);
    }
}
