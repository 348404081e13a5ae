using Persona.Arm.Contracts;

namespace Persona.Arm.Platform.Devices;

/// <summary>The Arm generic timer of every core: the EL1 physical, virtual and EL2 physical timers, CNTVOFF and the counter registers.</summary>
/// <remarks>Each timer's output is level-sensitive (ENABLE and ISTATUS and not IMASK) and drives its PPI: 30, 27 and 26 as on QEMU virt.
/// Outputs are recomputed on every write and whenever the machine advances time (<see cref="Update"/>). Counter reads and writes
/// mid-slice are exact: the access carries the instructions retired so far in the slice, which the clock adds.</remarks>
public sealed partial class GenericTimer : ISystemRegisterDevice
{
    private readonly VirtualClock clock;
    private readonly IInterruptLines lines;
    private readonly TimerCoreState[] cores;

    /// <summary>Creates the timers of <paramref name="coreCount"/> cores on <paramref name="clock"/>, driving <paramref name="lines"/>.</summary>
    public GenericTimer(int coreCount, VirtualClock clock, IInterruptLines lines)
    {
        this.clock = clock;
        this.lines = lines;
        cores = new TimerCoreState[coreCount];
        for (var c = 0; c < coreCount; c++)
            cores[c] = new TimerCoreState();
    }

    /// <summary>The frequency reported in CNTFRQ_EL0.</summary>
    public ulong Frequency { get; init; } = PlatformMap.CounterFrequency;

    /// <inheritdoc />
    public bool TryRead(SystemRegisterAccess access, out ulong value)
    {
        var register = (TimerSystemRegister)access.Register.Packed;
        value = 0;
        if (access.CoreId >= cores.Length || !Enum.IsDefined(register))
            return false;
        var core = cores[access.CoreId];
        var physical = clock.TicksAfter(access.InstructionsIntoSlice);
        var virtualCount = physical - core.VirtualOffset;
        value = register switch
        {
            TimerSystemRegister.CntfrqEl0 => Frequency,
            TimerSystemRegister.CntpctEl0 => physical,
            TimerSystemRegister.CntvctEl0 => virtualCount,
            TimerSystemRegister.CntpCtlEl0 => core.Physical.ControlWithStatus(physical),
            TimerSystemRegister.CntpCvalEl0 => core.Physical.CompareValue,
            TimerSystemRegister.CntpTvalEl0 => (uint)(core.Physical.CompareValue - physical),
            TimerSystemRegister.CntvCtlEl0 => core.Virtual.ControlWithStatus(virtualCount),
            TimerSystemRegister.CntvCvalEl0 => core.Virtual.CompareValue,
            TimerSystemRegister.CntvTvalEl0 => (uint)(core.Virtual.CompareValue - virtualCount),
            TimerSystemRegister.CnthpCtlEl2 => core.Hypervisor.ControlWithStatus(physical),
            TimerSystemRegister.CnthpCvalEl2 => core.Hypervisor.CompareValue,
            TimerSystemRegister.CnthpTvalEl2 => (uint)(core.Hypervisor.CompareValue - physical),
            TimerSystemRegister.CntkctlEl1 => core.KernelControl,
            TimerSystemRegister.CnthctlEl2 => core.HypervisorControl,
            TimerSystemRegister.CntvoffEl2 => core.VirtualOffset,
            _ => 0,
        };
        return true;
    }

    /// <inheritdoc />
    public bool TryWrite(SystemRegisterAccess access, ulong value)
    {
        var register = (TimerSystemRegister)access.Register.Packed;
        if (access.CoreId >= cores.Length || !Enum.IsDefined(register))
            return false;
        var core = cores[access.CoreId];
        var physical = clock.TicksAfter(access.InstructionsIntoSlice);
        var virtualCount = physical - core.VirtualOffset;
        switch (register)
        {
            case TimerSystemRegister.CntpCtlEl0:
                core.Physical.Control = value & TimerControl.Writable;
                break;
            case TimerSystemRegister.CntpCvalEl0:
                core.Physical.CompareValue = value;
                break;
            case TimerSystemRegister.CntpTvalEl0:
                core.Physical.CompareValue = physical + (ulong)(long)(int)value;
                break;
            case TimerSystemRegister.CntvCtlEl0:
                core.Virtual.Control = value & TimerControl.Writable;
                break;
            case TimerSystemRegister.CntvCvalEl0:
                core.Virtual.CompareValue = value;
                break;
            case TimerSystemRegister.CntvTvalEl0:
                core.Virtual.CompareValue = virtualCount + (ulong)(long)(int)value;
                break;
            case TimerSystemRegister.CnthpCtlEl2:
                core.Hypervisor.Control = value & TimerControl.Writable;
                break;
            case TimerSystemRegister.CnthpCvalEl2:
                core.Hypervisor.CompareValue = value;
                break;
            case TimerSystemRegister.CnthpTvalEl2:
                core.Hypervisor.CompareValue = physical + (ulong)(long)(int)value;
                break;
            case TimerSystemRegister.CntkctlEl1:
                core.KernelControl = value & 0x3FF;
                break;
            case TimerSystemRegister.CnthctlEl2:
                core.HypervisorControl = value & 0xFF;
                break;
            case TimerSystemRegister.CntvoffEl2:
                core.VirtualOffset = value;
                break;
                // The counters and CNTFRQ are read-only here: there is no EL3 to program CNTFRQ.
        }
        UpdateCore(access.CoreId, physical);
        Reprogrammed?.Invoke(access.CoreId);
        return true;
    }

