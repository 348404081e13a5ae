using Persona.Arm.Contracts;

namespace Persona.Arm.Platform;

/// <summary>What the machine needs from one processor core: power, reset, running a slice of instructions, and its interrupt inputs.</summary>
/// <remarks>The machine drives cores only through this interface, so the scheduler and virtual time can be tested with scripted cores,
/// and the real interpreter core is plugged in through <see cref="CoreFactory"/>.</remarks>
public interface IMachineCore : IInterruptSink
{
    /// <summary>True when the core is on (core 0 from reset, others after PSCI CPU_ON).</summary>
    bool IsPoweredOn { get; }

    /// <summary>True when the core sits in WFI (or WFE) until an interrupt or event wakes it.</summary>
    bool IsWaitingForInterrupt { get; }

    /// <summary>The exception level the core currently runs at (0, 1 or 2).</summary>
    int ExceptionLevel { get; }

    /// <summary>Receives every exception the core takes, or null.</summary>
    IExceptionObserver? ExceptionObserver { get; set; }

    /// <summary>Powers the core on at <paramref name="entry"/> at <paramref name="exceptionLevel"/>, with x0 = <paramref name="contextId"/>.</summary>
    void PowerOn(ulong entry, ulong contextId, int exceptionLevel);

    /// <summary>Powers the core off; it runs no more until powered on again.</summary>
    void PowerOff();

    /// <summary>Runs at most <paramref name="maxInstructions"/> instructions; stops early at WFI, power-off or a stop request, and returns how many retired.</summary>
    int Run(int maxInstructions);

    /// <summary>Asks the running core to return from <see cref="Run"/> at the next instruction boundary (after SYSTEM_OFF, for example).</summary>
    void RequestStop();
}

/// <summary>Creates the core with index <paramref name="coreId"/> on the machine's bus, services and system-register devices.</summary>
public delegate IMachineCore CoreFactory(int coreId, IPhysicalBus bus, IPlatformServices platform, IReadOnlyList<ISystemRegisterDevice> systemRegisterDevices);
