using System.Globalization;
using Persona.Smt;
using Xunit.Abstractions;

namespace Persona.Smt.Tests;

/// <summary>Runs alone: resident memory is a process-wide figure, so no other test may allocate while it is measured.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "memory measurement";
}

[Collection(MemoryMeasurementCollection.Name)]
public sealed class ScopeMemoryTests(ITestOutputHelper output)
{
    private const int Queries = 100_000;
    private const int WarmUpQueries = 20_000;
    private const long GrowthBoundKb = 20 * 1024;
    private const int ControlQueries = 10_000;
    private const long ControlMinimumGrowthKb = 40 * 1024;

    [Fact]
    public void HundredThousandScopedQueries_KeepResidentMemoryFlat()
    {
        using var ctx = new SmtContext();
        using var solver = ctx.Solver();
        for (var i = 0; i < WarmUpQueries; i++)
        {
            using (ctx.Scope())
                RunQuery(ctx, solver, i);
        }
        var afterWarmUp = ResidentKb();
        var z3AfterWarmUp = SmtContext.NativeAllocatedBytes;
        var heldAfterWarmUp = ctx.HeldReferenceCount;
        for (var i = WarmUpQueries; i < Queries; i++)
        {
            using (ctx.Scope())
                RunQuery(ctx, solver, i);
        }
        var atEnd = ResidentKb();
        var z3AtEnd = SmtContext.NativeAllocatedBytes;
        output.WriteLine($"VmRSS after {WarmUpQueries} warm-up queries: {afterWarmUp} kB; after {Queries}: {atEnd} kB; growth {atEnd - afterWarmUp} kB (bound {GrowthBoundKb} kB)");
        output.WriteLine($"Z3 allocation: {z3AfterWarmUp / 1024} kB -> {z3AtEnd / 1024} kB; held references {heldAfterWarmUp} -> {ctx.HeldReferenceCount}");
        Assert.True(atEnd - afterWarmUp < GrowthBoundKb, $"resident memory grew by {atEnd - afterWarmUp} kB over {Queries - WarmUpQueries} scoped queries");
        // Z3's own allocation count is immune to malloc reusing memory freed by earlier tests, which could hide a leak from VmRSS.
        Assert.True(z3AtEnd - z3AfterWarmUp < GrowthBoundKb * 1024, $"Z3's allocation grew by {(z3AtEnd - z3AfterWarmUp) / 1024} kB");
        Assert.Equal(heldAfterWarmUp, ctx.HeldReferenceCount);
    }

    [Fact]
    public void NegativeControl_TheSameQueriesWithoutScopes_GrowMemory()
    {
        using var ctx = new SmtContext();
        using var solver = ctx.Solver();
        for (var i = 0; i < 1_000; i++)
            RunQuery(ctx, solver, i);
        var before = ResidentKb();
        var z3Before = SmtContext.NativeAllocatedBytes;
        for (var i = 1_000; i < 1_000 + ControlQueries; i++)
            RunQuery(ctx, solver, i);
        var after = ResidentKb();
        var z3After = SmtContext.NativeAllocatedBytes;
        output.WriteLine($"VmRSS without scopes: {before} kB -> {after} kB over {ControlQueries} queries; growth {after - before} kB");
        output.WriteLine($"Z3 allocation without scopes: {z3Before / 1024} kB -> {z3After / 1024} kB");
        // Z3's count grows whatever ran before; VmRSS may first reuse memory freed earlier, so only Z3's count is asserted here.
        Assert.True(z3After - z3Before > ControlMinimumGrowthKb * 1024, $"without scopes Z3's allocation grew only {(z3After - z3Before) / 1024} kB, so the leak test could not see a leak");
    }

    /// <summary>One small query: build terms, assert, check, read the model, retract.</summary>
    private static void RunQuery(SmtContext ctx, SmtSolver solver, int i)
    {
        var x = ctx.BitVec("x", 16);
        var enabled = ctx.Bool("enabled");
        var expected = (ulong)(i & 0xFFFF);
        solver.Push();
        solver.Assert(enabled.Implies(x.Eq(expected)) & enabled);
        var model = solver.Check() is SmtResult.Sat sat ? sat.Model : throw new InvalidOperationException($"query {i} was not sat");
        if (model.Evaluate(x) != expected || !model.Evaluate(enabled))
            throw new InvalidOperationException($"query {i}: wrong model {model}");
        solver.Pop();
    }

    private static long ResidentKb()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
