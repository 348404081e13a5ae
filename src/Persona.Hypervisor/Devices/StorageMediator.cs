using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Devices;

/// <summary>What became of one storage request.</summary>
public enum StorageOutcome
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>The request reaches outside the persona's partition: refused, nothing read or written.</summary>
    OutsidePartition,

    /// <summary>The partition is encrypted and its key is destroyed: refused (no one can read or write it any more).</summary>
    KeyDestroyed,

    /// <summary>The persona has no partition.</summary>
    NoPartition,
}

/// <summary>The storage mediator: each persona's sectors map to its own partition of the physical eMMC, the work partition through the
/// XTS cipher keyed with the work key that only the hypervisor holds, so the work partition's physical sectors never hold plaintext.</summary>
public sealed class StorageMediator
{
    private readonly Func<byte[]?> key;
    private readonly HypervisorMutant mutants;

    /// <summary>A mediator for a platform's partitions on a physical store; <paramref name="key"/> reads the key store (null once destroyed).</summary>
    public StorageMediator(Platform platform, EmmcStore emmc, Func<byte[]?> key, HypervisorMutant mutants = HypervisorMutant.None)
    {
        Platform = platform;
        Emmc = emmc;
        this.key = key;
        this.mutants = mutants;
    }

    /// <summary>The platform whose partitions these are.</summary>
    public Platform Platform { get; }

    /// <summary>The physical eMMC.</summary>
    public EmmcStore Emmc { get; }

    /// <summary>A persona's partition, or null.</summary>
    public PartitionDescription? PartitionOf(Component persona) => Platform.Partitions.FirstOrDefault(p => p.Persona == persona);

    /// <summary>The number of sectors a persona sees (its partition's size).</summary>
    public ulong CapacityOf(Component persona) => PartitionOf(persona)?.Blocks ?? 0;

    /// <summary>Reads (<paramref name="write"/> false) or writes whole sectors of a persona's partition, from its own sector numbers.</summary>
    public StorageOutcome Transfer(Component persona, bool write, ulong sector, Span<byte> buffer)
    {
        if (PartitionOf(persona) is not { } partition)
            return StorageOutcome.NoPartition;
        var count = (ulong)buffer.Length / SectorCipher.SectorSize;
        if (sector >= partition.Blocks || count > partition.Blocks - sector)
            return StorageOutcome.OutsidePartition;
        var first = PhysicalBase(persona, partition) + sector;
        using var cipher = partition.Encrypted && !mutants.HasFlag(HypervisorMutant.WorkPartitionInPlaintext) ? CipherOrNull() : null;
        if (partition.Encrypted && cipher is null && !mutants.HasFlag(HypervisorMutant.WorkPartitionInPlaintext))
            return StorageOutcome.KeyDestroyed;
        for (ulong i = 0; i < count; i++)
        {
            var physical = (long)(first + i);
            var bytes = buffer.Slice((int)i * SectorCipher.SectorSize, SectorCipher.SectorSize);
            if (write)
            {
                var staged = bytes.ToArray();
                cipher?.Encrypt(physical, staged);
                Emmc.Write(physical * SectorCipher.SectorSize, staged);
            }
            else
            {
                Emmc.Read(physical * SectorCipher.SectorSize, bytes);
                cipher?.Decrypt(physical, bytes);
            }
        }
        return StorageOutcome.Done;
    }

    /// <summary>Which persona's partition holds a physical sector, or null.</summary>
    public Component? OwnerOfSector(long sector) =>
        Platform.Partitions.FirstOrDefault(p => (ulong)sector >= p.FirstBlock && (ulong)sector - p.FirstBlock < p.Blocks)?.Persona;

    private ulong PhysicalBase(Component persona, PartitionDescription partition) =>
        persona == Component.Work && mutants.HasFlag(HypervisorMutant.StorageWrongPartitionBase)
            ? PartitionOf(Component.Personal)?.FirstBlock ?? partition.FirstBlock
            : partition.FirstBlock;

    private SectorCipher? CipherOrNull() => key() is { } k ? new SectorCipher(k) : null;
}
