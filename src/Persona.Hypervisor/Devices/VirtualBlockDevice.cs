using System.Buffers.Binary;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Devices;

/// <summary>A persona's virtio-mmio (version 2) block device, emulated by the hypervisor on trapped accesses: one split virtqueue
/// in the persona's RAM, served when the queue is notified, each request forwarded to the storage mediator.</summary>
/// <remarks>The guest is hostile: every ring and buffer is read through <see cref="IGuestMemory"/> (only the persona's own pages),
/// chains are bounded by the queue size, and a request that names foreign memory completes with an I/O error, never a copy.</remarks>
public sealed partial class VirtualBlockDevice(Component persona, StorageMediator storage, IGuestMemory memory)
{
    /// <summary>The largest queue the device offers.</summary>
    public const int MaxQueueSize = 16;

    /// <summary>The largest data transfer of one request.</summary>
    public const int MaxTransfer = 64 * 1024;

    private uint status;
    private uint driverFeaturesSelect;
    private uint deviceFeaturesSelect;
    private uint queueSize;
    private bool queueReady;
    private ulong descriptorTable;
    private ulong driverRing;
    private ulong deviceRing;
    private ushort lastAvailable;
    private uint interruptStatus;

    /// <summary>The persona this device serves.</summary>
    public Component Persona => persona;

    /// <summary>Set when a request completed since the last call: the hypervisor raises the storage interrupt.</summary>
    public bool TakeInterruptRequest()
    {
        var raised = interruptRequested;
        interruptRequested = false;
        return raised;
    }

    private bool interruptRequested;

    /// <summary>What the last requests amounted to, for the hypervisor's log and spec steps: (write?, outcome, sector, sectors).</summary>
    public List<(bool Write, StorageOutcome? Outcome, ulong Sector, int Sectors, string? Refusal)> Completed { get; } = [];

    /// <summary>A 32-bit register read at an offset in the window.</summary>
    public uint Read(ulong offset) => offset switch
    {
        Registers.Magic => 0x7472_6976,
        Registers.Version => 2,
        Registers.DeviceId => 2,
        Registers.VendorId => 0x554D_4551,
        Registers.DeviceFeatures => deviceFeaturesSelect == 1 ? 1u : 0u, // VIRTIO_F_VERSION_1 (bit 32)
        Registers.QueueNumMax => MaxQueueSize,
        Registers.QueueReady => queueReady ? 1u : 0u,
        Registers.InterruptStatus => interruptStatus,
        Registers.Status => status,
        Registers.ConfigGeneration => 0,
        Registers.Capacity => (uint)storage.CapacityOf(persona),
        Registers.Capacity + 4 => (uint)(storage.CapacityOf(persona) >> 32),
        _ => 0,
    };

    /// <summary>A 32-bit register write at an offset in the window.</summary>
    public void Write(ulong offset, uint value)
    {
        switch (offset)
        {
            case Registers.DeviceFeaturesSelect:
                deviceFeaturesSelect = value;
                break;
            case Registers.DriverFeaturesSelect:
                driverFeaturesSelect = value;
                break;
            case Registers.QueueNum:
                queueSize = value is > 0 and <= MaxQueueSize && (value & (value - 1)) == 0 ? value : 0;
                break;
            case Registers.QueueReady:
                queueReady = value == 1 && queueSize != 0;
                break;
            case Registers.QueueDescLow:
                descriptorTable = (descriptorTable & ~0xFFFF_FFFFUL) | value;
                break;
            case Registers.QueueDescHigh:
                descriptorTable = (descriptorTable & 0xFFFF_FFFF) | ((ulong)value << 32);
                break;
            case Registers.QueueDriverLow:
                driverRing = (driverRing & ~0xFFFF_FFFFUL) | value;
                break;
            case Registers.QueueDriverHigh:
                driverRing = (driverRing & 0xFFFF_FFFF) | ((ulong)value << 32);
                break;
            case Registers.QueueDeviceLow:
                deviceRing = (deviceRing & ~0xFFFF_FFFFUL) | value;
                break;
            case Registers.QueueDeviceHigh:
                deviceRing = (deviceRing & 0xFFFF_FFFF) | ((ulong)value << 32);
                break;
            case Registers.QueueNotify:
                if (queueReady && value == 0)
                    ServeQueue();
                break;
            case Registers.InterruptAck:
                interruptStatus &= ~value;
                break;
            case Registers.Status:
                status = value;
                if (value == 0)
                    Reset();
                break;
        }
    }

