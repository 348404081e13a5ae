using Persona.Smt;

namespace Persona.Smt.Tests;

public sealed class SolverSessionTests : IDisposable
{
    private readonly SmtContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void Pop_RestoresTheAssertionsBeforePush()
    {
        var x = _ctx.BitVec("x", 8);
        using var solver = _ctx.Solver();
        solver.Assert("low", x.Ult(10UL));
        solver.Push();
        solver.Assert("high", x.Ugt(20UL));
        Assert.Equal(1, solver.Depth);
        Assert.IsType<SmtResult.Unsat>(solver.Check());
        solver.Pop();
        Assert.Equal(0, solver.Depth);
        Assert.Equal(["low"], solver.AssertionNames);
        var model = Assert.IsType<SmtResult.Sat>(solver.Check()).Model;
        Assert.True(model.Evaluate(x) < 10);
        // The popped name is free again.
        solver.Assert("high", x.Ugt(5UL));
        Assert.IsType<SmtResult.Sat>(solver.Check());
    }

    [Fact]
    public void PopSeveralLevels_DropsThemAll_AndPoppingTooFarThrows()
    {
        var p = _ctx.Bool("p");
        using var solver = _ctx.Solver();
        solver.Push();
        solver.Assert(p);
        solver.Push();
        solver.Assert(!p);
        solver.Pop(2);
        Assert.Empty(solver.AssertionNames);
        Assert.IsType<SmtResult.Sat>(solver.Check());
        Assert.Throws<SmtException>(() => solver.Pop());
    }

    [Fact]
    public void UnsatCore_NamesExactlyTheConflictingAssertions()
    {
        var x = _ctx.BitVec("x", 16);
        var y = _ctx.BitVec("y", 16);
        using var solver = _ctx.Solver();
        solver.Assert("x-small", x.Ult(5UL));
        solver.Assert("y-free", y.Ugt(100UL));
        solver.Assert("x-big", x.Ugt(50UL));
        solver.Assert(y.Ult(1000UL));
        var unsat = Assert.IsType<SmtResult.Unsat>(solver.Check());
        Assert.Equal(["x-small", "x-big"], unsat.Core);
        Assert.Equal("unsat [x-small, x-big]", unsat.ToString());
    }

    [Fact]
    public void UnsatCore_OnlyNamesNamedAssertions()
    {
        var p = _ctx.Bool("p");
        using var solver = _ctx.Solver();
        solver.Assert(p);
        solver.Assert("not p", !p);
        Assert.Equal(["not p"], Assert.IsType<SmtResult.Unsat>(solver.Check()).Core);
    }

    [Fact]
    public void DuplicateOrUnprintableNames_AreRejected()
    {
        var p = _ctx.Bool("p");
        using var solver = _ctx.Solver();
        solver.Assert("rule", p);
        Assert.Throws<SmtException>(() => solver.Assert("rule", p));
        Assert.Throws<SmtException>(() => solver.Assert("a|b", p));
        Assert.Throws<SmtException>(() => solver.Assert("", p));
        var theorySymbol = Assert.Throws<SmtException>(() => solver.Assert("xor", p));
        Assert.Contains("'xor'", theorySymbol.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertionNamedLikeADeclaredSymbol_CannotBeWrittenAsSmtLib()
    {
        var owner = _ctx.EnumSort("Owner", "Personal", "Work");
        var p = _ctx.Bool("p");
        using var solver = _ctx.Solver();
        solver.Push();
        solver.Assert("p", p);
        var clash = Assert.Throws<SmtException>(solver.ToSmtLib2);
        Assert.Contains("'p'", clash.Message, StringComparison.Ordinal);
        solver.Pop();
        solver.Assert("Work", owner.Constant("o").Eq(owner["Work"]));
        Assert.Throws<SmtException>(solver.ToSmtLib2);
    }

    [Theory]
    [InlineData(SmtSolverKind.General)]
    [InlineData(SmtSolverKind.SmtCore)]
    public void HardFactoring_WithOneMillisecondTimeout_IsUnknownWithReason(SmtSolverKind kind)
    {
        var a = _ctx.BitVec("a", 64);
        var b = _ctx.BitVec("b", 64);
        using var solver = _ctx.Solver(kind, timeoutMilliseconds: 1);
        // A 64-bit semiprime split into two 32-bit factors: far beyond 1 ms of bit-blasting.
        solver.Assert((a * b).Eq(0xF0F0F0F0F0F0F0F1UL) & a.Ugt(1UL) & b.Ugt(1UL) & a.Ult(0xFFFFFFFFUL) & b.Ult(0xFFFFFFFFUL));
        var unknown = Assert.IsType<SmtResult.Unknown>(solver.Check());
        Assert.Equal(SmtOutcome.Unknown, unknown.Outcome);
        Assert.True(unknown.Reason is "timeout" or "canceled", $"reason was '{unknown.Reason}'");
    }

    [Fact]
    public void Version_IsThePinnedDebianZ3()
    {
        Assert.Equal(4, SmtContext.Version.Major);
        Assert.Equal(8, SmtContext.Version.Minor);
        Assert.Equal("4.8.12.0", SmtContext.Version.ToString());
    }

    [Fact]
    public void SameSeed_GivesTheSameModel()
    {
        static string ModelOf(uint seed)
        {
            using var ctx = new SmtContext(new SmtOptions(RandomSeed: seed));
            var x = ctx.BitVec("x", 32);
            var y = ctx.BitVec("y", 32);
            var result = SolverAssert.Check(ctx, (x * y).Eq(0x1234UL) & x.Ugt(1UL) & y.Ugt(1UL));
            var model = Assert.IsType<SmtResult.Sat>(result).Model;
            return $"{model.Evaluate(x)} {model.Evaluate(y)}";
        }

        Assert.Equal(ModelOf(7), ModelOf(7));
    }

    [Fact]
    public void SmtCoreSolver_AnswersEveryRoundTripCaseAsExpected()
    {
        foreach (var c in SmtLibRoundTripCases.All)
        {
            using var scope = _ctx.Scope();
            using var solver = _ctx.Solver(SmtSolverKind.SmtCore);
            Assert.Equal(SmtSolverKind.SmtCore, solver.Kind);
            c.Build(_ctx, solver);
            Assert.True(c.Expected == solver.Check().Outcome, $"{c.Name} with the SMT core solver");
        }
    }
}
