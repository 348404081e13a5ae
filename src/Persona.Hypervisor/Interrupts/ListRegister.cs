namespace Persona.Hypervisor.Interrupts;

/// <summary>ICH_LR&lt;n&gt;_EL2 fields (GICv3): the virtual INTID, the physical INTID when HW is set, priority, group, state.</summary>
[Flags]
public enum ListRegisterBits : ulong
{
    /// <summary>No bit.</summary>
    None = 0,

    /// <summary>Group 1 (signalled as IRQ).</summary>
    Group1 = 1UL << 60,

    /// <summary>Hardware: the guest's deactivation deactivates the physical INTID too.</summary>
    Hardware = 1UL << 61,

    /// <summary>Pending.</summary>
    Pending = 1UL << 62,

    /// <summary>Active.</summary>
    Active = 1UL << 63,
}

/// <summary>Reads and builds list register values.</summary>
public static class ListRegister
{
    /// <summary>The list registers the virtual interface implements (ICH_VTR_EL2.ListRegs + 1).</summary>
    public const int Count = 4;

    /// <summary>The priority the hypervisor gives every virtual interrupt (the middle of the range: below any guest mask of 0xff).</summary>
    public const byte Priority = 0xA0;

    private const ulong VirtualIdMask = 0xFFFF_FFFF;
    private const int PhysicalIdShift = 32;
    private const ulong PhysicalIdMask = 0x3FFUL << PhysicalIdShift;
    private const int PriorityShift = 48;
    private const ulong StateMask = (ulong)(ListRegisterBits.Pending | ListRegisterBits.Active);

    /// <summary>A pending group-1 virtual interrupt; with <paramref name="physical"/> it is HW-linked to that physical INTID.</summary>
    public static ulong Pending(int virtualId, int? physical = null) =>
        (ulong)(ListRegisterBits.Pending | ListRegisterBits.Group1) | ((ulong)Priority << PriorityShift) | (uint)virtualId
        | (physical is { } p ? (ulong)ListRegisterBits.Hardware | ((ulong)p << PhysicalIdShift) : 0);

    /// <summary>Whether the register holds an interrupt (pending, active, or both).</summary>
    public static bool InUse(ulong lr) => (lr & StateMask) != 0;

    /// <summary>The virtual INTID.</summary>
    public static int VirtualId(ulong lr) => (int)(lr & VirtualIdMask);

    /// <summary>Whether the register is HW-linked.</summary>
    public static bool IsHardware(ulong lr) => (lr & (ulong)ListRegisterBits.Hardware) != 0;

    /// <summary>The same interrupt, HW-linked to a physical INTID.</summary>
    public static ulong LinkHardware(ulong lr, int physical) =>
        (lr & ~PhysicalIdMask) | (ulong)ListRegisterBits.Hardware | ((ulong)physical << PhysicalIdShift);

    /// <summary>The same interrupt, no longer HW-linked (the hypervisor has deactivated the physical one itself).</summary>
    public static ulong UnlinkHardware(ulong lr) => lr & ~(PhysicalIdMask | (ulong)ListRegisterBits.Hardware);
}
