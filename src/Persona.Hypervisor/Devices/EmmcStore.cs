using Persona.Arm.Platform.Devices;

namespace Persona.Hypervisor.Devices;

/// <summary>The physical eMMC behind the storage mediator: a sparse block store (sectors never written read as zeros), with a log
/// of the sectors written since the validator last looked. It is flash: it keeps its sectors across a power loss
/// (<see cref="Wipe.PersistentMemory"/> carries it to the next boot).</summary>
/// <remarks>The platform's partitions are 4 GiB each: only written sectors are kept.</remarks>
public sealed class EmmcStore(long sectors) : IBlockStore
{
    private readonly Dictionary<long, byte[]> written = [];
    private readonly List<long> log = [];

    /// <inheritdoc/>
    public long Length => sectors * SectorCipher.SectorSize;

    /// <summary>The sectors that hold data (ever written), in ascending order.</summary>
    public IEnumerable<long> WrittenSectors => written.Keys.Order();

    /// <summary>The number of sectors.</summary>
    public long Sectors => sectors;

    /// <summary>What a power loss leaves of the flash: every written sector, and an empty write log (a new boot has seen no writes).</summary>
    public EmmcStore Survivor()
    {
        var copy = new EmmcStore(sectors);
        foreach (var (sector, bytes) in written)
            copy.written[sector] = (byte[])bytes.Clone();
        return copy;
    }

    /// <summary>The raw bytes of one physical sector.</summary>
    public byte[] RawSector(long sector)
    {
        var bytes = new byte[SectorCipher.SectorSize];
        Read(sector * SectorCipher.SectorSize, bytes);
        return bytes;
    }

    /// <summary>Returns and forgets the sectors written since the last call.</summary>
    public long[] DrainWrites()
    {
        var drained = log.ToArray();
        log.Clear();
        return drained;
    }

    /// <inheritdoc/>
    public void Read(long offset, Span<byte> destination)
    {
        Check(offset, destination.Length);
        for (var done = 0; done < destination.Length; done += SectorCipher.SectorSize)
        {
            var sector = (offset + done) / SectorCipher.SectorSize;
            var target = destination.Slice(done, SectorCipher.SectorSize);
            if (written.TryGetValue(sector, out var bytes))
                bytes.CopyTo(target);
            else
                target.Clear();
        }
    }

    /// <inheritdoc/>
    public void Write(long offset, ReadOnlySpan<byte> source)
    {
        Check(offset, source.Length);
        for (var done = 0; done < source.Length; done += SectorCipher.SectorSize)
        {
            var sector = (offset + done) / SectorCipher.SectorSize;
            written[sector] = source.Slice(done, SectorCipher.SectorSize).ToArray();
            log.Add(sector);
        }
    }

    /// <inheritdoc/>
    public void Flush()
    {
    }

    private void Check(long offset, int length)
    {
        if (offset < 0 || offset % SectorCipher.SectorSize != 0 || length % SectorCipher.SectorSize != 0 || offset + length > Length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"eMMC access at byte {offset} for {length} bytes is not whole sectors inside {Length} bytes");
    }
}
