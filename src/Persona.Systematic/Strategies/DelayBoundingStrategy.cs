using Persona.Systematic.Runtime;

namespace Persona.Systematic.Strategies;

/// <summary>
/// Delay-bounded scheduling: a deterministic round-robin scheduler runs the first enabled operation of its
/// list, and at up to <c>bound</c> random contended steps it delays that operation to the back of the list.
/// With <c>fairAfter</c> > 0 it switches to random after that many steps (Coyote's fair variant).
/// </summary>
/// <param name="bound">The number of delays per iteration.</param>
/// <param name="stepEstimate">k: the contended steps the delays are spread over.</param>
/// <param name="fairAfter">0 for unfair, else the step after which scheduling is random.</param>
public sealed class DelayBoundingStrategy(int bound, int stepEstimate, int fairAfter) : ISchedulingStrategy
{
    private readonly List<int> order = [];
    private readonly Dictionary<int, int> delaysAt = [];
    private FastRandom random;
    private int known;
    private int counted;

    /// <inheritdoc/>
    public string Description => fairAfter > 0 ? $"fair-delay-bounding({bound})" : $"delay-bounding({bound})";

    /// <inheritdoc/>
    public bool IsFair => fairAfter > 0;

    /// <inheritdoc/>
    public void InitializeIteration(int iteration, ulong seed)
    {
        random = new FastRandom(seed);
        order.Clear();
        delaysAt.Clear();
        known = 0;
        counted = 0;
        int k = Math.Max(stepEstimate, 1);
        for (int i = 0; i < bound; i++)
        {
            int at = 1 + random.Next(k);
            delaysAt[at] = delaysAt.GetValueOrDefault(at) + 1;
        }
    }

    /// <inheritdoc/>
    public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view)
    {
        while (known < view.OperationCount) order.Add(known++);
        if (fairAfter > 0 && view.Step >= fairAfter) return enabled[random.Next(enabled.Length)];
        if (enabled.Length == 1) return enabled[0];
        int pick = FirstEnabled(enabled);
        if (delaysAt.TryGetValue(++counted, out int delays))
        {
            for (int i = 0; i < delays; i++)
            {
                order.Remove(pick);
                order.Add(pick);
                pick = FirstEnabled(enabled);
            }
        }
        return pick;
    }

    private int FirstEnabled(ReadOnlySpan<int> enabled)
    {
        foreach (int op in order)
        {
            if (enabled.Contains(op)) return op;
        }
        return enabled[0];
    }

    /// <inheritdoc/>
    public bool NextBoolean() => random.NextBoolean();

    /// <inheritdoc/>
    public int NextInteger(int maxExclusive) => random.Next(maxExclusive);

    /// <inheritdoc/>
    public bool FinishIteration(in IterationResult result) => true;
}
