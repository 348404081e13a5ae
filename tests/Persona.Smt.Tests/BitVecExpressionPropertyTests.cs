using Persona.Smt;
using Xunit.Abstractions;

namespace Persona.Smt.Tests;

/// <summary>Random bit-vector expression trees: Z3's value for the tree must equal C#'s, and the tree must equal its own
/// value only (a wrong value has a counterexample).</summary>
public sealed class BitVecExpressionPropertyTests(ITestOutputHelper output)
{
    private const int Width = 16;
    private const ulong Mask = 0xFFFF;
    private const int Trees = 60;

    [Fact]
    public void RandomExpressionTrees_EvaluateInZ3AsInCSharp()
    {
        var random = TestSeed.Random(output);
        using var ctx = new SmtContext();
        // A timeout turns a pathological tree into a failure naming the seed instead of a hung test host.
        using var solver = ctx.Solver(SmtSolverKind.SmtCore, timeoutMilliseconds: 20_000);
        var x = ctx.BitVec("x", Width);
        var y = ctx.BitVec("y", Width);
        for (var tree = 0; tree < Trees; tree++)
        {
            using var scope = ctx.Scope();
            var xValue = (ulong)random.Next(0x10000);
            var yValue = (ulong)random.Next(0x10000);
            var (term, value, text) = Grow(ctx, random, depth: 4, x, y, xValue, yValue);
            solver.Push();
            solver.Assert(x.Eq(xValue) & y.Eq(yValue));
            var model = Assert.IsType<SmtResult.Sat>(solver.Check()).Model;
            Assert.True(value == model.Evaluate(term), $"tree {tree}: {text} with x={xValue:x}, y={yValue:x}: C# {value:x}, Z3 {model.Evaluate(term):x}");
            // The bindings force the value: claiming any other value must be unsatisfiable.
            solver.Assert(!term.Eq(value));
            Assert.IsType<SmtResult.Unsat>(solver.Check());
            solver.Pop();
        }
    }

    private static (BitVecTerm Term, ulong Value, string Text) Grow(
        SmtContext ctx, Random random, int depth, BitVecTerm x, BitVecTerm y, ulong xValue, ulong yValue)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return random.Next(3) switch
            {
                0 => (x, xValue, "x"),
                1 => (y, yValue, "y"),
                _ => Literal(ctx, (ulong)random.Next(0x10000)),
            };
        }
        var (a, av, at) = Grow(ctx, random, depth - 1, x, y, xValue, yValue);
        var (b, bv, bt) = Grow(ctx, random, depth - 1, x, y, xValue, yValue);
        var shift = (int)(bv & 0x1F);
        return random.Next(10) switch
        {
            0 => (a + b, (av + bv) & Mask, $"({at} + {bt})"),
            1 => (a - b, (av - bv) & Mask, $"({at} - {bt})"),
            2 => (a * b, (av * bv) & Mask, $"({at} * {bt})"),
            3 => (a & b, av & bv, $"({at} & {bt})"),
            4 => (a | b, av | bv, $"({at} | {bt})"),
            5 => (a ^ b, av ^ bv, $"({at} ^ {bt})"),
            6 => (~a, ~av & Mask, $"~{at}"),
            7 => (a << shift, shift >= Width ? 0 : (av << shift) & Mask, $"({at} << {shift})"),
            8 => (a >>> shift, shift >= Width ? 0 : av >> shift, $"({at} >>> {shift})"),
            _ => (b.Ult(a).Ite(a, b), bv < av ? av : bv, $"max({at}, {bt})"),
        };
    }

    private static (BitVecTerm, ulong, string) Literal(SmtContext ctx, ulong value) => (ctx.BitVecValue(value, Width), value, $"0x{value:x}");
}
