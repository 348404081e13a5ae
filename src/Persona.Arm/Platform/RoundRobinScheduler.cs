namespace Persona.Arm.Platform;

/// <summary>The default scheduler: runnable cores take turns in core order, each for a fixed quantum of instructions.</summary>
public sealed class RoundRobinScheduler(int quantum = RoundRobinScheduler.DefaultQuantum) : IScheduler
{
    /// <summary>The default quantum: long enough to keep the interpreter in its loop, short enough for timely cross-core signalling.</summary>
    public const int DefaultQuantum = 1000;

    private int last = -1;

    /// <summary>The slice length.</summary>
    public int Quantum { get; } = quantum > 0 ? quantum : throw new ArgumentOutOfRangeException(nameof(quantum), quantum, "the quantum must be positive");

    /// <inheritdoc />
    public ScheduleSlice Next(IReadOnlyList<int> runnableCores, ulong ticks)
    {
        var chosen = runnableCores[0];
        foreach (var core in runnableCores)
        {
            if (core > last)
            {
                chosen = core;
                break;
            }
        }
        last = chosen;
        return new ScheduleSlice(chosen, Quantum);
    }
}
