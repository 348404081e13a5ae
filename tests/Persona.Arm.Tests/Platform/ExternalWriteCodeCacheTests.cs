using System.Buffers.Binary;
using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;
using Persona.Arm.Tests.Cpu.Support;

namespace Persona.Arm.Tests.Platform;

/// <summary>Writes to RAM that do not come from a core's store (virtio DMA, the bus, the write view) drop the decoded code of the pages they touch.</summary>
public sealed class ExternalWriteCodeCacheTests
{
    private const ulong Ram = 0x4000_0000;
    private const ulong Code = Ram + 0x8000;
    private const ulong Descriptors = Ram + 0x1000;
    private const ulong Available = Ram + 0x2000;
    private const ulong Used = Ram + 0x3000;
    private const ulong Header = Ram + 0x4000;
    private const ulong Status = Ram + 0x6000;
    private const uint MovX0One = 0xD2800020;   // movz x0, #1
    private const uint MovX0Two = 0xD2800040;   // movz x0, #2
    private const uint MovX0Three = 0xD2800060; // movz x0, #3
    private const uint Wfi = 0xD503207F;
    private const uint BranchBackTwo = 0x17FFFFFE; // b .-8

    private readonly PhysicalBus bus = new(new RamRegion(Ram, new byte[0x10000]));
    private readonly Core core;

    // A core at EL2 (MMU off) looping "movz x0, #1; wfi; b .-8": each wake-up re-executes the first instruction.
    public ExternalWriteCodeCacheTests()
    {
        foreach (var (word, index) in new[] { MovX0One, Wfi, BranchBackTwo }.Select((w, i) => (w, i)))
            BinaryPrimitives.WriteUInt32LittleEndian(bus.Ram.Bytes.AsSpan((int)(Code - Ram) + (index * 4)), word);
        core = new Core(0, bus, new TestPlatform(), []);
        core.Reset(Code, 2);
        RunToWfi();
        Assert.Equal(1UL, core.GetX(0));
    }

    private void RunToWfi()
    {
        core.Wake();
        Assert.Equal(StopReason.WaitingForInterrupt, core.Run(100).Reason);
    }

    [Fact]
    public void VirtioBlockRead_OverExecutedCode_RunsTheNewInstruction()
    {
        var disk = new MemoryBlockStore(new byte[8 * VirtioBlock.SectorSize]);
        BinaryPrimitives.WriteUInt32LittleEndian(disk.Bytes.AsSpan(VirtioBlock.SectorSize), MovX0Two);
        var device = new VirtioBlock(disk, bus, new NoLines(), PlatformMap.VirtioBlockInterrupt);
        ReadSectorByDma(device, sector: 1, destination: Code, length: 4);
        RunToWfi();
        Assert.Equal(2UL, core.GetX(0));
    }

    [Fact]
    public void BusWriteToRam_OverExecutedCode_RunsTheNewInstruction()
    {
        Assert.True(bus.TryWriteDevice(0, Code, 4, MovX0Three));
        RunToWfi();
        Assert.Equal(3UL, core.GetX(0));
    }

    [Fact]
    public void WriteView_OverExecutedCode_RunsTheNewInstruction_ButRawBytesWriteDoesNot()
    {
        // Writing the array directly bypasses invalidation: the stale decoded instruction runs (this is why the view exists).
        BinaryPrimitives.WriteUInt32LittleEndian(bus.Ram.Bytes.AsSpan((int)(Code - Ram)), MovX0Two);
        RunToWfi();
        Assert.Equal(1UL, core.GetX(0));
        BinaryPrimitives.WriteUInt32LittleEndian(bus.Ram.SpanForWrite(Code, 4), MovX0Three);
        RunToWfi();
        Assert.Equal(3UL, core.GetX(0));
    }

    [Fact]
    public void WriteView_OutsideRam_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => bus.Ram.SpanForWrite(Ram + 0xFFFE, 4));

    // Drives the device as a driver would: one queue of 8 at fixed addresses, a three-descriptor IN request, then a notify.
    private void ReadSectorByDma(VirtioBlock device, ulong sector, ulong destination, uint length)
    {
        foreach (var (offset, value) in new (ulong, ulong)[]
        {
            (0x070, 0x1 | 0x2 | 0x8), (0x038, 8), (0x080, Descriptors), (0x090, Available), (0x0A0, Used), (0x044, 1), (0x070, 0xF),
        })
        {
            Assert.True(device.TryWrite(0, offset, 4, value));
        }
        BinaryPrimitives.WriteUInt32LittleEndian(At(Header, 4), 0); // VIRTIO_BLK_T_IN
        BinaryPrimitives.WriteUInt64LittleEndian(At(Header + 8, 8), sector);
        Descriptor(0, Header, 16, flags: 1, next: 1);
        Descriptor(1, destination, length, flags: 1 | 2, next: 2);
        Descriptor(2, Status, 1, flags: 2, next: 0);
        BinaryPrimitives.WriteUInt16LittleEndian(At(Available + 4, 2), 0);
        BinaryPrimitives.WriteUInt16LittleEndian(At(Available + 2, 2), 1);
        Assert.True(device.TryWrite(0, 0x050, 4, 0));
        Assert.Equal(0, At(Status, 1)[0]);
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

    private sealed class NoLines : IInterruptLines
    {
        public void SetLevel(int coreId, int interruptId, bool level)
        {
        }
    }
}