    private void Reset()
    {
        queueReady = false;
        queueSize = 0;
        lastAvailable = 0;
        interruptStatus = 0;
        descriptorTable = driverRing = deviceRing = 0;
    }

    /// <summary>Serves every request the driver has made available since the last notification.</summary>
    private void ServeQueue()
    {
        // The driver may have rewritten QueueNum to an invalid size after making the queue ready.
        if (queueSize == 0)
            return;
        Span<byte> index = stackalloc byte[2];
        if (!memory.TryRead(driverRing + 2, index))
        {
            Completed.Add((false, null, 0, 0, $"the available ring at IPA 0x{driverRing:x} is not the persona's memory"));
            return;
        }
        var available = BinaryPrimitives.ReadUInt16LittleEndian(index);
        // A hostile index cannot make the device loop: at most one queue's worth per notification.
        for (var served = 0; lastAvailable != available && served < queueSize; served++)
        {
            if (!memory.TryRead(driverRing + 4 + (2UL * (lastAvailable % queueSize)), index))
                return;
            var head = BinaryPrimitives.ReadUInt16LittleEndian(index);
            var written = Serve(head);
            if (!Complete(head, written))
                return;
            lastAvailable++;
        }
    }

    private bool Complete(ushort head, uint written)
    {
        Span<byte> entry = stackalloc byte[8];
        Span<byte> index = stackalloc byte[2];
        if (!memory.TryRead(deviceRing + 2, index))
            return false;
        var usedIndex = BinaryPrimitives.ReadUInt16LittleEndian(index);
        BinaryPrimitives.WriteUInt32LittleEndian(entry, head);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], written);
        if (!memory.TryWrite(deviceRing + 4 + (8UL * (usedIndex % queueSize)), entry))
            return false;
        BinaryPrimitives.WriteUInt16LittleEndian(index, (ushort)(usedIndex + 1));
        if (!memory.TryWrite(deviceRing + 2, index))
            return false;
        interruptStatus |= 1;
        interruptRequested = true;
        return true;
    }

    /// <summary>The virtio-mmio register offsets this device implements.</summary>
    private static class Registers
    {
        public const ulong Magic = 0x000;
        public const ulong Version = 0x004;
        public const ulong DeviceId = 0x008;
        public const ulong VendorId = 0x00c;
        public const ulong DeviceFeatures = 0x010;
        public const ulong DeviceFeaturesSelect = 0x014;
        public const ulong DriverFeatures = 0x020;
        public const ulong DriverFeaturesSelect = 0x024;
        public const ulong QueueSelect = 0x030;
        public const ulong QueueNumMax = 0x034;
        public const ulong QueueNum = 0x038;
        public const ulong QueueReady = 0x044;
        public const ulong QueueNotify = 0x050;
        public const ulong InterruptStatus = 0x060;
        public const ulong InterruptAck = 0x064;
        public const ulong Status = 0x070;
        public const ulong QueueDescLow = 0x080;
        public const ulong QueueDescHigh = 0x084;
        public const ulong QueueDriverLow = 0x090;
        public const ulong QueueDriverHigh = 0x094;
        public const ulong QueueDeviceLow = 0x0a0;
        public const ulong QueueDeviceHigh = 0x0a4;
        public const ulong ConfigGeneration = 0x0fc;
        public const ulong Capacity = 0x100;
    }
}
