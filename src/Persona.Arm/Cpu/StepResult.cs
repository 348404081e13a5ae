namespace Persona.Arm.Cpu;

/// <summary>What one call of <see cref="Core.Run"/> did: how many instructions it executed and why it stopped.</summary>
/// <param name="Executed">Instructions executed (an instruction that took an exception counts).</param>
/// <param name="Reason">Why the run stopped.</param>
public readonly record struct StepResult(int Executed, StopReason Reason);

/// <summary>Why <see cref="Core.Run"/> returned.</summary>
public enum StopReason
{
    /// <summary>The instruction budget was used up.</summary>
    BudgetExhausted,

    /// <summary>The core executed WFI with no interrupt pending and now waits (<see cref="Core.IsWaitingForInterrupt"/>).</summary>
    WaitingForInterrupt,

    /// <summary>The core executed WFE with the event register clear; it stays runnable, so the scheduler may simply run others first.</summary>
    WaitingForEvent,

    /// <summary>The core is powered off (before PSCI CPU_ON, or after CPU_OFF).</summary>
    PoweredOff,

    /// <summary>The platform asked the core to stop (<see cref="Core.RequestStop"/>), e.g. on PSCI SYSTEM_OFF.</summary>
    StopRequested,
}
