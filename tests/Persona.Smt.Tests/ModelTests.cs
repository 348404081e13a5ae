using Persona.Smt;

namespace Persona.Smt.Tests;

public sealed class ModelTests : IDisposable
{
    private readonly SmtContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void Model_ReadsBackEverySortAsTypedValues()
    {
        var owner = _ctx.EnumSort("Owner", "Personal", "Work", "Hyp");
        var page = _ctx.DeclareSort("Page");
        var bv = _ctx.BitVecSort(32);
        var flag = _ctx.Bool("flag");
        var addr = _ctx.BitVec("addr", 32);
        var o = owner.Constant("o");
        var p = page.Constant("p");
        var q = page.Constant("q");
        var owners = _ctx.Array<BitVecTerm, EnumTerm>("owners", bv, owner);
        var ownerOf = _ctx.Function("ownerOf", [page], owner);

        var result = SolverAssert.Check(_ctx,
            !flag,
            addr.Eq(0x8000_1000UL),
            o.Eq(owner["Work"]),
            _ctx.Distinct(p, q),
            owners[addr].Eq(owner["Hyp"]),
            ownerOf.Apply<EnumTerm>(q).Eq(owner["Personal"]));

        var model = Assert.IsType<SmtResult.Sat>(result).Model;
        Assert.False(model.Evaluate(flag));
        Assert.Equal(0x8000_1000UL, model.Evaluate(addr));
        Assert.Equal("Work", model.Evaluate(o));
        Assert.NotEqual(model.Evaluate(p), model.Evaluate(q));
        Assert.StartsWith("Page!val!", model.Evaluate(p), StringComparison.Ordinal);
        Assert.Equal("Hyp", model.Evaluate(owners[addr]));
        Assert.Equal("Hyp", model.Show(owners[addr]));
        Assert.Equal("Personal", model.Show(ownerOf, q));
        Assert.Equal("0x80001000", model.Show(addr));
        Assert.Equal("false", model.Show(flag));
        var universe = model.Universe(page);
        Assert.Contains(model.Evaluate(p), universe);
        Assert.Contains(model.Evaluate(q), universe);
    }

    [Fact]
    public void ModelCompletion_GivesUnconstrainedTermsAValue()
    {
        var x = _ctx.BitVec("x", 8);
        var unrelated = _ctx.BitVec("unrelated", 8);
        var model = Assert.IsType<SmtResult.Sat>(SolverAssert.Check(_ctx, x.Eq(3UL))).Model;
        Assert.Equal(3UL, model.Evaluate(x));
        Assert.Equal(model.Evaluate(unrelated) + 1 & 0xFF, model.Evaluate(unrelated + 1));
        Assert.Equal("#x04", model.EvaluateTerm(x + 1).ToString());
    }

    [Fact]
    public void Model_FromAClosedScope_CannotBeRead()
    {
        SmtModel model;
        BitVecTerm x;
        using (_ctx.Scope())
        {
            x = _ctx.BitVec("x", 8);
            model = Assert.IsType<SmtResult.Sat>(SolverAssert.Check(_ctx, x.Eq(3UL))).Model;
            Assert.Equal(3UL, model.Evaluate(x));
        }
        Assert.Throws<ObjectDisposedException>(() => model.Evaluate(_ctx.BitVec("y", 8)));
        Assert.Throws<ObjectDisposedException>(() => x + 1);
    }
}
