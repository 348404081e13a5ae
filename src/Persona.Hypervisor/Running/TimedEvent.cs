namespace Persona.Hypervisor.Running;

/// <summary>An external event posted to the hypervisor once the machine's virtual time reaches a point (the hypervisor's EL2 timer traps the boot core then, and the trap applies it).</summary>
/// <param name="AtTicks">The system count (62.5 MHz virtual ticks) from which it is due.</param>
/// <param name="Event">The event.</param>
/// <param name="Line">The scenario line that asks for it (0 when not from a file).</param>
public sealed record TimedEvent(ulong AtTicks, ExternalEvent Event, int Line);
