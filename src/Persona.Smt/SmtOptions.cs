namespace Persona.Smt;

/// <summary>The solver options Persona pins so that a proof result reproduces: the random seed, the per-check timeout
/// and which Z3 solver runs the checks.</summary>
/// <param name="RandomSeed">Z3's <c>random_seed</c>, set on every solver.</param>
/// <param name="TimeoutMilliseconds">The per-check timeout, enforced by interrupting Z3 (not by Z3's own timer); zero means no timeout.</param>
/// <param name="Kind">Which Z3 solver each session uses.</param>
public sealed record SmtOptions(uint RandomSeed = 0, uint TimeoutMilliseconds = 0, SmtSolverKind Kind = SmtSolverKind.General)
{
    /// <summary>The defaults: seed 0, no timeout, Z3's general solver.</summary>
    public static SmtOptions Default { get; } = new();
}

/// <summary>Which Z3 solver a session runs on.</summary>
public enum SmtSolverKind
{
    /// <summary><c>Z3_mk_solver</c>: Z3 picks a tactic for the logic on the first check and falls back to the incremental
    /// SMT core after a push. Setting it up costs tens of milliseconds per solver.</summary>
    General,

    /// <summary><c>Z3_mk_simple_solver</c>: the incremental SMT core alone. Under a millisecond to set up, so it suits one
    /// solver per small query; it lacks the bit-blasting tactics that help on hard pure bit-vector problems.</summary>
    SmtCore,
}
