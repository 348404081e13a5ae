namespace Persona.Arm.Platform.Devices;

/// <summary>The storage behind a block device: a host file or an in-memory array.</summary>
public interface IBlockStore
{
    /// <summary>The size in bytes (a multiple of 512).</summary>
    long Length { get; }

    /// <summary>Fills <paramref name="destination"/> from byte <paramref name="offset"/>.</summary>
    void Read(long offset, Span<byte> destination);

    /// <summary>Writes <paramref name="source"/> at byte <paramref name="offset"/>.</summary>
    void Write(long offset, ReadOnlySpan<byte> source);

    /// <summary>Makes earlier writes durable.</summary>
    void Flush();
}

/// <summary>A block store held in memory, for tests and scratch disks.</summary>
public sealed class MemoryBlockStore(byte[] bytes) : IBlockStore
{
    /// <summary>The backing bytes.</summary>
    public byte[] Bytes { get; } = bytes;

    /// <inheritdoc />
    public long Length => Bytes.LongLength;

    /// <inheritdoc />
    public void Read(long offset, Span<byte> destination) => Bytes.AsSpan((int)offset, destination.Length).CopyTo(destination);

    /// <inheritdoc />
    public void Write(long offset, ReadOnlySpan<byte> source) => source.CopyTo(Bytes.AsSpan((int)offset));

    /// <inheritdoc />
    public void Flush()
    {
    }
}

/// <summary>A block store backed by a host file, opened for reading and writing.</summary>
public sealed class FileBlockStore : IBlockStore, IDisposable
{
    private readonly FileStream stream;

    /// <summary>Opens <paramref name="path"/>; its length is rounded down to whole 512-byte sectors.</summary>
    public FileBlockStore(string path)
    {
        stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        Length = stream.Length / VirtioBlock.SectorSize * VirtioBlock.SectorSize;
    }

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public void Read(long offset, Span<byte> destination)
    {
        stream.Position = offset;
        stream.ReadExactly(destination);
    }

    /// <inheritdoc />
    public void Write(long offset, ReadOnlySpan<byte> source)
    {
        stream.Position = offset;
        stream.Write(source);
    }

    /// <inheritdoc />
    public void Flush() => stream.Flush(flushToDisk: true);

    /// <inheritdoc />
    public void Dispose() => stream.Dispose();
}
