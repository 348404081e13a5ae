namespace Persona.Smt;

/// <summary>The solver options Persona pins so that a proof result reproduces: the random seed and the per-check timeout.</summary>
/// <param name="RandomSeed">Z3's <c>random_seed</c>, set on every solver.</param>
/// <param name="TimeoutMilliseconds">Z3's per-check <c>timeout</c>; zero means no timeout.</param>
public sealed record SmtOptions(uint RandomSeed = 0, uint TimeoutMilliseconds = 0)
{
    /// <summary>The defaults: seed 0 and no timeout.</summary>
    public static SmtOptions Default { get; } = new();
}
