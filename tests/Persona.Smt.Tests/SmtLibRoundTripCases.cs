using Persona.Smt;

namespace Persona.Smt.Tests;

/// <summary>Queries covering every sort, operator family and quantifiers, each with the answer it must get everywhere.</summary>
internal static class SmtLibRoundTripCases
{
    public sealed record Case(string Name, SmtOutcome Expected, Action<SmtContext, SmtSolver> Build);

    public static readonly Case[] All =
    [
        new("bool-sat", SmtOutcome.Sat, (ctx, s) =>
        {
            var p = ctx.Bool("p");
            var q = ctx.Bool("q");
            s.Assert("exclusive", p ^ q);
            s.Assert("implies", p.Implies(q));
        }),
        new("bool-unsat-with-quoted-names", SmtOutcome.Unsat, (ctx, s) =>
        {
            var p = ctx.Bool("p");
            s.Assert("rule 1: p holds", p);
            s.Assert("rule-2", p.Iff(!p) | !p);
        }),
        new("bitvec-arithmetic-sat", SmtOutcome.Sat, (ctx, s) =>
        {
            var x = ctx.BitVec("x", 8);
            s.Assert("linear", (x * 3 + 1).Eq(10UL));
            s.Assert("bitwise", (x & 0xF0UL).Eq(0UL) & (x | 1UL).Eq(x) & (x ^ ~x).Eq(0xFFUL));
        }),
        new("bitvec-overflow-unsat", SmtOutcome.Unsat, (ctx, s) =>
        {
            var x = ctx.BitVec("x", 32);
            s.Assert("wraps", (x + 1).Ult(x));
            s.Assert("not-max", !x.Eq(0xFFFF_FFFFUL));
        }),
        new("bitvec-signed-unsat", SmtOutcome.Unsat, (ctx, s) =>
        {
            var x = ctx.BitVec("x", 16);
            s.Assert(x.Slt(ctx.BitVecValue(0, 16)));
            s.Assert("non-negative", x.Sge(ctx.BitVecValue(0, 16)) | x.AShr(ctx.BitVecValue(15, 16)).Eq(0UL));
        }),
        new("bitvec-reshape-sat", SmtOutcome.Sat, (ctx, s) =>
        {
            var x = ctx.BitVec("x", 32);
            var lo = ctx.BitVec("lo", 16);
            s.Assert("split", x.Extract(15, 0).Eq(lo) & x.Extract(31, 16).Eq(0xBEEFUL));
            s.Assert("extend", lo.ZeroExtend(16).Concat(lo).Extract(47, 32).Eq(0UL) & lo.SignExtend(8).Sgt(ctx.BitVecValue(0, 24)));
            s.Assert("shift", (x >>> 16).Eq(0xBEEFUL) & (lo << 4).Eq(lo * 16) & x.UDiv(ctx.BitVecValue(0x10000, 32)).Eq(0xBEEFUL) & x.URem(ctx.BitVecValue(0x10000, 32)).Eq(lo.ZeroExtend(16)));
        }),
        new("array-store-unsat", SmtOutcome.Unsat, (ctx, s) =>
        {
            var bv = ctx.BitVecSort(32);
            var a = ctx.Array<BitVecTerm, BitVecTerm>("mem", bv, ctx.BitVecSort(8));
            var i = ctx.BitVec("i", 32);
            var v = ctx.BitVec("v", 8);
            s.Assert("read-over-write", !a.Store(i, v)[i].Eq(v));
        }),
        new("const-array-and-bool-range-sat", SmtOutcome.Sat, (ctx, s) =>
        {
            var bv = ctx.BitVecSort(12);
            var mapped = ctx.ConstArray<BitVecTerm, BoolTerm>(bv, ctx.False);
            var table = ctx.Array<BitVecTerm, BoolTerm>("table", bv, ctx.BoolSort);
            var i = ctx.BitVec("i", 12);
            s.Assert("one-mapped", table.Eq(mapped.Store(i, ctx.True)));
            s.Assert("at-i", table[i] & !table[i + 1]);
        }),
        new("enum-exhaustive-unsat", SmtOutcome.Unsat, (ctx, s) =>
        {
            var owner = ctx.EnumSort("Owner", "Personal", "Work", "Hyp");
            var o = owner.Constant("o");
            s.Assert("not-personal", !o.Eq(owner["Personal"]));
            s.Assert("not-work", !o.Eq(owner["Work"]));
            s.Assert("not-hyp", !o.Eq(owner["Hyp"]));
        }),
        new("enum-array-sat", SmtOutcome.Sat, (ctx, s) =>
        {
            var owner = ctx.EnumSort("Owner", "Personal", "Work", "Hyp");
            var owners = ctx.Array<BitVecTerm, EnumTerm>("owners", ctx.BitVecSort(20), owner);
            var page = ctx.BitVec("page", 20);
            s.Assert("work-page", owners[page].Eq(owner["Work"]));
            s.Assert("next-personal", owners[page + 1].Eq(owner["Personal"]));
        }),
        new("uninterpreted-congruence-unsat", SmtOutcome.Unsat, (ctx, s) =>
        {
            var page = ctx.DeclareSort("Page");
            var owner = ctx.EnumSort("Owner", "Personal", "Work", "Hyp");
            var ownerOf = ctx.Function("ownerOf", [page], owner);
            var p = page.Constant("p");
            var q = page.Constant("q");
            s.Assert("same-page", p.Eq(q));
            s.Assert("different-owners", !ownerOf.Apply<EnumTerm>(p).Eq(ownerOf.Apply<EnumTerm>(q)));
        }),
        new("uninterpreted-distinct-sat", SmtOutcome.Sat, (ctx, s) =>
        {
            var page = ctx.DeclareSort("Page");
            var mapped = ctx.Function("mapped", [page, ctx.BitVecSort(4)], ctx.BoolSort);
            var pages = new[] { page.Constant("p0"), page.Constant("p1"), page.Constant("p2") };
            s.Assert("three-pages", ctx.Distinct(pages));
            s.Assert("mapped-p0", mapped.Apply<BoolTerm>(pages[0], ctx.BitVecValue(3, 4)) & !mapped.Apply<BoolTerm>(pages[1], ctx.BitVecValue(3, 4)));
            s.Assert("choice", pages[0].Eq(ctx.Ite(mapped.Apply<BoolTerm>(pages[2], ctx.BitVecValue(0, 4)), pages[0], pages[2])) | mapped.Apply<BoolTerm>(pages[2], ctx.BitVecValue(0, 4)));
        }),
        new("forall-pages-unsat", SmtOutcome.Unsat, (ctx, s) =>
        {
            var page = ctx.DeclareSort("Page");
            var owner = ctx.EnumSort("Owner", "Personal", "Work", "Hyp");
            var ownerOf = ctx.Function("ownerOf", [page], owner);
            var x = page.Constant("x");
            s.Assert("no-hyp-page", ctx.ForAll([x], !ownerOf.Apply<EnumTerm>(x).Eq(owner["Hyp"]), ctx.Pattern(ownerOf.Apply(x))));
            s.Assert("hyp-page", ownerOf.Apply<EnumTerm>(page.Constant("p")).Eq(owner["Hyp"]));
        }),
        new("forall-exists-bitvec-unsat", SmtOutcome.Unsat, (ctx, s) =>
        {
            var x = ctx.BitVec("x", 8);
            var y = ctx.BitVec("y", 8);
            s.Assert("no-inverse", !ctx.ForAll([x], ctx.Exists([y], (x + y).Eq(0UL))));
        }),
        new("forall-array-unsat", SmtOutcome.Unsat, (ctx, s) =>
        {
            var owner = ctx.EnumSort("Owner", "Personal", "Work", "Hyp");
            var bv = ctx.BitVecSort(16);
            var owners = ctx.Array<BitVecTerm, EnumTerm>("owners", bv, owner);
            var i = ctx.BitVec("i", 16);
            s.Assert("only-personal-or-work", ctx.ForAll([i], !owners[i].Eq(owner["Hyp"])));
            s.Assert("hyp-at-7", owners[ctx.BitVecValue(7, 16)].Eq(owner["Hyp"]));
        }),
    ];
}
