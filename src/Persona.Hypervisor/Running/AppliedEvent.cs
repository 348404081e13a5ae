namespace Persona.Hypervisor.Running;

/// <summary>An external event the hypervisor applied: when it was due, when it took effect, and at which trap.</summary>
/// <param name="Event">The event.</param>
/// <param name="DueTicks">The system count it was scheduled for, or null for an event posted for the next trap.</param>
/// <param name="AppliedTicks">The system count (CNTPCT, exact to the instruction) at the trap that applied it.</param>
/// <param name="Trap">The number of the trap that applied it.</param>
public sealed record AppliedEvent(ExternalEvent Event, ulong? DueTicks, ulong AppliedTicks, long Trap)
{
    /// <summary>How many ticks after its due time it took effect (0 for a posted event).</summary>
    public ulong Lateness => DueTicks is { } due ? AppliedTicks - due : 0;
}
