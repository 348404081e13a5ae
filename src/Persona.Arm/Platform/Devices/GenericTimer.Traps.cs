using Persona.Arm.Contracts;

namespace Persona.Arm.Platform.Devices;

/// <summary>The generic timer's access traps: CNTKCTL_EL1 for EL0 (to EL1, or EL2 under HCR_EL2.TGE) and CNTHCTL_EL2 for EL1/EL0
/// physical counter and timer accesses (to EL2), as the Arm ARM's pseudocode for each register orders them, with HCR_EL2.E2H = 0.</summary>
/// <remarks>With HCR_EL2.E2H = 1 (VHE, not modelled) CNTHCTL_EL2 has another layout; its EL1 traps are then not applied.</remarks>
public sealed partial class GenericTimer
{
    private const ulong HcrTge = 1UL << 27;
    private const ulong HcrE2h = 1UL << 34;

    /// <inheritdoc />
    public int? TrapLevel(SystemRegisterAccess access, bool isRead)
    {
        var register = (TimerSystemRegister)access.Register.Packed;
        if (access.CoreId >= cores.Length || !Enum.IsDefined(register) || access.ExceptionLevel == 2)
            return null;
        var core = cores[access.CoreId];
        var tge = (access.HcrEl2 & HcrTge) != 0;
        var e2h = (access.HcrEl2 & HcrE2h) != 0;
        var (el0Enable, el1Enable) = register switch
        {
            TimerSystemRegister.CntfrqEl0 => (KernelControlBits.El0PhysicalCount | KernelControlBits.El0VirtualCount, 0UL),
            TimerSystemRegister.CntpctEl0 => (KernelControlBits.El0PhysicalCount, HypervisorControlBits.El1PhysicalCount),
            TimerSystemRegister.CntvctEl0 => (KernelControlBits.El0VirtualCount, 0UL),
            TimerSystemRegister.CntpCtlEl0 or TimerSystemRegister.CntpCvalEl0 or TimerSystemRegister.CntpTvalEl0
                => (KernelControlBits.El0PhysicalTimer, HypervisorControlBits.El1PhysicalTimer),
            TimerSystemRegister.CntvCtlEl0 or TimerSystemRegister.CntvCvalEl0 or TimerSystemRegister.CntvTvalEl0
                => (KernelControlBits.El0VirtualTimer, 0UL),
            _ => (0UL, 0UL), // EL1/EL2 registers: the core already made them UNDEFINED below their level.
        };
        if (access.ExceptionLevel == 0 && el0Enable != 0 && !(e2h && tge) && (core.KernelControl & el0Enable) == 0)
            return tge ? 2 : 1;
        if (el1Enable != 0 && !e2h && (core.HypervisorControl & el1Enable) == 0)
            return 2;
        return null;
    }

    /// <summary>CNTKCTL_EL1 bits: which counters and timers EL0 may access.</summary>
    private static class KernelControlBits
    {
        public const ulong El0PhysicalCount = 1 << 0;
        public const ulong El0VirtualCount = 1 << 1;
        public const ulong El0VirtualTimer = 1 << 8;
        public const ulong El0PhysicalTimer = 1 << 9;
    }

    /// <summary>CNTHCTL_EL2 bits (HCR_EL2.E2H = 0): whether EL1 and EL0 may access the physical counter and timer.</summary>
    private static class HypervisorControlBits
    {
        public const ulong El1PhysicalCount = 1 << 0;
        public const ulong El1PhysicalTimer = 1 << 1;
    }
}
