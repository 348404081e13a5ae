namespace Persona.Hypervisor.Costs;

/// <summary>How many times a trap handler performed each action.</summary>
public sealed class ActionTally
{
    private readonly Dictionary<HypervisorAction, ulong> counts = [];

    /// <summary>The counts, by action (actions never performed are absent).</summary>
    public IReadOnlyDictionary<HypervisorAction, ulong> Counts => counts;

    /// <summary>How many times <paramref name="action"/> was performed.</summary>
    public ulong this[HypervisorAction action] => counts.TryGetValue(action, out var n) ? n : 0;

    /// <summary>Records <paramref name="times"/> more occurrences of <paramref name="action"/>.</summary>
    public void Add(HypervisorAction action, ulong times = 1)
    {
        if (times != 0)
            counts[action] = this[action] + times;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}×{c.Value}"));
}
