using Persona.Systematic.Runtime;

namespace Persona.Systematic.Strategies;

/// <summary>Coyote's fair prioritization: PCT (Coyote's variant) for the first steps, then uniformly random, so every enabled operation eventually runs.</summary>
/// <param name="bound">The most change points per iteration.</param>
/// <param name="stepEstimate">k for the PCT prefix.</param>
/// <param name="unfairPrefix">How many steps run under PCT before switching to random.</param>
public sealed class FairPctStrategy(int bound, int stepEstimate, int unfairPrefix) : ISchedulingStrategy
{
    private readonly PrioritizationStrategy prefix = new(bound, stepEstimate);
    private FastRandom random;

    /// <inheritdoc/>
    public string Description => $"fair-pct({bound}, k={stepEstimate})";

    /// <inheritdoc/>
    public bool IsFair => true;

    /// <inheritdoc/>
    public void InitializeIteration(int iteration, ulong seed)
    {
        prefix.InitializeIteration(iteration, seed);
        random = new FastRandom(~seed);
    }

    /// <inheritdoc/>
    public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view) =>
        view.Step < unfairPrefix ? prefix.NextOperation(enabled, view) : enabled[random.Next(enabled.Length)];

    /// <inheritdoc/>
    public bool NextBoolean() => random.NextBoolean();

    /// <inheritdoc/>
    public int NextInteger(int maxExclusive) => random.Next(maxExclusive);

    /// <inheritdoc/>
    public bool FinishIteration(in IterationResult result) => true;
}
