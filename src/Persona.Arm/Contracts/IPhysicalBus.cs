namespace Persona.Arm.Contracts;

/// <summary>The physical address space after all translation: RAM plus MMIO devices. Owned by the platform, used by the cores.</summary>
/// <remarks>This is the contract between the core (Isa, Cpu, Memory) and the platform (Platform/*). Change it only by agreement.</remarks>
public interface IPhysicalBus
{
    /// <summary>The one RAM region, exposed so that fetches, loads and table walks take a fast path without a device lookup.</summary>
    RamRegion Ram { get; }

    /// <summary>Reads <paramref name="size"/> bytes (1, 2, 4 or 8), little-endian, outside RAM; false when nothing answers there (external abort).</summary>
    bool TryReadDevice(int coreId, ulong physicalAddress, int size, out ulong value);

    /// <summary>Writes <paramref name="size"/> bytes (1, 2, 4 or 8), little-endian, outside RAM; false when nothing answers there (external abort).</summary>
    bool TryWriteDevice(int coreId, ulong physicalAddress, int size, ulong value);
}

/// <summary>A contiguous block of guest-physical RAM backed by one host array.</summary>
public sealed class RamRegion(ulong basePhysicalAddress, byte[] bytes)
{
    /// <summary>The first physical address of the region.</summary>
    public ulong Base { get; } = basePhysicalAddress;

    /// <summary>The backing bytes; index 0 is <see cref="Base"/>.</summary>
    public byte[] Bytes { get; } = bytes;

    /// <summary>The number of bytes in the region.</summary>
    public ulong Size => (ulong)Bytes.LongLength;

    /// <summary>A writable view of [address, address+length) for writes that do not come from a core's store path (DMA, loaders, a hypervisor); the decoded instructions of every page it touches are dropped, so code written this way runs as written.</summary>
    /// <remarks>Cores only run between such writes (the scheduler is single-threaded), so dropping first is as good as dropping after.
    /// Throws <see cref="ArgumentOutOfRangeException"/> when the range is not wholly in the region.</remarks>
    public Span<byte> SpanForWrite(ulong address, int length)
    {
        if (length < 0 || !Contains(address, (ulong)length))
            throw new ArgumentOutOfRangeException(nameof(address), $"0x{address:X}+0x{length:X} is not inside RAM 0x{Base:X}+0x{Size:X}");
        Memory.DecodedCodeCache.For(this).InvalidateRange(address - Base, (ulong)length);
        return Bytes.AsSpan((int)(address - Base), length);
    }

    /// <summary>True when [address, address+length) lies wholly in this region.</summary>
    public bool Contains(ulong address, ulong length) => address >= Base && address - Base <= Size && length <= Size - (address - Base);
}
