using Persona.Systematic.Runtime;

namespace Persona.Systematic.Strategies;

/// <summary>Keeps running the current operation and switches to a uniformly chosen one with probability 2^-b.</summary>
/// <param name="b">The switching exponent (Coyote's default is 3).</param>
public sealed class ProbabilisticStrategy(int b) : ISchedulingStrategy
{
    private readonly int stayOdds = 1 << Math.Clamp(b, 0, 30);
    private FastRandom random;

    /// <inheritdoc/>
    public string Description => $"probabilistic({b})";

    /// <inheritdoc/>
    public bool IsFair => true;

    /// <inheritdoc/>
    public void InitializeIteration(int iteration, ulong seed) => random = new FastRandom(seed);

    /// <inheritdoc/>
    public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view)
    {
        int current = view.CurrentOperation;
        if (current >= 0 && enabled.Contains(current) && random.Next(stayOdds) != 0) return current;
        return enabled[random.Next(enabled.Length)];
    }

    /// <inheritdoc/>
    public bool NextBoolean() => random.NextBoolean();

    /// <inheritdoc/>
    public int NextInteger(int maxExclusive) => random.Next(maxExclusive);

    /// <inheritdoc/>
    public bool FinishIteration(in IterationResult result) => true;
}
