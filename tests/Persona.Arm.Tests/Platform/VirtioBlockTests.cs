using System.Buffers.Binary;
using Persona.Arm.Contracts;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Tests.Platform;

public class VirtioBlockTests
{
    private const ulong Ram = 0x4000_0000;
    private const ulong Descriptors = Ram + 0x1000;
    private const ulong Available = Ram + 0x2000;
    private const ulong Used = Ram + 0x3000;
    private const ulong Header = Ram + 0x4000;
    private const ulong Buffer = Ram + 0x5000;
    private const ulong Status = Ram + 0x6000;
    private const int QueueSize = 8;

    private sealed class Lines : IInterruptLines
    {
        public bool Level { get; private set; }

        public void SetLevel(int coreId, int interruptId, bool level) => Level = level;
    }

    private readonly PhysicalBus bus = new(new RamRegion(Ram, new byte[0x10000]));
    private readonly MemoryBlockStore disk = new(new byte[8 * VirtioBlock.SectorSize]);
    private readonly Lines lines = new();
    private readonly VirtioBlock device;
    private ushort nextAvailable;

    public VirtioBlockTests()
    {
        device = new VirtioBlock(disk, bus, lines, PlatformMap.VirtioBlockInterrupt);
        Write(0x070, 0x1 | 0x2 | 0x8); // ACKNOWLEDGE | DRIVER | FEATURES_OK
        Write(0x038, QueueSize);
        Write(0x080, (uint)Descriptors);
        Write(0x090, (uint)Available);
        Write(0x0A0, (uint)Used);
        Write(0x044, 1);
        Write(0x070, 0xF);
    }

    private void Write(ulong offset, ulong value) => Assert.True(device.TryWrite(0, offset, 4, value));

    private ulong Read(ulong offset, int size = 4)
    {
        Assert.True(device.TryRead(0, offset, size, out var value));
        return value;
    }

    private Span<byte> At(ulong address, int length) => bus.Ram.Bytes.AsSpan((int)(address - Ram), length);

    private void Descriptor(int index, ulong address, uint length, ushort flags, ushort next)
    {
        var d = At(Descriptors + ((ulong)index * 16), 16);
        BinaryPrimitives.WriteUInt64LittleEndian(d, address);
        BinaryPrimitives.WriteUInt32LittleEndian(d[8..], length);
        BinaryPrimitives.WriteUInt16LittleEndian(d[12..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(d[14..], next);
    }

    private byte Submit(uint type, ulong sector, ulong dataAddress, uint dataLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(At(Header, 4), type);
        BinaryPrimitives.WriteUInt64LittleEndian(At(Header + 8, 8), sector);
        At(Status, 1)[0] = 0xFF;
        Descriptor(0, Header, 16, 1, 1);
        Descriptor(1, dataAddress, dataLength, (ushort)(1 | (type == 0 ? 2 : 0)), 2);
        Descriptor(2, Status, 1, 2, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(At(Available + 4 + (2 * (ulong)(nextAvailable % QueueSize)), 2), 0);
        nextAvailable++;
        BinaryPrimitives.WriteUInt16LittleEndian(At(Available + 2, 2), nextAvailable);
        Write(0x050, 0);
        return At(Status, 1)[0];
    }

    [Fact]
    public void Identification_IsVirtioMmioVersion2Block()
    {
        Assert.Equal(0x7472_6976UL, Read(0x000));
        Assert.Equal(2UL, Read(0x004));
        Assert.Equal(2UL, Read(0x008));
        Assert.Equal(8UL, Read(0x100, 8));
        Write(0x014, 1);
        Assert.Equal(1UL, Read(0x010)); // VIRTIO_F_VERSION_1
    }

    [Fact]
    public void WriteThenRead_MovesSectorsAndCompletesInUsedRing()
    {
        "persona!"u8.CopyTo(At(Buffer, 8));
        Assert.Equal(0, Submit(type: 1, sector: 3, Buffer, VirtioBlock.SectorSize));
        Assert.Equal("persona!"u8.ToArray(), disk.Bytes[(3 * 512)..((3 * 512) + 8)]);
        Assert.True(lines.Level);
        Write(0x064, 1);
        Assert.False(lines.Level);

        At(Buffer, 512).Clear();
        Assert.Equal(0, Submit(type: 0, sector: 3, Buffer, VirtioBlock.SectorSize));
        Assert.Equal("persona!"u8.ToArray(), At(Buffer, 8).ToArray());
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(At(Used + 2, 2)));
        Assert.Equal(513u, BinaryPrimitives.ReadUInt32LittleEndian(At(Used + 4 + 8 + 4, 4)));
    }

    [Fact]
    public void SectorPastEnd_GetsIoErrorStatusAndFullWritableLength()
    {
        Assert.Equal(1, Submit(type: 0, sector: 8, Buffer, VirtioBlock.SectorSize));
        Assert.Equal(513u, BinaryPrimitives.ReadUInt32LittleEndian(At(Used + 4 + 4, 4))); // as QEMU: every writable byte
        Assert.Equal(1, Submit(type: 1, sector: 7, Buffer, 2 * VirtioBlock.SectorSize));
    }

    [Fact]
    public void HostileDescriptors_OutsideRam_NeverThrow()
    {
        var random = new Random(1234);
        for (var i = 0; i < 200; i++)
        {
            var d = At(Descriptors, QueueSize * 16);
            random.NextBytes(d);
            BinaryPrimitives.WriteUInt16LittleEndian(At(Available + 4, 2), (ushort)random.Next(0, 2 * QueueSize));
            nextAvailable++;
            BinaryPrimitives.WriteUInt16LittleEndian(At(Available + 2, 2), nextAvailable);
            Write(0x050, 0);
        }
        Write(0x080, 0xFFFF_FFF0);
        Write(0x084, 0xFFFF_FFFF);
        Write(0x050, 0);
        Assert.Equal(0x40UL, Read(0x070) & 0x40); // DEVICE_NEEDS_RESET, not a host exception
    }
}
