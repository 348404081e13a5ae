using Persona.Smt;

namespace Persona.Smt.Tests;

public sealed class DeclaredSortTests : IDisposable
{
    private readonly SmtContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void EnumMembers_ArePairwiseDistinct_AndExhaustive()
    {
        var owner = _ctx.EnumSort("Owner", "Personal", "Work", "Hyp");
        var o = owner.Constant("o");
        SolverAssert.Valid(_ctx, _ctx.Distinct(owner["Personal"], owner["Work"], owner["Hyp"]));
        SolverAssert.Valid(_ctx, o.Eq(owner["Personal"]) | o.Eq(owner["Work"]) | o.Eq(owner["Hyp"]));
        SolverAssert.NotValid(_ctx, o.Eq(owner["Personal"]) | o.Eq(owner["Work"]));
        Assert.Equal(["Personal", "Work", "Hyp"], owner.MemberNames);
    }

    [Fact]
    public void EnumSort_RedeclaredWithOtherMembers_Throws_AndSameMembersReturnsIt()
    {
        var owner = _ctx.EnumSort("Owner", "Personal", "Work");
        Assert.Same(owner, _ctx.EnumSort("Owner", "Personal", "Work"));
        Assert.Throws<SmtException>(() => _ctx.EnumSort("Owner", "Personal", "Work", "Hyp"));
        var missing = Assert.Throws<SmtException>(() => owner["Guest"]);
        Assert.Contains("Guest", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UninterpretedSort_HasDistinctElements_OnlyWhenAsserted()
    {
        var page = _ctx.DeclareSort("Page");
        Assert.Same(page, _ctx.DeclareSort("Page"));
        var p = page.Constant("p");
        var q = page.Constant("q");
        SolverAssert.NotValid(_ctx, p.Eq(q));
        SolverAssert.NotValid(_ctx, !p.Eq(q));
        SolverAssert.Valid(_ctx, _ctx.Distinct(p, q).Iff(!p.Eq(q)));
    }

    [Fact]
    public void UninterpretedFunction_IsCongruent_AndOtherwiseFree()
    {
        var page = _ctx.DeclareSort("Page");
        var owner = _ctx.EnumSort("Owner", "Personal", "Work", "Hyp");
        var ownerOf = _ctx.Function("ownerOf", [page], owner);
        var p = page.Constant("p");
        var q = page.Constant("q");
        SolverAssert.Valid(_ctx, p.Eq(q).Implies(ownerOf.Apply<EnumTerm>(p).Eq(ownerOf.Apply<EnumTerm>(q))));
        SolverAssert.NotValid(_ctx, ownerOf.Apply<EnumTerm>(p).Eq(ownerOf.Apply<EnumTerm>(q)));
        var wrongArity = Assert.Throws<SmtException>(() => ownerOf.Apply(p, q));
        Assert.Contains("ownerOf", wrongArity.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ite_WorksForEverySort()
    {
        var c = _ctx.Bool("c");
        var page = _ctx.DeclareSort("Page");
        var owner = _ctx.EnumSort("Owner", "Personal", "Work");
        var bv = _ctx.BitVecSort(8);
        var a = _ctx.Array<BitVecTerm, BoolTerm>("a", bv, _ctx.BoolSort);
        var b = _ctx.Array<BitVecTerm, BoolTerm>("b", bv, _ctx.BoolSort);
        SolverAssert.Valid(_ctx, c.Implies(c.Ite(owner["Work"], owner["Personal"]).Eq(owner["Work"])));
        SolverAssert.Valid(_ctx, (!c).Implies(c.Ite(page.Constant("p"), page.Constant("q")).Eq(page.Constant("q"))));
        SolverAssert.Valid(_ctx, c.Implies(_ctx.Ite(c, a, b).Eq(a)));
        SolverAssert.Valid(_ctx, (!c).Implies(c.Ite(_ctx.BitVecValue(1, 8), _ctx.BitVecValue(2, 8)).Eq(2UL)));
        SolverAssert.NotValid(_ctx, c.Ite(owner["Work"], owner["Personal"]).Eq(owner["Work"]));
    }
}
