namespace Persona.Hypervisor.Devices;

/// <summary>Where each persona sees its emulated devices, and the virtual interrupts they raise (guests/persona/kernel.h).</summary>
public static class DeviceLayout
{
    /// <summary>The persona's virtio-mmio block device (IPA): never mapped, every access traps to the storage mediator.</summary>
    public const ulong StorageIpa = 0x0a00_0000;

    /// <summary>The persona's modem line (IPA): never mapped, every access traps to the modem mediator.</summary>
    public const ulong ModemIpa = 0x0a00_1000;

    /// <summary>The IPA of each persona's alert inbox (<see cref="AlertInbox"/>).</summary>
    public const ulong AlertIpa = 0x0a00_2000;

    /// <summary>The size of each emulated device's window.</summary>
    public const ulong WindowSize = 0x1000;

    /// <summary>Whether an IPA falls inside a window starting at <paramref name="window"/>.</summary>
    public static bool InWindow(ulong ipa, ulong window) => ipa >= window && ipa < window + WindowSize;
}

/// <summary>The virtual interrupts a persona receives through the list registers (its own INTIDs, the same in both personas).</summary>
public enum VirtualInterrupt
{
    /// <summary>The virtual timer's PPI (CNTV), backed by the physical PPI 27 of the core it runs on.</summary>
    Timer = 27,

    /// <summary>The block device's used-buffer notification (SPI).</summary>
    Storage = 48,

    /// <summary>The modem line's ring or remote hang-up (SPI).</summary>
    Modem = 49,

    /// <summary>An app alert waits in the persona's alert inbox (SPI).</summary>
    Alert = 50,

    /// <summary>The other persona posted a note on the notification channel (its doorbell hypercall; SPI).</summary>
    Note = 51,
}
