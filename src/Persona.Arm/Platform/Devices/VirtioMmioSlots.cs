namespace Persona.Arm.Platform.Devices;

/// <summary>QEMU virt's 32 virtio-mmio transports at 0x0A00_0000: occupied slots forward to their device, empty ones
/// answer as an absent device (magic, version 2, device id 0) so that drivers probing the whole range see what they see on QEMU.</summary>
public sealed class VirtioMmioSlots : IMmioDevice
{
    /// <summary>The number of transports.</summary>
    public const int SlotCount = 32;

    private const uint Magic = 0x7472_6976;
    private const uint TransportVersion = 2;
    private const uint VendorQemu = 0x554D_4551;

    private readonly IMmioDevice?[] slots = new IMmioDevice?[SlotCount];

    /// <summary>Puts <paramref name="device"/> in transport <paramref name="slot"/> (QEMU fills from slot 31 downwards).</summary>
    public void Attach(int slot, IMmioDevice device) => slots[slot] = device;

    /// <inheritdoc />
    public bool TryRead(int coreId, ulong offset, int size, out ulong value)
    {
        if (slots[offset / PlatformMap.VirtioSize] is { } device)
            return device.TryRead(coreId, offset % PlatformMap.VirtioSize, size, out value);
        value = (offset % PlatformMap.VirtioSize) switch
        {
            0x000 => Magic,
            0x004 => TransportVersion,
            0x00C => VendorQemu,
            _ => 0,
        };
        return true;
    }

    /// <inheritdoc />
    public bool TryWrite(int coreId, ulong offset, int size, ulong value) =>
        slots[offset / PlatformMap.VirtioSize] is not { } device || device.TryWrite(coreId, offset % PlatformMap.VirtioSize, size, value);
}
