using Persona.Systematic.Runtime;

namespace Persona.Systematic.Strategies;

/// <summary>
/// Coyote's PCT variant: new operations take a random place in the priority list, each iteration draws
/// 1..bound change points over the k contended steps, and a change point sends the top enabled operation
/// to the bottom.
/// </summary>
/// <param name="bound">The most change points per iteration (Coyote's default is 10).</param>
/// <param name="stepEstimate">k: the number of steps with at least two enabled operations.</param>
public sealed class PrioritizationStrategy(int bound, int stepEstimate) : ISchedulingStrategy
{
    private readonly PriorityList priorities = new();
    private readonly HashSet<int> changeSteps = [];
    private FastRandom random;
    private int counted;

    /// <inheritdoc/>
    public string Description => $"prioritization({bound}, k={stepEstimate})";

    /// <inheritdoc/>
    public bool IsFair => false;

    /// <inheritdoc/>
    public void InitializeIteration(int iteration, ulong seed)
    {
        random = new FastRandom(seed);
        priorities.Reset();
        changeSteps.Clear();
        counted = 0;
        int k = Math.Max(stepEstimate, 1);
        int points = Math.Min(1 + random.Next(Math.Max(bound, 1)), k);
        while (changeSteps.Count < points) changeSteps.Add(1 + random.Next(k));
    }

    /// <inheritdoc/>
    public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view)
    {
        priorities.AddNew(view.OperationCount, ref random, anywhere: true);
        if (enabled.Length >= 2 && changeSteps.Contains(++counted)) priorities.MoveToBottom(priorities.HighestEnabled(enabled));
        return priorities.HighestEnabled(enabled);
    }

    /// <inheritdoc/>
    public bool NextBoolean() => random.NextBoolean();

    /// <inheritdoc/>
    public int NextInteger(int maxExclusive) => random.Next(maxExclusive);

    /// <inheritdoc/>
    public bool FinishIteration(in IterationResult result) => true;
}
