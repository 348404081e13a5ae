using System.Buffers.Binary;
using Persona.Arm.Contracts;
using static Persona.Arm.Loading.ElfConstants;

namespace Persona.Arm.Loading;

/// <summary>Loads a bare-metal AArch64 ELF64 executable into guest RAM, as QEMU's <c>-kernel</c> does for an ELF.</summary>
/// <remarks>Segments go to their physical addresses (p_paddr); anything that does not fit RAM is rejected with an
/// <see cref="ImageException"/> rather than silently truncated, so a bad image never half-runs.</remarks>
public static class ElfLoader
{
    /// <summary>Reads the file at <paramref name="imagePath"/> and loads it into <paramref name="ram"/>.</summary>
    public static LoadedImage LoadFile(string imagePath, RamRegion ram)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(imagePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageException(imagePath, $"cannot be read ({e.Message})");
        }
        return Load(imagePath, bytes, ram);
    }

    /// <summary>Loads an image already in memory; <paramref name="imagePath"/> only names it in messages.</summary>
    public static LoadedImage Load(string imagePath, ReadOnlySpan<byte> file, RamRegion ram)
    {
        CheckHeader(imagePath, file);
        var entry = BinaryPrimitives.ReadUInt64LittleEndian(file[Entry..]);
        var tableOffset = BinaryPrimitives.ReadUInt64LittleEndian(file[ProgramHeaderOffset..]);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(file[ProgramHeaderEntrySize..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(file[ProgramHeaderCount..]);
        if (count == 0)
            throw new ImageException(imagePath, "has no program headers, so nothing to load");
        if (entrySize < ProgramHeaderSize)
            throw new ImageException(imagePath, $"program header entry size {entrySize} is smaller than {ProgramHeaderSize}");
        if (!FitsInFile(file, tableOffset, (ulong)entrySize * count))
            throw new ImageException(imagePath, $"truncated: the program header table at offset 0x{tableOffset:X} runs past the end of the file ({file.Length} bytes)");

        var segments = new List<LoadedSegment>();
        for (var i = 0; i < count; i++)
        {
            var header = file.Slice((int)tableOffset + (i * entrySize), ProgramHeaderSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[SegmentType..]) == SegmentLoad)
                segments.Add(LoadSegment(imagePath, file, header, i, ram));
        }
        if (segments.Count == 0)
            throw new ImageException(imagePath, "has no PT_LOAD segment, so nothing to load");
        if (!ram.Contains(entry, 4))
            throw new ImageException(imagePath, $"entry point 0x{entry:X} is outside RAM [0x{ram.Base:X}, 0x{ram.Base + ram.Size:X})");
        return new LoadedImage(imagePath, entry, segments);
    }

    private static void CheckHeader(string imagePath, ReadOnlySpan<byte> file)
    {
        if (file.Length < 4 || file[0] != 0x7F || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F')
            throw new ImageException(imagePath, "not an ELF file (the first bytes are not 0x7F 'E' 'L' 'F')");
        if (file.Length < HeaderSize)
            throw new ImageException(imagePath, $"truncated: {file.Length} bytes, shorter than the 64-byte ELF64 header");
        if (file[IdentClass] != ClassElf64)
            throw new ImageException(imagePath, $"wrong ELF class {file[IdentClass]} (expected 2, ELF64)");
        if (file[IdentData] != DataLittleEndian)
            throw new ImageException(imagePath, $"wrong endianness {file[IdentData]} (expected 1, little-endian)");
        var machine = BinaryPrimitives.ReadUInt16LittleEndian(file[Machine..]);
        if (machine != MachineAarch64)
            throw new ImageException(imagePath, $"wrong machine {machine} (expected {MachineAarch64}, AArch64)");
        var type = BinaryPrimitives.ReadUInt16LittleEndian(file[ObjectType..]);
        if (type != TypeExecutable)
            throw new ImageException(imagePath, $"wrong ELF type {type} (expected {TypeExecutable}, an executable)");
    }

    private static LoadedSegment LoadSegment(string imagePath, ReadOnlySpan<byte> file, ReadOnlySpan<byte> header, int index, RamRegion ram)
    {
        var offset = BinaryPrimitives.ReadUInt64LittleEndian(header[SegmentOffset..]);
        var address = BinaryPrimitives.ReadUInt64LittleEndian(header[SegmentPhysicalAddress..]);
        var fileSize = BinaryPrimitives.ReadUInt64LittleEndian(header[SegmentFileSize..]);
        var memorySize = BinaryPrimitives.ReadUInt64LittleEndian(header[SegmentMemorySize..]);
        if (fileSize > memorySize)
            throw new ImageException(imagePath, $"segment {index} has a file size 0x{fileSize:X} larger than its memory size 0x{memorySize:X}");
        if (!FitsInFile(file, offset, fileSize))
            throw new ImageException(imagePath, $"truncated: segment {index} needs file bytes [0x{offset:X}, 0x{offset + fileSize:X}) but the file has {file.Length} bytes");
        if (memorySize > 0 && !ram.Contains(address, memorySize))
            throw new ImageException(imagePath, $"segment {index} at [0x{address:X}, 0x{address + memorySize:X}) is outside RAM [0x{ram.Base:X}, 0x{ram.Base + ram.Size:X})");

        // Through the write view: an image loaded over code that already ran (a reload) must run as loaded.
        var segment = ram.SpanForWrite(address, (int)memorySize);
        file.Slice((int)offset, (int)fileSize).CopyTo(segment);
        segment[(int)fileSize..].Clear();
        return new LoadedSegment(address, fileSize, memorySize);
    }

    private static bool FitsInFile(ReadOnlySpan<byte> file, ulong offset, ulong length) =>
        offset <= (ulong)file.Length && length <= (ulong)file.Length - offset;
}
