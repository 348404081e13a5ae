namespace Persona.Arm.Platform.Devices;

/// <summary>One core's GICv3 CPU interface state (ICC_*) and its virtual interface state (ICH_*).</summary>
internal sealed class CpuInterface
{
    /// <summary>The priority bits implemented (5, as QEMU's GICv3 CPU interface): values are masked to their top 5 bits.</summary>
    public const int PriorityBits = 5;

    public byte PriorityMask;
    public uint BinaryPoint0 = 2;
    public uint BinaryPoint1 = 3;
    public uint Control;
    public bool Group0Enabled;
    public bool Group1Enabled;
    public uint ActivePriorities0;
    public uint ActivePriorities1;
    public uint Waker = Gicv3.WakerProcessorSleep | Gicv3.WakerChildrenAsleep;
    public ulong SystemRegisterEnableEl1 = 0x7;
    public ulong SystemRegisterEnableEl2 = 0xF;
    public readonly VirtualInterface Virtual = new();

    /// <summary>Keeps the implemented top bits of a priority.</summary>
    public static byte Mask(byte priority) => (byte)(priority & (0xFF << (8 - PriorityBits)));

    /// <summary>The running priority: that of the highest-priority active group (lowest set bit of the active-priority registers), or idle 0xFF.</summary>
    public byte RunningPriority => RunningFrom(ActivePriorities0 | ActivePriorities1);

    /// <summary>Converts a set of active priority bits to the running priority.</summary>
    public static byte RunningFrom(uint activeBits) =>
        activeBits == 0 ? (byte)0xFF : (byte)(System.Numerics.BitOperations.TrailingZeroCount(activeBits) << (8 - PriorityBits));

    /// <summary>The active-priority bit that a priority occupies.</summary>
    public static uint ActiveBit(byte priority) => 1u << (priority >> (8 - PriorityBits));

    /// <summary>Clears the highest-priority active bit (the priority drop on EOI).</summary>
    public static uint DropHighest(uint activeBits) => activeBits & (activeBits - 1);
}

/// <summary>The GICv3 virtual CPU interface of one core: ICH_HCR, ICH_VMCR, four list registers and the virtual active priorities.</summary>
internal sealed class VirtualInterface
{
    public const int ListRegisterCount = 4;

    /// <summary>ICH_VMCR_EL2 at reset as QEMU has it: VFIQEn (RES1 without legacy support), VBPR0 = 2, VBPR1 = 3 (the minimum binary points for 5 preemption bits).</summary>
    public const ulong MachineControlReset = IchVmcr.VirtualFiqEnable | (3UL << IchVmcr.BinaryPoint1Shift) | (2UL << IchVmcr.BinaryPoint0Shift);

    public ulong Control;
    public ulong MachineControl = MachineControlReset;
    public readonly ulong[] ListRegisters = new ulong[ListRegisterCount];
    public uint ActivePriorities0;
    public uint ActivePriorities1;
}

/// <summary>ICH_HCR_EL2 bits.</summary>
internal static class IchHcr
{
    public const ulong Enable = 1 << 0;
    public const ulong UnderflowInterruptEnable = 1 << 1;
    public const ulong ListEntryNotPresentInterruptEnable = 1 << 2;
    public const ulong NoPendingInterruptEnable = 1 << 3;
    public const ulong VirtualGroup0EnabledInterruptEnable = 1 << 4;
    public const ulong VirtualGroup0DisabledInterruptEnable = 1 << 5;
    public const ulong VirtualGroup1EnabledInterruptEnable = 1 << 6;
    public const ulong VirtualGroup1DisabledInterruptEnable = 1 << 7;
    public const int EoiCountShift = 27;
    public const ulong EoiCountMask = 0x1FUL << EoiCountShift;
}

/// <summary>ICH_VMCR_EL2 fields.</summary>
internal static class IchVmcr
{
    public const ulong EnableGroup0 = 1 << 0;
    public const ulong EnableGroup1 = 1 << 1;
    public const ulong VirtualFiqEnable = 1 << 3;
    public const ulong CommonBinaryPoint = 1 << 4;
    public const ulong EoiMode = 1 << 9;
    public const int BinaryPoint1Shift = 18;
    public const int BinaryPoint0Shift = 21;
    public const int PriorityMaskShift = 24;
}

/// <summary>ICH_LR&lt;n&gt;_EL2 fields (GICv3): the one definition of the list-register layout, read by the virtual interface
/// and by the hypervisor that fills the registers.</summary>
public static class IchLr
{
    /// <summary>The list registers the virtual interface implements (ICH_VTR_EL2.ListRegs + 1).</summary>
    public const int Count = VirtualInterface.ListRegisterCount;

    /// <summary>vINTID, bits [31:0].</summary>
    public const ulong VirtualIdMask = 0xFFFF_FFFF;

    /// <summary>The shift of pINTID (bits [41:32] when HW is set).</summary>
    public const int PhysicalIdShift = 32;

    /// <summary>pINTID's width mask, before shifting.</summary>
    public const ulong PhysicalIdMask = 0x3FF;

    /// <summary>EOI: maintenance interrupt on deactivation (when HW is clear).</summary>
    public const ulong EoiMaintenance = 1UL << 41;

    /// <summary>The shift of the priority field (bits [55:48]).</summary>
    public const int PriorityShift = 48;

    /// <summary>Group 1 (signalled as IRQ).</summary>
    public const ulong Group1 = 1UL << 60;

    /// <summary>HW: the guest's deactivation deactivates the physical INTID too.</summary>
    public const ulong Hardware = 1UL << 61;

    /// <summary>State: pending.</summary>
    public const ulong Pending = 1UL << 62;

    /// <summary>State: active.</summary>
    public const ulong Active = 1UL << 63;

    /// <summary>Both state bits.</summary>
    public const ulong StateMask = Pending | Active;
}
