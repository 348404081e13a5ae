using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Platform.Devices;

namespace Persona.Hypervisor;

/// <summary>The switch IPI: a group-1 SGI on the physical GIC (enabled on every core by <see cref="Interrupts.PhysicalGic.Initialize"/>)
/// that the hypervisor sends to the cores that must change persona; with HCR_EL2.IMO set the target core takes it at EL2 whatever the guest's PSTATE.I.</summary>
public sealed partial class Hypervisor
{
    /// <summary>The SGI the hypervisor uses to ask another core to switch persona (the guests never see physical SGIs).</summary>
    public const int SwitchSgi = Interrupts.PhysicalGic.SwitchSgi;

    private static readonly SystemRegisterKey IccSgi1r = new((int)GicSystemRegister.IccSgi1rEl1);

    /// <summary>The cores that have been sent the switch IPI and have not yet switched.</summary>
    private readonly HashSet<int> switchPending = [];

    /// <summary>The cores that still run the persona that left the foreground (the switch is complete when this is empty).</summary>
    public IReadOnlyCollection<int> CoresStillSwitching => switchPending;

    /// <summary>Sends the switch SGI from one core to another (ICC_SGI1R_EL1: target list in Aff0, INTID in bits 27:24).</summary>
    private static void SendSwitchIpi(Core from, int target) =>
        from.WriteSystemRegister(IccSgi1r, ((ulong)(target / 16) << 16) | (1UL << (target % 16)) | ((ulong)SwitchSgi << 24));

    /// <summary>Raises the event doorbell on the boot core (an SGI to itself, as the button's or the modem's interrupt would be).</summary>
    private void RingEventDoorbell() =>
        BootCore.WriteSystemRegister(IccSgi1r, 1UL | ((ulong)Interrupts.PhysicalGic.EventSgi << 24));

    /// <summary>The switch IPI reached this core: if a switch is waiting for it, it leaves the old persona for the foreground one.</summary>
    private string HandleSwitchIpi(Core core, List<SpecStep> steps)
    {
        if (switchPending.Remove(core.CoreId))
        {
            SwitchCore(core, Foreground);
            if (switchPending.Count == 0)
                CompleteSwitch(steps);
        }
        return $"switch IPI (SGI {SwitchSgi})";
    }
}
