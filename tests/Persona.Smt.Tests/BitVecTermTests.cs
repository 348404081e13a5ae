using System.Numerics;
using Persona.Smt;
using Xunit.Abstractions;

namespace Persona.Smt.Tests;

public sealed class BitVecTermTests(ITestOutputHelper output) : IDisposable
{
    private readonly SmtContext _ctx = new();

    public void Dispose() => _ctx.Dispose();

    /// <summary>Every binary bit-vector operator with its meaning on unsigned C# integers (reduced to the width by the caller).</summary>
    private static readonly (string Name, Func<BitVecTerm, BitVecTerm, BitVecTerm> Symbolic, Func<ulong, ulong, int, ulong> Concrete)[] Arithmetic =
    [
        ("+", (a, b) => a + b, (a, b, _) => a + b),
        ("-", (a, b) => a - b, (a, b, _) => a - b),
        ("*", (a, b) => a * b, (a, b, _) => a * b),
        ("&", (a, b) => a & b, (a, b, _) => a & b),
        ("|", (a, b) => a | b, (a, b, _) => a | b),
        ("^", (a, b) => a ^ b, (a, b, _) => a ^ b),
        ("<<", (a, b) => a << b, (a, b, w) => b >= (ulong)w ? 0 : a << (int)b),
        (">>>", (a, b) => a >>> b, (a, b, w) => b >= (ulong)w ? 0 : a >> (int)b),
        ("ashr", (a, b) => a.AShr(b), (a, b, w) => (ulong)(SignedOf(a, w) >> (int)Math.Min(b, 63UL))),
        ("udiv", (a, b) => a.UDiv(b), (a, b, w) => b == 0 ? Mask(w) : a / b),
        ("urem", (a, b) => a.URem(b), (a, b, _) => b == 0 ? a : a % b),
    ];

    private static readonly (string Name, Func<BitVecTerm, BitVecTerm, BoolTerm> Symbolic, Func<ulong, ulong, int, bool> Concrete)[] Comparisons =
    [
        ("ult", (a, b) => a.Ult(b), (a, b, _) => a < b),
        ("ule", (a, b) => a.Ule(b), (a, b, _) => a <= b),
        ("ugt", (a, b) => a.Ugt(b), (a, b, _) => a > b),
        ("uge", (a, b) => a.Uge(b), (a, b, _) => a >= b),
        ("slt", (a, b) => a.Slt(b), (a, b, w) => SignedOf(a, w) < SignedOf(b, w)),
        ("sle", (a, b) => a.Sle(b), (a, b, w) => SignedOf(a, w) <= SignedOf(b, w)),
        ("sgt", (a, b) => a.Sgt(b), (a, b, w) => SignedOf(a, w) > SignedOf(b, w)),
        ("sge", (a, b) => a.Sge(b), (a, b, w) => SignedOf(a, w) >= SignedOf(b, w)),
        ("=", (a, b) => a.Eq(b), (a, b, _) => a == b),
    ];

    [Theory]
    [InlineData(8)]
    [InlineData(32)]
    [InlineData(64)]
    public void EveryOperator_OnEdgeAndRandomValues_MatchesCSharp(int width)
    {
        var random = TestSeed.Random(output);
        var mask = Mask(width);
        var edges = new[] { 0UL, 1UL, mask >> 1, (mask >> 1) + 1, mask, 3UL };
        var pairs = edges.SelectMany(a => edges.Select(b => (a, b)))
            .Concat(Enumerable.Range(0, 12).Select(_ => ((ulong)random.NextInt64() & mask, (ulong)random.NextInt64() & mask)))
            .Concat(Enumerable.Range(0, 4).Select(_ => ((ulong)random.NextInt64() & mask, (ulong)random.Next(width + 2))))
            .ToArray();

        // All pairs go into one solver (one variable pair per value pair), so Z3 computes every operator on every pair.
        using var scope = _ctx.Scope();
        using var solver = _ctx.Solver();
        var variables = new List<(BitVecTerm X, BitVecTerm Y, ulong A, ulong B)>();
        foreach (var (a, b) in pairs)
        {
            var x = _ctx.BitVec($"x{variables.Count}", width);
            var y = _ctx.BitVec($"y{variables.Count}", width);
            solver.Assert(x.Eq(a) & y.Eq(b));
            variables.Add((x, y, a, b));
        }
        var model = Assert.IsType<SmtResult.Sat>(solver.Check()).Model;
        foreach (var (x, y, a, b) in variables)
        {
            foreach (var (name, symbolic, concrete) in Arithmetic)
            {
                var expected = concrete(a, b, width) & mask;
                var actual = model.Evaluate(symbolic(x, y));
                Assert.True(expected == actual, $"{a:x} {name} {b:x} at width {width}: Z3 says {actual:x}, C# says {expected:x}");
            }
            foreach (var (name, symbolic, concrete) in Comparisons)
                Assert.True(concrete(a, b, width) == model.Evaluate(symbolic(x, y)), $"{a:x} {name} {b:x} at width {width}");
            Assert.Equal(~a & mask, model.Evaluate(~x));
            Assert.Equal((0 - a) & mask, model.Evaluate(-x));
        }
    }

    [Fact]
    public void ExtractExtendConcat_ReshapeBits()
    {
        var x = _ctx.BitVec("x", 32);
        var hi = _ctx.BitVec("hi", 16);
        var lo = _ctx.BitVec("lo", 16);
        SolverAssert.Valid(_ctx, x.Extract(31, 16).Concat(x.Extract(15, 0)).Eq(x));
        SolverAssert.Valid(_ctx, hi.Concat(lo).Extract(15, 0).Eq(lo));
        SolverAssert.Valid(_ctx, lo.ZeroExtend(16).Extract(31, 16).Eq(0UL));
        SolverAssert.Valid(_ctx, lo.SignExtend(16).Slt(_ctx.BitVecValue(0, 32)).Iff(lo.Slt(_ctx.BitVecValue(0, 16))));
        SolverAssert.NotValid(_ctx, lo.SignExtend(16).Eq(lo.ZeroExtend(16)));
        Assert.Equal(48, x.Concat(lo).Width);
        Assert.Equal(8, x.Extract(7, 0).Width);
    }

    [Fact]
    public void Values_WiderThan64Bits_RoundTripAsBigIntegers()
    {
        var big = (BigInteger.One << 100) + 12345;
        var x = _ctx.BitVec("x", 128);
        var model = Assert.IsType<SmtResult.Sat>(SolverAssert.Check(_ctx, x.Eq(big))).Model;
        Assert.Equal(big, model.EvaluateBig(x));
        Assert.Equal((BigInteger.One << 128) - 1, model.EvaluateBig(_ctx.BitVecValue(-1, 128)));
        Assert.Throws<SmtException>(() => model.Evaluate(x));
    }

    [Fact]
    public void ConstantOperands_TakeTheWidthOfTheTerm()
    {
        var x = _ctx.BitVec("x", 8);
        SolverAssert.Valid(_ctx, (x + 1).Eq(x - 255UL));
        SolverAssert.Valid(_ctx, (x << 8).Eq(0UL));
        SolverAssert.Valid(_ctx, (x * 2).Eq(x << 1));
        SolverAssert.NotValid(_ctx, (x + 1).Ugt(x));
    }

    private static ulong Mask(int width) => width == 64 ? ulong.MaxValue : (1UL << width) - 1;

    private static long SignedOf(ulong value, int width) => width == 64 ? (long)value : (long)(value << (64 - width)) >> (64 - width);
}
