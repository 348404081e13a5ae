using BenchmarkDotNet.Attributes;
using Persona.Smt;

namespace Persona.Bench.Smt;

/// <summary>What one small proof-sized query costs: in process on a long-lived solver (push/pop inside a scope), in
/// process on a fresh solver of each kind, and through the z3 command line as SMT-LIB2 text.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class SmtQueryBenchmarks
{
    private SmtContext _context = null!;
    private SmtSolver _solver = null!;
    private string _script = "";
    private int _round;

    /// <summary>Makes the context, the long-lived solver and the SMT-LIB2 text of one query.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _context = new SmtContext();
        _solver = _context.Solver();
        using var scope = _context.Scope();
        using var solver = _context.Solver();
        Build(solver, 12345);
        _script = solver.ToSmtLib2();
    }

    /// <summary>Releases the context.</summary>
    [GlobalCleanup]
    public void Cleanup() => _context.Dispose();

    /// <summary>Push, assert, check, read the model, pop: the pattern of a proof loop.</summary>
    [Benchmark(Baseline = true)]
    public ulong InProcess_LongLivedSolver_PushPop()
    {
        using var scope = _context.Scope();
        _solver.Push();
        var x = Build(_solver, _round++);
        var value = _solver.Check() is SmtResult.Sat sat ? sat.Model.Evaluate(x) : throw new InvalidOperationException("not sat");
        _solver.Pop();
        return value;
    }

    /// <summary>The same query on a general solver (<c>Z3_mk_solver</c>) made for it alone.</summary>
    [Benchmark]
    public ulong InProcess_FreshGeneralSolver() => OnFreshSolver(SmtSolverKind.General);

    /// <summary>The same query on an SMT-core solver (<c>Z3_mk_simple_solver</c>) made for it alone.</summary>
    [Benchmark]
    public ulong InProcess_FreshSmtCoreSolver() => OnFreshSolver(SmtSolverKind.SmtCore);

    private ulong OnFreshSolver(SmtSolverKind kind)
    {
        using var scope = _context.Scope();
        var solver = _context.Solver(kind);
        var x = Build(solver, _round++);
        return solver.Check() is SmtResult.Sat sat ? sat.Model.Evaluate(x) : throw new InvalidOperationException("not sat");
    }

    /// <summary>The same query as SMT-LIB2 text through the z3 command line (process start included).</summary>
    [Benchmark]
    public SmtLibVerdict Z3CommandLine() => SmtLibRunner.RunText(SmtLibTool.Z3, _script, TimeSpan.FromSeconds(30)).Verdict;

    private BitVecTerm Build(SmtSolver solver, int round)
    {
        var x = _context.BitVec("x", 16);
        var enabled = _context.Bool("enabled");
        solver.Assert("pins-x", enabled.Implies(x.Eq((ulong)(round & 0xFFFF))));
        solver.Assert("is-enabled", enabled);
        return x;
    }
}
