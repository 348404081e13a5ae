using Persona.Arm.Platform;

namespace Persona.Hypervisor.Smp;

/// <summary>A scheduler that picks the next core and its slice length (1 to <see cref="MaxQuantum"/> instructions) at random from a
/// seed: different seeds give different interleavings of the cores, and one seed always gives the same one.</summary>
public sealed class SeededScheduler(int seed, int maxQuantum) : IScheduler
{
    private readonly Random random = new(seed);

    /// <summary>The seed the choices come from.</summary>
    public int Seed => seed;

    /// <summary>The longest slice.</summary>
    public int MaxQuantum { get; } = maxQuantum > 0 ? maxQuantum : throw new ArgumentOutOfRangeException(nameof(maxQuantum), maxQuantum, "the quantum must be positive");

    /// <inheritdoc/>
    public ScheduleSlice Next(IReadOnlyList<int> runnableCores, ulong ticks) =>
        new(runnableCores[random.Next(runnableCores.Count)], 1 + random.Next(MaxQuantum));
}
