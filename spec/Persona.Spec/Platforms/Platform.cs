using Persona.Spec.Model;

namespace Persona.Spec.Platforms;

/// <summary>A handset's description: memory map, devices, DMA masters, boot assignments and storage partitions.</summary>
/// <param name="Name">The platform's name.</param>
/// <param name="Source">Where it was read from (a file path, or "embedded:NAME").</param>
/// <param name="Ram">The RAM range.</param>
/// <param name="Regions">The RAM regions and what each is for at boot, in address order.</param>
/// <param name="Devices">The devices, in declaration order (a device's id is its index).</param>
/// <param name="Partitions">The storage partitions.</param>
public sealed record Platform(
    string Name,
    string Source,
    AddressRange Ram,
    IReadOnlyList<MemoryRegion> Regions,
    IReadOnlyList<DeviceDescription> Devices,
    IReadOnlyList<PartitionDescription> Partitions)
{
    /// <summary>The size of a page: the granule of ownership.</summary>
    public const ulong PageSize = 4096;

    /// <summary>The number of pages of RAM.</summary>
    public long PageCount => (long)(Ram.Size / PageSize);

    /// <summary>The region kind of a physical frame number (Unassigned when no region covers it).</summary>
    public RegionKind RegionOfFrame(long frame)
    {
        var address = (ulong)frame * PageSize;
        foreach (var r in Regions)
        {
            if (r.Range.Contains(address)) return r.Kind;
        }
        return RegionKind.Unassigned;
    }

    /// <summary>The device with this name, or null.</summary>
    public DeviceDescription? Device(string name) => Devices.FirstOrDefault(d => d.Name == name);
}

/// <summary>A half-open physical address range [Base, Base+Size).</summary>
/// <param name="Base">The first address.</param>
/// <param name="Size">The length in bytes.</param>
public readonly record struct AddressRange(ulong Base, ulong Size)
{
    /// <summary>One past the last address.</summary>
    public ulong End => Base + Size;

    /// <summary>Whether the address lies in the range.</summary>
    public bool Contains(ulong address) => address >= Base && address - Base < Size;

    /// <summary>Whether two ranges share an address.</summary>
    public bool Overlaps(AddressRange other) => Base < other.End && other.Base < End;

    /// <inheritdoc/>
    public override string ToString() => $"0x{Base:x}..0x{End:x}";
}

/// <summary>A named RAM region with its boot role.</summary>
/// <param name="Name">The region's name.</param>
/// <param name="Kind">Whom it is for at boot.</param>
/// <param name="Range">Its addresses.</param>
public sealed record MemoryRegion(string Name, RegionKind Kind, AddressRange Range);

/// <summary>A device on the platform.</summary>
/// <param name="Name">The device's name (display, modem, ...).</param>
/// <param name="Kind">How it is owned.</param>
/// <param name="Mmio">Its register window.</param>
/// <param name="Interrupt">Its interrupt id (GIC INTID).</param>
/// <param name="DmaMaster">Whether it masters DMA through the SMMU.</param>
/// <param name="Owner">Who holds it at boot, or null when unassigned.</param>
public sealed record DeviceDescription(string Name, DeviceKind Kind, AddressRange Mmio, int Interrupt, bool DmaMaster, Component? Owner);

/// <summary>A storage partition.</summary>
/// <param name="Persona">Whose partition it is.</param>
/// <param name="FirstBlock">Its first 512-byte block.</param>
/// <param name="Blocks">Its length in blocks.</param>
/// <param name="Encrypted">Whether it is encrypted with a key only the hypervisor holds.</param>
public sealed record PartitionDescription(Component Persona, ulong FirstBlock, ulong Blocks, bool Encrypted);
