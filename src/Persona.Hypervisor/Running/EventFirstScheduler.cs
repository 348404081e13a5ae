using Persona.Arm.Platform;

namespace Persona.Hypervisor.Running;

/// <summary>Gives the boot core the next slice once a scheduled event is due, and otherwise asks the inner scheduler: the event timer
/// fires on the boot core, so on several cores its interrupt is then taken at the deadline instead of after other cores' slices.</summary>
/// <remarks>The machine already ends every slice at the next timer deadline, so the slice after it starts exactly at the event's time.
/// Deterministic: the choice depends only on virtual time and the hypervisor's schedule.</remarks>
/// <param name="inner">The scheduler for every other slice (round-robin or seeded).</param>
/// <param name="nextDue">The system count at which the next scheduled event is due, or null when none is left.</param>
public sealed class EventFirstScheduler(IScheduler inner, Func<ulong?> nextDue) : IScheduler
{
    /// <summary>The core whose EL2 timer times the events (the boot core, where the handset's UI runs).</summary>
    public const int EventCore = 0;

    /// <inheritdoc/>
    public ScheduleSlice Next(IReadOnlyList<int> runnableCores, ulong ticks) =>
        nextDue() is { } due && due <= ticks && runnableCores.Contains(EventCore)
            ? new ScheduleSlice(EventCore, 1)
            : inner.Next(runnableCores, ticks);
}
