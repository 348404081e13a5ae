using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Memory;

namespace Persona.Arm.Platform;

/// <summary>Plugs the interpreter <see cref="Core"/> into the machine: power, slices of execution, and the cross-core interconnect.</summary>
public sealed class InterpreterCore : IMachineCore
{
    private InterpreterCore(Core core)
    {
        Core = core;
    }

    /// <summary>The interpreter core itself, for the hypervisor (EL2 handler, system registers) and tests.</summary>
    public Core Core { get; }

    /// <inheritdoc />
    public bool IsPoweredOn => Core.IsPoweredOn;

    /// <inheritdoc />
    public bool IsWaitingForInterrupt => Core.IsWaitingForInterrupt;

    /// <inheritdoc />
    public int ExceptionLevel => Core.ExceptionLevel;

    /// <inheritdoc />
    public IExceptionObserver? ExceptionObserver
    {
        get => Core.ExceptionObserver;
        set => Core.ExceptionObserver = value;
    }

    /// <summary>A factory for <see cref="Machine"/> that builds interpreter cores joined by one interconnect (TLBI broadcast, SEV).</summary>
    public static CoreFactory Factory()
    {
        var interconnect = new Interconnect();
        return (coreId, bus, platform, devices) =>
        {
            var core = new Core(coreId, bus, platform, devices) { Interconnect = interconnect };
            // Only the boot core is on at reset; the others wait for PSCI CPU_ON.
            core.PowerOff();
            interconnect.Cores.Add(core);
            return new InterpreterCore(core);
        };
    }

    /// <inheritdoc />
    public void PowerOn(ulong entry, ulong contextId, int exceptionLevel)
    {
        Core.PowerOn(entry, contextId);
        if (exceptionLevel != 2)
        {
            // PSCI starts the target at the caller's exception level.
            Core.Reset(entry, exceptionLevel);
            Core.SetX(0, contextId);
        }
    }

    /// <inheritdoc />
    public void PowerOff() => Core.PowerOff();

    /// <inheritdoc />
    public int Run(int maxInstructions) => Core.Run(maxInstructions).Executed;

    /// <inheritdoc />
    public void RequestStop() => Core.RequestStop();

    /// <inheritdoc />
    public void SetPhysicalInterrupt(bool irq, bool fiq) => Core.SetPhysicalInterrupt(irq, fiq);

    /// <inheritdoc />
    public void SetVirtualInterrupt(bool irq, bool fiq) => Core.SetVirtualInterrupt(irq, fiq);

    /// <inheritdoc />
    public void Wake() => Core.Wake();

    /// <summary>Delivers inner-shareable TLB maintenance and SEV from one core to all the others.</summary>
    private sealed class Interconnect : ICoreInterconnect
    {
        public List<Core> Cores { get; } = [];

        public void BroadcastTlbInvalidation(Core origin, in TlbInvalidation invalidation)
        {
            foreach (var core in Cores)
            {
                if (core != origin)
                    core.ApplyTlbInvalidation(invalidation);
            }
        }

        public void SendEvent(Core origin)
        {
            foreach (var core in Cores)
            {
                if (core != origin)
                    core.SignalEvent();
            }
        }
    }
}
