using Persona.Arm.Contracts;

namespace Persona.Arm.Platform.Devices;

/// <summary>A virtio block device on a virtio-mmio transport, version 2 (virtio 1.x), with one split virtqueue.</summary>
/// <remarks>Requests are served synchronously when the driver writes QueueNotify, so completion is deterministic. Every
/// guest-supplied address and length is checked against RAM and the disk: a bad request gets an I/O error status,
/// never a host exception.</remarks>
public sealed partial class VirtioBlock : IMmioDevice
{
    /// <summary>The virtio block sector size.</summary>
    public const int SectorSize = 512;

    /// <summary>The largest queue the device offers.</summary>
    public const int MaxQueueSize = 256;

    private const uint Magic = 0x7472_6976;
    private const uint TransportVersion = 2;
    private const uint BlockDeviceId = 2;
    private const uint VendorQemu = 0x554D_4551;
    private const ulong FeatureVersion1 = 1UL << 32;
    private const ulong FeatureFlush = 1UL << 9;
    private const uint StatusDeviceNeedsReset = 0x40;

    private readonly IBlockStore store;
    private readonly IPhysicalBus bus;
    private readonly IInterruptLines lines;
    private readonly int interruptId;
    private uint deviceFeaturesSelect;
    private uint driverFeaturesSelect;
    private ulong driverFeatures;
    private uint queueSize = MaxQueueSize;
    private bool queueReady;
    private ulong descriptorTable;
    private ulong availableRing;
    private ulong usedRing;
    private ushort lastAvailable;
    private uint interruptStatus;
    private uint status;

    /// <summary>Creates the device over <paramref name="store"/>, reaching guest memory through <paramref name="bus"/>, interrupting on <paramref name="interruptId"/>.</summary>
    public VirtioBlock(IBlockStore store, IPhysicalBus bus, IInterruptLines lines, int interruptId)
    {
        this.store = store;
        this.bus = bus;
        this.lines = lines;
        this.interruptId = interruptId;
    }

    /// <summary>The features the device offers: VERSION_1 and FLUSH.</summary>
    public static ulong DeviceFeatures => FeatureVersion1 | FeatureFlush;

    /// <inheritdoc />
    public bool TryRead(int coreId, ulong offset, int size, out ulong value)
    {
        value = offset switch
        {
            0x000 => Magic,
            0x004 => TransportVersion,
            0x008 => BlockDeviceId,
            0x00C => VendorQemu,
            0x010 => deviceFeaturesSelect switch { 0 => (uint)DeviceFeatures, 1 => (uint)(DeviceFeatures >> 32), _ => 0 },
            0x034 => MaxQueueSize,
            0x044 => queueReady ? 1UL : 0,
            0x060 => interruptStatus,
            0x070 => status,
            0x0FC => 0,
            >= 0x100 and < 0x108 => ConfigByteRange(offset - 0x100, size),
            _ => 0,
        };
        return true;
    }

    /// <inheritdoc />
    public bool TryWrite(int coreId, ulong offset, int size, ulong value)
    {
        var word = (uint)value;
        switch (offset)
        {
            case 0x014: deviceFeaturesSelect = word; break;
            case 0x020: driverFeatures = driverFeaturesSelect == 0 ? (driverFeatures & ~0xFFFF_FFFFUL) | word : (driverFeatures & 0xFFFF_FFFF) | ((ulong)word << 32); break;
            case 0x024: driverFeaturesSelect = word; break;
            case 0x038: queueSize = word; break;
            case 0x044: queueReady = (word & 1) != 0; break;
            case 0x050: ServeQueue(); break;
            case 0x064: AcknowledgeInterrupt(word); break;
            case 0x070: SetStatus(word); break;
            case 0x080: descriptorTable = Low(descriptorTable, word); break;
            case 0x084: descriptorTable = High(descriptorTable, word); break;
            case 0x090: availableRing = Low(availableRing, word); break;
            case 0x094: availableRing = High(availableRing, word); break;
            case 0x0A0: usedRing = Low(usedRing, word); break;
            case 0x0A4: usedRing = High(usedRing, word); break;
        }
        return true;
    }

    private static ulong Low(ulong register, uint word) => (register & ~0xFFFF_FFFFUL) | word;

    private static ulong High(ulong register, uint word) => (register & 0xFFFF_FFFF) | ((ulong)word << 32);

    /// <summary>The configuration space: capacity in 512-byte sectors (a little-endian u64 at 0x100).</summary>
    private ulong ConfigByteRange(ulong offset, int size)
    {
        var capacity = (ulong)(store.Length / SectorSize);
        var shifted = capacity >> (int)(8 * offset);
        return size >= 8 ? shifted : shifted & ((1UL << (8 * size)) - 1);
    }

    private void SetStatus(uint value)
    {
        if (value != 0)
        {
            status = value;
            return;
        }
        // Writing zero resets the device.
        status = 0;
        driverFeatures = 0;
        queueReady = false;
        queueSize = MaxQueueSize;
        descriptorTable = availableRing = usedRing = 0;
        lastAvailable = 0;
        AcknowledgeInterrupt(uint.MaxValue);
    }

    private void AcknowledgeInterrupt(uint bits)
    {
        interruptStatus &= ~bits;
        lines.SetLevel(0, interruptId, interruptStatus != 0);
    }

    private void RaiseUsedBufferInterrupt()
    {
        interruptStatus |= 1;
        lines.SetLevel(0, interruptId, true);
    }

    private void FailDevice()
    {
        status |= StatusDeviceNeedsReset;
        interruptStatus |= 2;
        lines.SetLevel(0, interruptId, true);
    }
}
