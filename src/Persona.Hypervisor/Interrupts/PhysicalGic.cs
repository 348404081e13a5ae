using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Platform;

namespace Persona.Hypervisor.Interrupts;

/// <summary>The hypervisor's use of the physical GIC: it enables the virtual timer's PPI, its own switch SGI and its event timer's PPI as group-1 interrupts
/// taken at EL2 (HCR_EL2.IMO), acknowledges with EOImode=1 so that priority drop and deactivation are split, and enables the virtual CPU interface.</summary>
public static class PhysicalGic
{
    /// <summary>The physical PPI the virtual timer drives (as on QEMU virt).</summary>
    public const int VirtualTimerPpi = PlatformMap.VirtualTimerInterrupt;

    /// <summary>The physical PPI of the EL2 physical timer (CNTHP), which times the hypervisor's scheduled events.</summary>
    public const int EventTimerPpi = PlatformMap.HypervisorTimerInterrupt;

    /// <summary>The SGI the hypervisor sends to another core to make it switch persona.</summary>
    public const int SwitchSgi = 8;

    /// <summary>The SGI that brings the boot core to EL2 when an external event is posted (the user's button, the network): without it an
    /// event would wait for the guest's next trap, and a guest that never traps (a spin with interrupts masked, a WFI with no timer) would
    /// keep the handset from switching, ringing or being wiped.</summary>
    public const int EventSgi = 9;

    /// <summary>The INTID the CPU interface returns when nothing is pending.</summary>
    public const int Spurious = 1023;

    private static readonly SystemRegisterKey IccIar1 = SystemRegisterKey.Of(3, 0, 12, 12, 0);
    private static readonly SystemRegisterKey IccEoir1 = SystemRegisterKey.Of(3, 0, 12, 12, 1);
    private static readonly SystemRegisterKey IccDir = SystemRegisterKey.Of(3, 0, 12, 11, 1);
    private static readonly SystemRegisterKey IccPmr = SystemRegisterKey.Of(3, 0, 4, 6, 0);
    private static readonly SystemRegisterKey IccCtlr = SystemRegisterKey.Of(3, 0, 12, 12, 4);
    private static readonly SystemRegisterKey IccIgrpen1 = SystemRegisterKey.Of(3, 0, 12, 12, 7);

    /// <summary>ICH_HCR_EL2 with the virtual CPU interface enabled.</summary>
    public const ulong VirtualInterfaceEnabled = 1;

    /// <summary>The ICH_HCR_EL2 register.</summary>
    public static readonly SystemRegisterKey IchHcr = SystemRegisterKey.Of(3, 4, 12, 11, 0);

    /// <summary>ICH_LR&lt;n&gt;_EL2.</summary>
    public static SystemRegisterKey IchLr(int n) => SystemRegisterKey.Of(3, 4, 12, 12, n);

    private const ulong DistributorControlGroup1 = 1 << 1;
    private const ulong SgiFrame = 0x1_0000;
    private const ulong GroupRegister = 0x80;
    private const ulong SetEnableRegister = 0x100;
    private const ulong PriorityRegisters = 0x400;
    private const ulong WakerRegister = 0x14;
    private const ulong ControlEoiMode = 1 << 1;

    /// <summary>Programs the distributor, the core's redistributor and CPU interface, and the virtual interface's enable (on every
    /// core that runs a vCPU).</summary>
    public static void Initialize(Machine machine, Core core)
    {
        var redistributor = PlatformMap.GicRedistributorBase + ((ulong)core.CoreId * PlatformMap.GicRedistributorStride);
        // One write sets the whole group register: both interrupts the hypervisor takes go in it together.
        const ulong taken = (1UL << VirtualTimerPpi) | (1UL << SwitchSgi) | (1UL << EventSgi) | (1UL << EventTimerPpi);
        Write(machine, core, PlatformMap.GicDistributorBase, DistributorControlGroup1);
        Write(machine, core, redistributor + WakerRegister, 0);
        Write(machine, core, redistributor + SgiFrame + GroupRegister, taken);
        machine.Bus.TryWriteDevice(core.CoreId, redistributor + SgiFrame + PriorityRegisters + VirtualTimerPpi, 1, 0x80);
        Write(machine, core, redistributor + SgiFrame + SetEnableRegister, taken);
        core.WriteSystemRegister(IccPmr, 0xFF);
        core.WriteSystemRegister(IccCtlr, ControlEoiMode);
        core.WriteSystemRegister(IccIgrpen1, 1);
        core.WriteSystemRegister(IchHcr, VirtualInterfaceEnabled);
    }

    /// <summary>Acknowledges the highest-priority physical interrupt and drops its priority (it stays active); returns its INTID.</summary>
    public static int Acknowledge(Core core)
    {
        var intid = (int)(core.ReadSystemRegister(IccIar1) & 0xFF_FFFF);
        if (intid != Spurious)
            core.WriteSystemRegister(IccEoir1, (ulong)intid);
        return intid;
    }

    /// <summary>Deactivates a physical interrupt the hypervisor acknowledged (no guest will).</summary>
    public static void Deactivate(Core core, int intid) => core.WriteSystemRegister(IccDir, (ulong)intid);

    private static void Write(Machine machine, Core core, ulong address, ulong value)
    {
        if (!machine.Bus.TryWriteDevice(core.CoreId, address, 4, value))
            throw new InvalidOperationException($"the GIC register at PA 0x{address:x} is not on the bus");
    }
}
