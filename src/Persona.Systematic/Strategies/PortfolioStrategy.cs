using Persona.Systematic.Runtime;

namespace Persona.Systematic.Strategies;

/// <summary>Rotates a list of strategies round-robin by iteration number, so the choice does not depend on which worker runs the iteration.</summary>
/// <param name="members">The strategies, in rotation order.</param>
public sealed class PortfolioStrategy(IReadOnlyList<ISchedulingStrategy> members) : ISchedulingStrategy
{
    private ISchedulingStrategy current = members[0];

    /// <inheritdoc/>
    public string Description => $"portfolio[{string.Join(", ", members.Select(m => m.Description))}]";

    /// <summary>The strategy used by the current iteration.</summary>
    public ISchedulingStrategy Current => current;

    /// <inheritdoc/>
    public bool IsFair => current.IsFair;

    /// <inheritdoc/>
    public void InitializeIteration(int iteration, ulong seed)
    {
        current = members[(int)((uint)iteration % (uint)members.Count)];
        current.InitializeIteration(iteration, seed);
    }

    /// <inheritdoc/>
    public int NextOperation(ReadOnlySpan<int> enabled, IScheduleView view) => current.NextOperation(enabled, view);

    /// <inheritdoc/>
    public bool NextBoolean() => current.NextBoolean();

    /// <inheritdoc/>
    public int NextInteger(int maxExclusive) => current.NextInteger(maxExclusive);

    /// <inheritdoc/>
    public bool FinishIteration(in IterationResult result) => current.FinishIteration(result);
}