    /// <summary>Called after every write to a core's timer registers (with the core id), so the machine can end the running slice
    /// when the new setting fires before the slice would end: the interrupt then lands on the right instruction.</summary>
    public Action<int>? Reprogrammed { get; init; }

    /// <summary>True when an enabled, unmasked timer of the core fires (its count reaches its compare value) before <paramref name="ticks"/>.</summary>
    public bool FiresBefore(int coreId, ulong ticks)
    {
        var core = cores[coreId];
        var virtualDeadline = core.Virtual.CompareValue + core.VirtualOffset;
        return (core.Physical.Armed && core.Physical.CompareValue < ticks)
            || (core.Hypervisor.Armed && core.Hypervisor.CompareValue < ticks)
            || (core.Virtual.Armed && virtualDeadline >= core.Virtual.CompareValue && virtualDeadline < ticks);
    }

    /// <summary>Recomputes every timer output at the current time (the machine calls this after advancing the clock).</summary>
    public void Update()
    {
        for (var c = 0; c < cores.Length; c++)
            UpdateCore(c, clock.Ticks);
    }

    /// <summary>The earliest system count at which an enabled, unmasked timer that has not fired yet will fire; null if none will.</summary>
    public ulong? NextDeadline()
    {
        ulong? next = null;
        var now = clock.Ticks;
        foreach (var core in cores)
        {
            Consider(core.Physical, core.Physical.CompareValue);
            Consider(core.Hypervisor, core.Hypervisor.CompareValue);
            var virtualDeadline = core.Virtual.CompareValue + core.VirtualOffset;
            Consider(core.Virtual, virtualDeadline < core.Virtual.CompareValue ? ulong.MaxValue : virtualDeadline);
        }
        return next;

        void Consider(TimerChannel channel, ulong deadline)
        {
            if (channel.Armed && deadline > now && (next is null || deadline < next))
                next = deadline;
        }
    }

    private void UpdateCore(int coreId, ulong physical)
    {
        var core = cores[coreId];
        lines.SetLevel(coreId, PlatformMap.PhysicalTimerInterrupt, core.Physical.Output(physical));
        lines.SetLevel(coreId, PlatformMap.VirtualTimerInterrupt, core.Virtual.Output(physical - core.VirtualOffset));
        lines.SetLevel(coreId, PlatformMap.HypervisorTimerInterrupt, core.Hypervisor.Output(physical));
    }

    /// <summary>One core's timer registers.</summary>
    private sealed class TimerCoreState
    {
        public readonly TimerChannel Physical = new();
        public readonly TimerChannel Virtual = new();
        public readonly TimerChannel Hypervisor = new();
        public ulong KernelControl;
        public ulong HypervisorControl = 0x3;
        public ulong VirtualOffset;
    }

    /// <summary>One timer: its control and compare value.</summary>
    private sealed class TimerChannel
    {
        public ulong Control;
        public ulong CompareValue;

        public bool Armed => (Control & (TimerControl.Enable | TimerControl.InterruptMask)) == TimerControl.Enable;

        public bool Status(ulong count) => (Control & TimerControl.Enable) != 0 && count >= CompareValue;

        public ulong ControlWithStatus(ulong count) => Control | (Status(count) ? TimerControl.InterruptStatus : 0);

        public bool Output(ulong count) => Armed && Status(count);
    }

    /// <summary>CNT*_CTL bits.</summary>
    private static class TimerControl
    {
        public const ulong Enable = 1 << 0;
        public const ulong InterruptMask = 1 << 1;
        public const ulong InterruptStatus = 1 << 2;
        public const ulong Writable = Enable | InterruptMask;
    }
}
