using Persona.Smt;

namespace Persona.Smt.Tests;

public sealed class ArrayTermTests : IDisposable
{
    private readonly SmtContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void SelectAfterStore_ReadsTheStoredValue_AndLeavesOtherIndices()
    {
        var bv = _ctx.BitVecSort(16);
        var a = _ctx.Array<BitVecTerm, BitVecTerm>("a", bv, bv);
        var i = _ctx.BitVec("i", 16);
        var j = _ctx.BitVec("j", 16);
        var v = _ctx.BitVec("v", 16);
        SolverAssert.Valid(_ctx, a.Store(i, v)[i].Eq(v));
        SolverAssert.Valid(_ctx, (!i.Eq(j)).Implies(a.Store(i, v)[j].Eq(a[j])));
        SolverAssert.NotValid(_ctx, a.Store(i, v)[j].Eq(a[j]));
    }

    [Fact]
    public void ConstArray_HoldsItsValueEverywhere()
    {
        var owner = _ctx.EnumSort("Owner", "Personal", "Work", "Hyp");
        var pages = _ctx.ConstArray<BitVecTerm, EnumTerm>(_ctx.BitVecSort(32), owner["Hyp"]);
        var p = _ctx.BitVec("p", 32);
        SolverAssert.Valid(_ctx, pages[p].Eq(owner["Hyp"]));
        SolverAssert.NotValid(_ctx, pages.Store(p, owner["Work"])[_ctx.BitVec("q", 32)].Eq(owner["Hyp"]));
    }

    [Fact]
    public void ArraysOfArrays_AndUninterpretedDomains_AreTyped()
    {
        var page = _ctx.DeclareSort("Page");
        var inner = _ctx.ArraySort(page, _ctx.BoolSort);
        var outer = _ctx.Array<BitVecTerm, ArrayTerm<UninterpretedTerm, BoolTerm>>("m", _ctx.BitVecSort(4), inner);
        var k = _ctx.BitVec("k", 4);
        var pg = page.Constant("pg");
        BoolTerm mapped = outer[k][pg];
        SolverAssert.Valid(_ctx, outer.Store(k, outer[k].Store(pg, _ctx.True))[k][pg]);
        SolverAssert.NotValid(_ctx, mapped);
    }

    [Fact]
    public void Extensionality_EqualArraysAgreeEverywhere()
    {
        var bv = _ctx.BitVecSort(8);
        var a = _ctx.Array<BitVecTerm, BoolTerm>("a", bv, _ctx.BoolSort);
        var b = _ctx.Array<BitVecTerm, BoolTerm>("b", bv, _ctx.BoolSort);
        var i = _ctx.BitVec("i", 8);
        SolverAssert.Valid(_ctx, a.Eq(b).Implies(a[i].Iff(b[i])));
        SolverAssert.NotValid(_ctx, a[i].Iff(b[i]).Implies(a.Eq(b)));
    }

    [Fact]
    public void ViewingAnArrayAsTheWrongElementType_Throws()
    {
        var untyped = _ctx.Constant("a", _ctx.ArraySort(_ctx.BitVecSort(8), _ctx.BoolSort));
        Assert.True(untyped.Is<ArrayTerm<BitVecTerm, BoolTerm>>());
        Assert.False(untyped.Is<ArrayTerm<BitVecTerm, BitVecTerm>>());
        var typed = untyped.As<ArrayTerm<BitVecTerm, BoolTerm>>();
        Assert.IsType<BoolTerm>(typed[_ctx.BitVecValue(3, 8)]);
        var error = Assert.Throws<SmtException>(() => untyped.As<ArrayTerm<BitVecTerm, BitVecTerm>>());
        Assert.Contains("(Array (_ BitVec 8) Bool)", error.Message, StringComparison.Ordinal);
    }
}
