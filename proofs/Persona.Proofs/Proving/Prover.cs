using System.Collections.Concurrent;
using System.Diagnostics;
using Persona.Proofs.Obligations;
using Persona.Proofs.Symbolic;
using Persona.Smt;
using Persona.Spec.Terms;

namespace Persona.Proofs.Proving;

/// <summary>Options for a proof run; solver options are pinned so results reproduce.</summary>
/// <param name="TimeoutMilliseconds">The solver timeout per obligation.</param>
/// <param name="Workers">How many obligations are solved at once (each worker has its own Z3 context).</param>
/// <param name="EmitDirectory">Where to write each obligation as SMT-LIB2, or null.</param>
/// <param name="RandomSeed">Z3's random seed.</param>
public sealed record ProofOptions(uint TimeoutMilliseconds = 60_000, int Workers = 2, string? EmitDirectory = null, uint RandomSeed = 0);

/// <summary>Discharges proof obligations with Z3 in process, one solver query per obligation.</summary>
/// <remarks>Each obligation is grounded first (<see cref="Grounding"/>): its hypotheses and negated goal become an
/// equisatisfiable quantifier-free query, which Z3 decides in milliseconds where the quantified form times out.</remarks>
public static class Prover
{
    /// <summary>The name of the negated goal in every query.</summary>
    public const string NegatedGoal = "negated-goal";

    /// <summary>Proves the obligations; results come back in the obligations' order, and each is reported as it finishes.</summary>
    public static IReadOnlyList<ProofResult> Run(IReadOnlyList<Obligation> obligations, ProofOptions options, Action<ProofResult>? finished = null)
    {
        if (options.EmitDirectory is { } dir) Directory.CreateDirectory(dir);
        var queue = new ConcurrentQueue<Obligation>(obligations);
        var results = new ConcurrentDictionary<string, ProofResult>();
        var errors = new ConcurrentQueue<Exception>();
        var workers = Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => new Thread(() =>
        {
            try
            {
                using var context = new SmtContext(new SmtOptions(options.RandomSeed, options.TimeoutMilliseconds));
                while (queue.TryDequeue(out var obligation))
                {
                    using var scope = context.Scope();
                    var r = Prove(context, obligation, options);
                    results[r.Id] = r;
                    finished?.Invoke(r);
                }
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        }, 16 * 1024 * 1024)).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        if (!errors.IsEmpty) throw new AggregateException("a proof worker failed", errors);
        return [.. obligations.Select(o => results[o.Id])];
    }

    /// <summary>Proves one obligation in the given context.</summary>
    public static ProofResult Prove(SmtContext context, Obligation obligation, ProofOptions options)
    {
        var clock = Stopwatch.StartNew();
        var grounding = new Grounding();
        List<Expr> assertions = [.. obligation.Hypotheses.Select(h => h.Term.Expr), new Not(obligation.Goal.Expr)];
        var ground = grounding.Ground(assertions);
        var compiler = new SmtCompiler(context);
        using var solver = context.Solver(options.TimeoutMilliseconds);
        for (var i = 0; i < obligation.Hypotheses.Count; i++)
            solver.Assert(obligation.Hypotheses[i].Name, compiler.Compile(new Term<bool>(ground[i])));
        solver.Assert(NegatedGoal, compiler.Compile(new Term<bool>(ground[^1])));
        if (compiler.Definitions.Count > 0)
            throw new InvalidOperationException($"{obligation.Id}: grounding left a pointwise map behind");
        if (options.EmitDirectory is { } dir)
            File.WriteAllText(Path.Combine(dir, obligation.Id + ".smt2"), solver.ToSmtLib2());
        var answer = solver.Check();
        var ms = clock.Elapsed.TotalMilliseconds;
        return answer switch
        {
            SmtResult.Unsat u => Result(obligation, ProofStatus.Proved, ms) with { UnsatCore = [.. u.Core.Where(n => n != NegatedGoal)] },
            SmtResult.Sat s => Result(obligation, ProofStatus.Refuted, ms) with
            {
                Counterexample = CounterexampleReader.Read(obligation, compiler, grounding, s.Model),
            },
            SmtResult.Unknown u => Result(obligation, ProofStatus.Unknown, ms) with { Reason = u.Reason },
            _ => throw new InvalidOperationException("unexpected solver answer"),
        };
    }

    private static ProofResult Result(Obligation o, ProofStatus status, double ms) =>
        new(o.Id, o.Kind, o.RuleId, o.Operation?.Name, o.Observer?.ToString(), status, ms, [], null, null);
}
