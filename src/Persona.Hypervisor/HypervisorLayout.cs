using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>The hypervisor's fixed choices: the guest-physical map each persona sees, the VMIDs, and where the stage-2 tables live.</summary>
public static class HypervisorLayout
{
    /// <summary>Where each persona's RAM starts in its own guest-physical (IPA) space; its kernel is linked here.</summary>
    public const ulong GuestRamIpa = 0x4000_0000;

    /// <summary>The persona's UART window (IPA): never mapped, so every access traps and the hypervisor emulates it.</summary>
    public const ulong UartIpa = 0x0900_0000;

    /// <summary>The size of the UART window.</summary>
    public const ulong UartSize = 0x1000;

    /// <summary>Where a page lent to a persona appears in its IPA space (one page per slot, upwards).</summary>
    public const ulong ChannelIpa = 0x8000_0000;

    /// <summary>How many borrowed pages a persona can have at once.</summary>
    public const int ChannelSlots = 16;

    /// <summary>The stage-2 table pool's size (where it starts follows the platform: <see cref="PlatformFit.TablePoolBase"/>).</summary>
    public const ulong TablePoolSize = 4UL << 20;

    /// <summary>The IPA size in bits (VTCR_EL2.T0SZ = 64 - this).</summary>
    public const int IpaBits = 32;

    /// <summary>VTCR_EL2: T0SZ = 32, SL0 = 1 (start at level 1), inner/outer write-back, inner shareable, 4 KiB granule, 40-bit PA.</summary>
    public const ulong Vtcr = (64 - IpaBits) | (1UL << 6) | (1UL << 8) | (1UL << 10) | (3UL << 12) | (2UL << 16) | (1UL << 31);

    /// <summary>The page size (the granule of ownership and of the stage-2 leaf entries).</summary>
    public const ulong PageSize = 4096;

    /// <summary>The VMID of a persona (the hypervisor has none).</summary>
    public static ushort VmidOf(Component persona) => persona switch
    {
        Component.Personal => 1,
        Component.Work => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(persona), persona, "only personas have a VMID"),
    };

    /// <summary>The other persona.</summary>
    public static Component Other(Component persona) => persona == Component.Personal ? Component.Work : Component.Personal;

    /// <summary>The two personas, in a fixed order.</summary>
    public static IReadOnlyList<Component> Personas { get; } = [Component.Personal, Component.Work];
}
