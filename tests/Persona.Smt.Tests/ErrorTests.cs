using Persona.Smt;

namespace Persona.Smt.Tests;

public sealed class ErrorTests : IDisposable
{
    private readonly SmtContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void WidthMismatch_IsAnSmtExceptionWithZ3sMessage()
    {
        var wide = _ctx.BitVec("wide", 32);
        var narrow = _ctx.BitVec("narrow", 8);
        var error = Assert.Throws<SmtException>(() => wide + narrow);
        Assert.NotNull(error.SolverMessage);
        Assert.Contains("does not match declaration", error.SolverMessage, StringComparison.Ordinal);
        Assert.Contains("bvadd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SortMismatchInEquality_IsAnSmtExceptionWithZ3sMessage()
    {
        var error = Assert.Throws<SmtException>(() => _ctx.Eq<Term>(_ctx.BitVec("x", 8), _ctx.Bool("p")));
        Assert.Contains("Sorts (_ BitVec 8) and Bool are incompatible", error.SolverMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionAppliedToTheWrongSort_IsAnSmtExceptionWithZ3sMessage()
    {
        var page = _ctx.DeclareSort("Page");
        var f = _ctx.Function("f", [page], _ctx.BoolSort);
        var error = Assert.Throws<SmtException>(() => f.Apply(_ctx.BitVec("x", 8)));
        Assert.Contains("Sort mismatch at argument #1 for function", error.SolverMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterAnError_TheContextKeepsWorking()
    {
        Assert.Throws<SmtException>(() => _ctx.BitVec("a", 8) + _ctx.BitVec("b", 16));
        SolverAssert.Valid(_ctx, (_ctx.BitVec("c", 8) + 0UL).Eq(_ctx.BitVec("c", 8)));
    }

    [Fact]
    public void TermsFromAnotherContext_AreRejected()
    {
        using var other = new SmtContext();
        var error = Assert.Throws<SmtException>(() => _ctx.Bool("p") & other.Bool("q"));
        Assert.Contains("another SMT context", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadWidthsAndRanges_AreRejectedBeforeReachingZ3()
    {
        Assert.Throws<SmtException>(() => _ctx.BitVecSort(0));
        Assert.Throws<SmtException>(() => _ctx.BitVec("x", 8).Extract(8, 0));
        Assert.Throws<SmtException>(() => _ctx.BitVec("x", 8).ZeroExtend(-1));
    }

    [Fact]
    public void ScopesClosedOutOfOrder_Throw()
    {
        var outer = _ctx.Scope();
        using var inner = _ctx.Scope();
        Assert.Throws<InvalidOperationException>(outer.Dispose);
    }
}
