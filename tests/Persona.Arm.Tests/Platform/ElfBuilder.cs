using System.Buffers.Binary;

namespace Persona.Arm.Tests.Platform;

/// <summary>Builds small ELF64 files in memory, correct by default, with knobs to break one field at a time.</summary>
internal sealed record ElfBuilder
{
    public byte Class { get; init; } = 2;
    public byte Data { get; init; } = 1;
    public ushort Machine { get; init; } = 183;
    public ushort Type { get; init; } = 2;
    public ulong Entry { get; init; } = 0x4008_0000;
    public ulong SegmentAddress { get; init; } = 0x4008_0000;
    public byte[] Payload { get; init; } = [0x1F, 0x20, 0x03, 0xD5, 0xAA, 0xBB, 0xCC, 0xDD];
    public ulong ExtraMemory { get; init; } = 16;

    public byte[] Build()
    {
        const int headerSize = 64;
        const int programHeaderSize = 56;
        var payloadOffset = headerSize + programHeaderSize;
        var file = new byte[payloadOffset + Payload.Length];
        file[0] = 0x7F;
        file[1] = (byte)'E';
        file[2] = (byte)'L';
        file[3] = (byte)'F';
        file[4] = Class;
        file[5] = Data;
        file[6] = 1;
        var span = file.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span[16..], Type);
        BinaryPrimitives.WriteUInt16LittleEndian(span[18..], Machine);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(span[24..], Entry);
        BinaryPrimitives.WriteUInt64LittleEndian(span[32..], headerSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[52..], headerSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[54..], programHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[56..], 1);
        var ph = span[headerSize..];
        BinaryPrimitives.WriteUInt32LittleEndian(ph, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[4..], 7);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[8..], (ulong)payloadOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[16..], SegmentAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[24..], SegmentAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[32..], (ulong)Payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[40..], (ulong)Payload.Length + ExtraMemory);
        Payload.CopyTo(span[payloadOffset..]);
        return file;
    }
}
