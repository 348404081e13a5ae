using Persona.Smt;

namespace Persona.Smt.Tests;

public sealed class BoolTermTests : IDisposable
{
    private readonly SmtContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void Operators_FollowTheirTruthTables()
    {
        var p = _ctx.Bool("p");
        var q = _ctx.Bool("q");
        SolverAssert.Valid(_ctx, (p & q).Iff(_ctx.And(p, q)));
        SolverAssert.Valid(_ctx, (p | q).Iff(!(!p & !q)));
        SolverAssert.Valid(_ctx, (p ^ q).Iff((p | q) & !(p & q)));
        SolverAssert.Valid(_ctx, p.Implies(q).Iff(!p | q));
        SolverAssert.Valid(_ctx, p.Iff(q).Iff(p.Eq(q)));
        SolverAssert.Valid(_ctx, p.Ite(q, !q).Iff(p.Iff(q)));
        SolverAssert.Valid(_ctx, _ctx.Or(p, !p));
        SolverAssert.Valid(_ctx, _ctx.And());
        SolverAssert.Unsatisfiable(_ctx, _ctx.Or());
    }

    [Fact]
    public void WrongIdentities_HaveCounterexamples()
    {
        var p = _ctx.Bool("p");
        var q = _ctx.Bool("q");
        SolverAssert.NotValid(_ctx, (p | q).Iff(p & q));
        SolverAssert.NotValid(_ctx, (p ^ q).Iff(p | q));
        SolverAssert.NotValid(_ctx, p.Implies(q).Iff(q.Implies(p)));
        SolverAssert.NotValid(_ctx, p.Iff(!p) | p);
    }

    [Fact]
    public void TruthTable_MatchesCSharpOperators_ForAllAssignments()
    {
        var p = _ctx.Bool("p");
        var q = _ctx.Bool("q");
        foreach (var (a, b) in new[] { (false, false), (false, true), (true, false), (true, true) })
        {
            using var solver = _ctx.Solver();
            solver.Assert(p.Eq(_ctx.Bool(a)) & q.Eq(_ctx.Bool(b)));
            var model = Assert.IsType<SmtResult.Sat>(solver.Check()).Model;
            Assert.Equal(a & b, model.Evaluate(p & q));
            Assert.Equal(a | b, model.Evaluate(p | q));
            Assert.Equal(a ^ b, model.Evaluate(p ^ q));
            Assert.Equal(!a, model.Evaluate(!p));
            Assert.Equal(!a | b, model.Evaluate(p.Implies(q)));
            Assert.Equal(a == b, model.Evaluate(p.Iff(q)));
            Assert.Equal(a ? b : !b, model.Evaluate(p.Ite(q, !q)));
        }
    }
}
