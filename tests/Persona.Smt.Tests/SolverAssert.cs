using Persona.Smt;

namespace Persona.Smt.Tests;

/// <summary>Checks formulas with a fresh solver: validity is the unsatisfiability of the negation.</summary>
internal static class SolverAssert
{
    public static SmtResult Check(SmtContext ctx, params BoolTerm[] formulas)
    {
        using var solver = ctx.Solver();
        foreach (var formula in formulas)
            solver.Assert(formula);
        return solver.Check();
    }

    public static void Valid(SmtContext ctx, BoolTerm formula)
    {
        var result = Check(ctx, !formula);
        Assert.True(result is SmtResult.Unsat, $"expected {formula} to be valid, but its negation is {result}");
    }

    public static void NotValid(SmtContext ctx, BoolTerm formula)
    {
        var result = Check(ctx, !formula);
        Assert.True(result is SmtResult.Sat, $"expected {formula} to have a counterexample, but its negation is {result}");
    }

    public static void Satisfiable(SmtContext ctx, BoolTerm formula) =>
        Assert.Equal(SmtOutcome.Sat, Check(ctx, formula).Outcome);

    public static void Unsatisfiable(SmtContext ctx, BoolTerm formula) =>
        Assert.Equal(SmtOutcome.Unsat, Check(ctx, formula).Outcome);
}
