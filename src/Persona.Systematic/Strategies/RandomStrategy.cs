using Persona.Systematic.Runtime;

namespace Persona.Systematic.Strategies;

/// <summary>Picks uniformly among the enabled operations; fair.</summary>
public sealed class RandomStrategy : ISchedulingStrategy
{
    private FastRandom random;

    /// <inheritdoc/>
    public string Description => "random";

    /// <inheritdoc/>
    public bool IsFair => true;

    /// <inheritdoc/>
    public void InitializeIteration(int iteration, ulong seed) => random = new FastRandom(seed);

    /// <inheritdoc/>
    public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view) =>
        enabled.Length == 1 ? enabled[0] : enabled[random.Next(enabled.Length)];

    /// <inheritdoc/>
    public bool NextBoolean() => random.NextBoolean();

    /// <inheritdoc/>
    public int NextInteger(int maxExclusive) => random.Next(maxExclusive);

    /// <inheritdoc/>
    public bool FinishIteration(in IterationResult result) => true;
}
