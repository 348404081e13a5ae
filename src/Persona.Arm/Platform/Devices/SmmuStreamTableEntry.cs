using System.Buffers.Binary;
using Persona.Arm.Contracts;
using Persona.Arm.Memory;

namespace Persona.Arm.Platform.Devices;

/// <summary>STE.Config: what the SMMU does with a stream's transactions (the SMMUv3 encodings of the values kept here).</summary>
public enum SmmuStreamConfig : ulong
{
    /// <summary>0b000: every transaction aborts.</summary>
    Abort = 0b000,

    /// <summary>0b100: transactions pass untranslated (IOVA = PA): the device reaches all of memory.</summary>
    Bypass = 0b100,

    /// <summary>0b110: stage-2 translation through the tables at S2TTB, tagged with S2VMID.</summary>
    Stage2 = 0b110,
}

/// <summary>One stream table entry, as it lies in RAM: four little-endian 64-bit words (32 bytes) at STRTAB_BASE + 32 × stream ID.</summary>
/// <remarks>A reduced SMMUv3 STE (which is 64 bytes) keeping its field positions where it can:
/// word 0 bit 0 = V, bits [3:1] = Config (<see cref="SmmuStreamConfig"/>); word 1 bits [15:0] = S2VMID;
/// word 2 = S2VTCR in VTCR_EL2 layout (T0SZ, SL0, TG0, PS); word 3 = S2TTB, the PA of the stage-2 root table.
/// The stage-2 tables are VMSAv8-64 stage-2 tables, walked by the cores' own <see cref="TranslationTableWalker"/>.</remarks>
/// <param name="Word0">V and Config.</param>
/// <param name="Word1">S2VMID.</param>
/// <param name="Word2">S2VTCR.</param>
/// <param name="Word3">S2TTB.</param>
public readonly record struct SmmuStreamTableEntry(ulong Word0, ulong Word1, ulong Word2, ulong Word3)
{
    /// <summary>The size of one entry in bytes.</summary>
    public const int Size = 32;

    /// <summary>The valid bit.</summary>
    public bool Valid => (Word0 & 1) != 0;

    /// <summary>The configuration.</summary>
    public SmmuStreamConfig Config => (SmmuStreamConfig)((Word0 >> 1) & 0b111);

    /// <summary>The VMID that tags this stream's TLB entries.</summary>
    public ushort Vmid => (ushort)Word1;

    /// <summary>The stage-2 translation regime the walker reads (S2TTB as the table base, S2VTCR as its control).</summary>
    public Stage2Regime Regime => new(Word3 & 0x0000_FFFF_FFFF_F000, Word2);

    /// <summary>The root table's physical address.</summary>
    public ulong TableBase => Word3 & 0x0000_FFFF_FFFF_F000;

    /// <summary>An entry whose transactions all abort (V = 1, Config = abort).</summary>
    public static SmmuStreamTableEntry Aborting => new(1 | ((ulong)SmmuStreamConfig.Abort << 1), 0, 0, 0);

    /// <summary>An entry that passes transactions untranslated.</summary>
    public static SmmuStreamTableEntry Bypassing => new(1 | ((ulong)SmmuStreamConfig.Bypass << 1), 0, 0, 0);

    /// <summary>An entry that translates through stage-2 tables.</summary>
    public static SmmuStreamTableEntry Translating(ushort vmid, ulong vtcr, ulong tableBase) =>
        new(1 | ((ulong)SmmuStreamConfig.Stage2 << 1), vmid, vtcr, tableBase);

    /// <summary>Reads the entry of a stream from a stream table in RAM (an all-zero, invalid entry when it lies outside RAM).</summary>
    public static SmmuStreamTableEntry Read(RamRegion ram, ulong tableBase, int streamId)
    {
        var address = tableBase + ((ulong)streamId * Size);
        if (!ram.Contains(address, Size))
            return default;
        var span = ram.Bytes.AsSpan((int)(address - ram.Base), Size);
        return new(BinaryPrimitives.ReadUInt64LittleEndian(span), BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[16..]), BinaryPrimitives.ReadUInt64LittleEndian(span[24..]));
    }

    /// <summary>Writes the entry of a stream into a stream table in RAM.</summary>
    public void Write(RamRegion ram, ulong tableBase, int streamId)
    {
        var span = ram.Bytes.AsSpan((int)(tableBase + ((ulong)streamId * Size) - ram.Base), Size);
        BinaryPrimitives.WriteUInt64LittleEndian(span, Word0);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], Word1);
        BinaryPrimitives.WriteUInt64LittleEndian(span[16..], Word2);
        BinaryPrimitives.WriteUInt64LittleEndian(span[24..], Word3);
    }

    /// <inheritdoc/>
    public override string ToString() => $"STE [0x{Word0:x}, 0x{Word1:x}, 0x{Word2:x}, 0x{Word3:x}] ({(Valid ? Config.ToString() : "invalid")})";
}
