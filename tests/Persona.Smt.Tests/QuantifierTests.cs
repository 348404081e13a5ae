using Persona.Smt;

namespace Persona.Smt.Tests;

public sealed class QuantifierTests : IDisposable
{
    private readonly SmtContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void ForAll_OverPages_ConstrainsEveryPage()
    {
        var page = _ctx.DeclareSort("Page");
        var owner = _ctx.EnumSort("Owner", "Personal", "Work", "Hyp");
        var ownerOf = _ctx.Function("ownerOf", [page], owner);
        var x = page.Constant("x");
        var noHypPages = _ctx.ForAll([x], !ownerOf.Apply<EnumTerm>(x).Eq(owner["Hyp"]), _ctx.Pattern(ownerOf.Apply(x)));
        var p = page.Constant("p");
        SolverAssert.Unsatisfiable(_ctx, noHypPages & ownerOf.Apply<EnumTerm>(p).Eq(owner["Hyp"]));
        SolverAssert.Satisfiable(_ctx, noHypPages & ownerOf.Apply<EnumTerm>(p).Eq(owner["Work"]));
    }

    [Fact]
    public void Exists_OverBitVectors_FindsAWitness()
    {
        var x = _ctx.BitVec("x", 8);
        var y = _ctx.BitVec("y", 8);
        SolverAssert.Valid(_ctx, _ctx.ForAll([x], _ctx.Exists([y], (x + y).Eq(0UL))));
        SolverAssert.NotValid(_ctx, _ctx.ForAll([x], _ctx.Exists([y], (x * y).Eq(1UL))));
    }

    [Fact]
    public void BindingANonConstant_IsAnError()
    {
        var x = _ctx.BitVec("x", 8);
        Assert.Throws<SmtException>(() => _ctx.ForAll([x + 1], x.Eq(x)));
        Assert.Throws<SmtException>(() => _ctx.ForAll([], x.Eq(x)));
    }
}
