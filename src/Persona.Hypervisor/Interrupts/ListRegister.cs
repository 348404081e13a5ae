using Persona.Arm.Platform.Devices;

namespace Persona.Hypervisor.Interrupts;

/// <summary>Reads and builds list register values.</summary>
public static class ListRegister
{
    /// <summary>The list registers the virtual interface implements (the emulator's one definition).</summary>
    public const int Count = IchLr.Count;

    /// <summary>The priority the hypervisor gives every virtual interrupt (the middle of the range: below any guest mask of 0xff).</summary>
    public const byte Priority = 0xA0;

    private const ulong PhysicalIdMask = IchLr.PhysicalIdMask << IchLr.PhysicalIdShift;

    /// <summary>A pending group-1 virtual interrupt; with <paramref name="physical"/> it is HW-linked to that physical INTID.</summary>
    public static ulong Pending(int virtualId, int? physical = null) =>
        IchLr.Pending | IchLr.Group1 | ((ulong)Priority << IchLr.PriorityShift) | (uint)virtualId
        | (physical is { } p ? IchLr.Hardware | ((ulong)p << IchLr.PhysicalIdShift) : 0);

    /// <summary>Whether the register holds an interrupt (pending, active, or both).</summary>
    public static bool InUse(ulong lr) => (lr & IchLr.StateMask) != 0;

    /// <summary>The virtual INTID.</summary>
    public static int VirtualId(ulong lr) => (int)(lr & IchLr.VirtualIdMask);

    /// <summary>Whether the register is HW-linked.</summary>
    public static bool IsHardware(ulong lr) => (lr & IchLr.Hardware) != 0;

    /// <summary>The same interrupt, HW-linked to a physical INTID.</summary>
    public static ulong LinkHardware(ulong lr, int physical) =>
        (lr & ~PhysicalIdMask) | IchLr.Hardware | ((ulong)physical << IchLr.PhysicalIdShift);

    /// <summary>A software interrupt raised again while its list register still holds it: pending stays pending, active becomes
    /// pending and active, so the guest takes it again after its end of interrupt (a second modem event is not lost).</summary>
    public static ulong Reassert(ulong lr) => IsHardware(lr) ? lr : lr | IchLr.Pending;

    /// <summary>The same interrupt, no longer HW-linked (the hypervisor has deactivated the physical one itself).</summary>
    public static ulong UnlinkHardware(ulong lr) => lr & ~(PhysicalIdMask | IchLr.Hardware);
}
