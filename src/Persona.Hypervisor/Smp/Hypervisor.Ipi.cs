using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;

namespace Persona.Hypervisor;

/// <summary>The switch IPI: a group-1 SGI on the physical GIC that the hypervisor sends to the cores that must change persona;
/// with HCR_EL2.IMO set the target core takes it at EL2 whatever the guest's PSTATE.I.</summary>
public sealed partial class Hypervisor
{
    /// <summary>The SGI the hypervisor uses to ask another core to switch persona (the guests never see physical SGIs).</summary>
    public const int SwitchSgi = 8;

    private static readonly SystemRegisterKey IccSgi1r = new((int)GicSystemRegister.IccSgi1rEl1);
    private static readonly SystemRegisterKey IccIar1 = new((int)GicSystemRegister.IccIar1El1);
    private static readonly SystemRegisterKey IccEoir1 = new((int)GicSystemRegister.IccEoir1El1);
    private static readonly SystemRegisterKey IccPmr = new((int)GicSystemRegister.IccPmrEl1);
    private static readonly SystemRegisterKey IccIgrpen1 = new((int)GicSystemRegister.IccIgrpen1El1);

    /// <summary>GICD_CTLR.EnableGrp1NS.</summary>
    private const ulong DistributorEnableGroup1 = 1 << 1;

    /// <summary>The offset of a redistributor's SGI frame, and of GICR_IGROUPR0 and GICR_ISENABLER0 within it.</summary>
    private const ulong SgiFrame = 0x1_0000, GroupRegister0 = 0x080, SetEnableRegister0 = 0x100;

    /// <summary>The cores that have been sent the switch IPI and have not yet switched.</summary>
    private readonly HashSet<int> switchPending = [];

    /// <summary>The cores that still run the persona that left the foreground (the switch is complete when this is empty).</summary>
    public IReadOnlyCollection<int> CoresStillSwitching => switchPending;

    /// <summary>Enables group 1 in the distributor (once, from the boot core).</summary>
    private void EnableDistributor() =>
        Machine.Bus.TryWriteDevice(0, PlatformMap.GicDistributorBase, 4, DistributorEnableGroup1);

    /// <summary>Makes the switch SGI a group-1 interrupt enabled at a core's redistributor, and opens its CPU interface to it.</summary>
    private void EnableSwitchIpi(Core core)
    {
        var frame = PlatformMap.GicRedistributorBase + ((ulong)core.CoreId * PlatformMap.GicRedistributorStride) + SgiFrame;
        Machine.Bus.TryWriteDevice(core.CoreId, frame + GroupRegister0, 4, 1UL << SwitchSgi);
        Machine.Bus.TryWriteDevice(core.CoreId, frame + SetEnableRegister0, 4, 1UL << SwitchSgi);
        core.WriteSystemRegister(IccPmr, 0xF0);
        core.WriteSystemRegister(IccIgrpen1, 1);
    }

    /// <summary>Sends the switch SGI from one core to another (ICC_SGI1R_EL1: target list in Aff0, INTID in bits 27:24).</summary>
    private static void SendSwitchIpi(Core from, int target) =>
        from.WriteSystemRegister(IccSgi1r, ((ulong)(target / 16) << 16) | (1UL << (target % 16)) | ((ulong)SwitchSgi << 24));

    /// <summary>A physical IRQ at EL2: acknowledge it and, for the switch IPI, bring this core to the foreground persona.</summary>
    private string HandleInterrupt(Core core, List<SpecStep> steps)
    {
        var intid = (int)core.ReadSystemRegister(IccIar1);
        if (intid == Gicv3.SpuriousInterrupt)
            return "spurious IRQ";
        core.WriteSystemRegister(IccEoir1, (ulong)intid);
        if (intid != SwitchSgi)
        {
            Note($"core {core.CoreId}: unexpected physical interrupt {intid}, acknowledged and ignored");
            return $"IRQ {intid}";
        }
        if (switchPending.Remove(core.CoreId))
        {
            SwitchCore(core, Foreground);
            if (switchPending.Count == 0)
                CompleteSwitch(steps);
        }
        return $"switch IPI (SGI {SwitchSgi})";
    }
}
