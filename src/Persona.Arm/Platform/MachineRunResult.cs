namespace Persona.Arm.Platform;

/// <summary>How a machine run ended.</summary>
/// <param name="Reason">Why it stopped.</param>
/// <param name="Instructions">The instructions retired across all cores.</param>
/// <param name="Ticks">The system count at the end.</param>
public readonly record struct MachineRunResult(MachineStopReason Reason, ulong Instructions, ulong Ticks);

/// <summary>Why a machine run stopped.</summary>
public enum MachineStopReason
{
    /// <summary>The guest called PSCI SYSTEM_OFF (or SYSTEM_RESET).</summary>
    SystemOff,

    /// <summary>The instruction budget was used up.</summary>
    InstructionLimit,

    /// <summary>Every powered-on core waits for an interrupt and no timer will ever fire.</summary>
    Deadlock,

    /// <summary>Every core is powered off.</summary>
    AllCoresOff,
}
