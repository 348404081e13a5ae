using System.Buffers.Binary;
using Persona.Arm.Contracts;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Tests.Platform;

/// <summary>A bus with 4 MiB of RAM, an SMMU and one DMA master (stream 3), and hand-written stage-2 tables for the tests.</summary>
internal sealed class SmmuTestBench
{
    public const ulong RamBase = 0x4000_0000;
    public const ulong StreamTable = RamBase + 0x10_0000;
    public const ulong Root = RamBase + 0x11_0000;
    public const ulong Level2 = RamBase + 0x11_1000;
    public const ulong Level3 = RamBase + 0x11_2000;
    public const ulong MasterBase = 0x0A10_3000;
    public const int Stream = 3;
    public const ushort Vmid = 19;

    /// <summary>T0SZ = 32 (32-bit IOVA), SL0 = 1 (start at level 1), 4 KiB granule, 40-bit PA.</summary>
    public const ulong Vtcr = 32 | (1UL << 6) | (1UL << 8) | (1UL << 10) | (3UL << 12) | (2UL << 16) | (1UL << 31);

    public SmmuTestBench()
    {
        Bus = new PhysicalBus(new RamRegion(RamBase, new byte[4 << 20]));
        Smmu = new Smmu(Bus, 8);
        Bus.Map(PlatformMap.SmmuBase, Smmu.WindowSize, Smmu);
        Master = new DmaMaster(Bus, Smmu, Stream);
        Bus.Map(MasterBase, DmaMaster.WindowSize, Master);
        WriteSmmu(SmmuRegister.StreamTableBase, StreamTable);
        WriteSmmu(SmmuRegister.Control, 1);
    }

    public PhysicalBus Bus { get; }

    public Smmu Smmu { get; }

    public DmaMaster Master { get; }

    public void WriteSmmu(SmmuRegister register, ulong value) => Assert.True(Bus.TryWriteDevice(0, PlatformMap.SmmuBase + (ulong)register, 8, value));

    public ulong ReadSmmu(SmmuRegister register)
    {
        Assert.True(Bus.TryReadDevice(0, PlatformMap.SmmuBase + (ulong)register, 8, out var value));
        return value;
    }

    public void Command(SmmuCommand command, ulong argument0 = 0, ulong argument1 = 0)
    {
        WriteSmmu(SmmuRegister.CommandArgument0, argument0);
        WriteSmmu(SmmuRegister.CommandArgument1, argument1);
        WriteSmmu(SmmuRegister.Command, (ulong)command);
    }

    /// <summary>Points the stream at the level-1 root (the tables cover IOVA 0x8000_0000..0x801F_FFFF through one level-2 and one level-3 table).</summary>
    public void TranslateStream()
    {
        WriteWord(Root + (2 * 8), Level2 | 3);
        WriteWord(Level2, Level3 | 3);
        SmmuStreamTableEntry.Translating(Vmid, Vtcr, Root).Write(Bus.Ram, StreamTable, Stream);
    }

    /// <summary>Maps IOVA 0x8000_0000 + page × 4 KiB to a PA (read/write unless told, access flag set).</summary>
    public void Map(int page, ulong physicalAddress, bool writable = true) =>
        WriteWord(Level3 + ((ulong)page * 8), physicalAddress | 3 | (0xFUL << 2) | (1UL << 6) | (writable ? 1UL << 7 : 0) | (1UL << 10));

    public void Unmap(int page) => WriteWord(Level3 + ((ulong)page * 8), 0);

    public static ulong Iova(int page) => 0x8000_0000UL + ((ulong)page * 0x1000);

    public DmaMasterStatus Transfer(ulong iova, ulong length, byte pattern)
    {
        WriteMaster(DmaMasterRegister.Target, iova);
        WriteMaster(DmaMasterRegister.Length, length);
        WriteMaster(DmaMasterRegister.Pattern, pattern);
        WriteMaster(DmaMasterRegister.Control, DmaMaster.StartCommand);
        Assert.True(Bus.TryReadDevice(0, MasterBase + (ulong)DmaMasterRegister.Status, 8, out var status));
        return (DmaMasterStatus)status;
    }

    public ulong ReadMaster(DmaMasterRegister register)
    {
        Assert.True(Bus.TryReadDevice(0, MasterBase + (ulong)register, 8, out var value));
        return value;
    }

    public Span<byte> Ram(ulong address, int length) => Bus.Ram.Bytes.AsSpan((int)(address - RamBase), length);

    private void WriteMaster(DmaMasterRegister register, ulong value) => Assert.True(Bus.TryWriteDevice(0, MasterBase + (ulong)register, 8, value));

    private void WriteWord(ulong address, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Ram(address, 8), value);
}
