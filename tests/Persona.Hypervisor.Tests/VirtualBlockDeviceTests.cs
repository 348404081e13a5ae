using System.Buffers.Binary;
using Persona.Hypervisor.Devices;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Tests;

/// <summary>The per-persona virtio-blk device on a hostile driver: requests reach only the persona's partition, buffers only its memory.</summary>
public sealed class VirtualBlockDeviceTests
{
    private const ulong Ram = 0x4000_0000;
    private const ulong Descriptors = Ram + 0x1000;
    private const ulong AvailableRing = Ram + 0x2000;
    private const ulong UsedRing = Ram + 0x3000;
    private const ulong Header = Ram + 0x4000;
    private const ulong Data = Ram + 0x5000;
    private const ulong Status = Ram + 0x6000;
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private readonly FakeGuestMemory memory = new(Ram, 0x10000);
    private readonly StorageMediator storage;
    private readonly VirtualBlockDevice device;

    public VirtualBlockDeviceTests()
    {
        var platform = DefaultPlatform.Load();
        storage = new StorageMediator(platform, new EmmcStore((long)platform.Partitions.Max(p => p.FirstBlock + p.Blocks)), () => Key);
        device = new VirtualBlockDevice(Component.Work, storage, memory);
        device.Write(0x038, 8);
        Set(0x080, Descriptors);
        Set(0x090, AvailableRing);
        Set(0x0a0, UsedRing);
        device.Write(0x044, 1);
    }

    private void Set(ulong register, ulong address)
    {
        device.Write(register, (uint)address);
        device.Write(register + 4, (uint)(address >> 32));
    }

    private void Put(ulong ipa, ReadOnlySpan<byte> bytes) => Assert.True(memory.TryWrite(ipa, bytes));

    private void Descriptor(int index, ulong address, uint length, ushort flags, ushort next)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, address);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), length);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(12), flags);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(14), next);
        Put(Descriptors + (16UL * (ulong)index), bytes);
    }

    /// <summary>Makes one request (header, one data buffer, status) available and notifies; returns the status byte.</summary>
    private byte Request(bool write, ulong sector, ulong buffer, uint length, ushort requestNumber)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, write ? 1u : 0u);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), sector);
        Put(Header, header);
        Put(Status, [0xff]);
        Descriptor(0, Header, 16, 1, 1);
        Descriptor(1, buffer, length, (ushort)(write ? 1 : 3), 2);
        Descriptor(2, Status, 1, 2, 0);
        var ring = new byte[2];
        Put(AvailableRing + 4 + (2UL * (ulong)(requestNumber % 8)), ring);
        BinaryPrimitives.WriteUInt16LittleEndian(ring, (ushort)(requestNumber + 1));
        Put(AvailableRing + 2, ring);
        device.Write(0x050, 0);
        var status = new byte[1];
        Assert.True(memory.TryRead(Status, status));
        return status[0];
    }

    [Fact]
    public void WrittenSectorReadsBackAndIsCiphertextOnTheEmmc()
    {
        var record = "work memo: CONFIDENTIAL"u8.ToArray();
        Put(Data, record);
        Assert.Equal(0, Request(write: true, sector: 16, Data, 512, 0));
        Put(Data, new byte[512]);
        Assert.Equal(0, Request(write: false, sector: 16, Data, 512, 1));
        var back = new byte[record.Length];
        memory.TryRead(Data, back);
        Assert.Equal(record, back);
        var physical = (long)storage.PartitionOf(Component.Work)!.FirstBlock + 16;
        Assert.Equal([physical], storage.Emmc.WrittenSectors);
        Assert.Equal(-1, storage.Emmc.RawSector(physical).AsSpan().IndexOf("CONFIDENTIAL"u8));
        Assert.True(device.TakeInterruptRequest());
    }

    [Fact]
    public void DescriptorPointingAtForeignMemoryFailsWithoutACopy()
    {
        Put(Data, "work data"u8);
        // The data buffer lies past the persona's RAM (another persona's page, as far as this device can tell).
        Assert.Equal(1, Request(write: true, sector: 0, Ram + 0x10000, 512, 0));
        Assert.Equal(1, Request(write: false, sector: 0, Ram + 0xFF00, 512, 1));
        Assert.Empty(storage.Emmc.WrittenSectors);
        Assert.Contains(device.Completed, c => c.Refusal is not null && c.Refusal.Contains("not the persona's memory", StringComparison.Ordinal));
    }

    [Fact]
    public void RequestOutsideThePartitionIsRefused()
    {
        var blocks = storage.PartitionOf(Component.Work)!.Blocks;
        Assert.Equal(1, Request(write: true, sector: blocks, Data, 512, 0));
        Assert.Equal(1, Request(write: true, sector: blocks - 1, Data, 1024, 1));
        Assert.Equal(0, Request(write: true, sector: blocks - 1, Data, 512, 2));
        Assert.Equal(StorageOutcome.OutsidePartition, device.Completed[0].Outcome);
        Assert.Single(storage.Emmc.WrittenSectors);
    }

    [Fact]
    public void DescriptorChainThatLoopsIsRefusedNotFollowedForever()
    {
        Put(Status, [0xff]);
        Descriptor(0, Header, 16, 1, 1);
        Descriptor(1, Data, 512, 1, 0); // loops back to the head
        var ring = new byte[2];
        Put(AvailableRing + 4, ring);
        BinaryPrimitives.WriteUInt16LittleEndian(ring, 1);
        Put(AvailableRing + 2, ring);
        device.Write(0x050, 0);
        Assert.Contains(device.Completed, c => c.Refusal is not null && c.Refusal.Contains("malformed", StringComparison.Ordinal));
        Assert.Empty(storage.Emmc.WrittenSectors);
    }

    [Fact]
    public void WorkPartitionFailsOnceTheKeyIsDestroyed()
    {
        byte[]? key = Key;
        var platform = DefaultPlatform.Load();
        var mediator = new StorageMediator(platform, new EmmcStore((long)platform.Partitions.Max(p => p.FirstBlock + p.Blocks)), () => key);
        var sector = new byte[512];
        Assert.Equal(StorageOutcome.Done, mediator.Transfer(Component.Work, write: true, 3, sector));
        key = null;
        Assert.Equal(StorageOutcome.KeyDestroyed, mediator.Transfer(Component.Work, write: false, 3, sector));
        Assert.Equal(StorageOutcome.Done, mediator.Transfer(Component.Personal, write: false, 3, sector));
    }
}
