using Persona.Systematic.Runtime;

namespace Persona.Systematic.Strategies;

/// <summary>
/// PCT as in Burckhardt et al. (ASPLOS'10): random initial priorities, d−1 change points uniform over the
/// k contended steps, and at change point i the running operation drops to priority i. A bug of depth d is
/// hit with probability at least 1/(n·k^(d−1)).
/// </summary>
/// <param name="depth">The bug depth d targeted.</param>
/// <param name="stepEstimate">k: the number of steps with at least two enabled operations.</param>
public sealed class PctStrategy(int depth, int stepEstimate) : ISchedulingStrategy
{
    private readonly PriorityList priorities = new();
    private readonly int[] changeSteps = new int[Math.Max(depth - 1, 0)];
    private FastRandom random;
    private int counted;

    /// <inheritdoc/>
    public string Description => $"pct(d={depth}, k={stepEstimate})";

    /// <inheritdoc/>
    public bool IsFair => false;

    /// <inheritdoc/>
    public void InitializeIteration(int iteration, ulong seed)
    {
        random = new FastRandom(seed);
        priorities.Reset();
        counted = 0;
        for (int i = 0; i < changeSteps.Length; i++) changeSteps[i] = 1 + random.Next(Math.Max(stepEstimate, 1));
    }

    /// <inheritdoc/>
    public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view)
    {
        priorities.AddNew(view.OperationCount, ref random, anywhere: false);
        if (enabled.Length >= 2)
        {
            counted++;
            for (int i = 0; i < changeSteps.Length; i++)
            {
                if (changeSteps[i] == counted) priorities.Demote(priorities.HighestEnabled(enabled), i + 1);
            }
        }
        return priorities.HighestEnabled(enabled);
    }

    /// <inheritdoc/>
    public bool NextBoolean() => random.NextBoolean();

    /// <inheritdoc/>
    public int NextInteger(int maxExclusive) => random.Next(maxExclusive);

    /// <inheritdoc/>
    public bool FinishIteration(in IterationResult result) => true;
}
