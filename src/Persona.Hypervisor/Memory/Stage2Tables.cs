using System.Buffers.Binary;
using Persona.Arm.Contracts;
using Persona.Arm.Memory;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Memory;

/// <summary>One persona's stage-2 translation tables, in the real VMSAv8-64 format in emulated RAM, tagged with the persona's VMID.</summary>
/// <remarks>Every descriptor write goes through <see cref="Map"/> or <see cref="Unmap"/>, which record the IPA page they touched so
/// that the validator re-walks exactly those translations after the trap.</remarks>
public sealed partial class Stage2Tables
{
    private const int StartLevel = 1;
    private readonly TablePool pool;
    private readonly HashSet<ulong> touchedIpaPages = [];

    /// <summary>Builds empty tables for a persona: one level-1 root page.</summary>
    public Stage2Tables(Component persona, ushort vmid, TablePool pool)
    {
        Persona = persona;
        Vmid = vmid;
        this.pool = pool;
        Root = pool.Allocate();
    }

    /// <summary>Whose tables these are.</summary>
    public Component Persona { get; }

    /// <summary>The persona's VMID, written into VTTBR_EL2[55:48].</summary>
    public ushort Vmid { get; }

    /// <summary>The physical address of the level-1 root table.</summary>
    public ulong Root { get; }

    /// <summary>The VTTBR_EL2 value that selects these tables.</summary>
    public ulong Vttbr => ((ulong)Vmid << 48) | Root;

    /// <summary>The regime the emulator's walker reads these tables with.</summary>
    public Stage2Regime Regime => new(Vttbr, HypervisorLayout.Vtcr);

    /// <summary>The IPA pages whose descriptors changed since the last <see cref="DrainTouched"/>.</summary>
    public IReadOnlyCollection<ulong> TouchedIpaPages => touchedIpaPages;

    /// <summary>Maps one IPA page to one physical page with the given attributes (a level-3 page descriptor).</summary>
    public void Map(ulong ipa, ulong physicalAddress, Stage2Descriptor attributes)
    {
        var slot = LeafSlot(ipa, create: true)!.Value;
        var descriptor = (physicalAddress & ~(HypervisorLayout.PageSize - 1)) | (ulong)(attributes | Stage2Descriptor.Valid
            | Stage2Descriptor.TableOrPage | Stage2Descriptor.AccessFlag);
        Write(slot, descriptor);
        touchedIpaPages.Add(ipa / HypervisorLayout.PageSize);
    }

    /// <summary>Removes the mapping of one IPA page; returns the old descriptor (0 when none).</summary>
    public ulong Unmap(ulong ipa)
    {
        if (LeafSlot(ipa, create: false) is not { } slot)
            return 0;
        var old = Read(slot);
        Write(slot, 0);
        touchedIpaPages.Add(ipa / HypervisorLayout.PageSize);
        return old;
    }

    /// <summary>The level-3 descriptor for an IPA page (0 when any level is missing).</summary>
    public ulong Descriptor(ulong ipa) => LeafSlot(ipa, create: false) is { } slot ? Read(slot) : 0;

    /// <summary>Translates an IPA with the emulator's own walker (the cores' semantics).</summary>
    public WalkResult Translate(IPhysicalBus bus, ulong ipa) => TranslationTableWalker.WalkStage2(bus, 0, Regime, ipa);

    /// <summary>Returns and forgets the IPA pages touched since the last call.</summary>
    public ulong[] DrainTouched()
    {
        var pages = touchedIpaPages.ToArray();
        touchedIpaPages.Clear();
        return pages;
    }

    /// <summary>Every IPA page with a valid level-3 descriptor, found by descending the tables (for the validator's boot walk).</summary>
    public IEnumerable<ulong> MappedIpaPages()
    {
        for (ulong i1 = 0; i1 < 1UL << (HypervisorLayout.IpaBits - 30); i1++)
        {
            var d1 = Read(Root + (i1 * 8));
            if ((d1 & 3) != 3)
                continue;
            var l2 = d1 & OutputMask;
            for (ulong i2 = 0; i2 < 512; i2++)
            {
                var d2 = Read(l2 + (i2 * 8));
                if ((d2 & 3) != 3)
                    continue;
                var l3 = d2 & OutputMask;
                for (ulong i3 = 0; i3 < 512; i3++)
                {
                    if ((Read(l3 + (i3 * 8)) & 3) == 3)
                        yield return (i1 << 18) | (i2 << 9) | i3;
                }
            }
        }
    }

    private const ulong OutputMask = 0x0000_FFFF_FFFF_F000;

    private ulong? LeafSlot(ulong ipa, bool create)
    {
        if (ipa >> HypervisorLayout.IpaBits != 0)
            return null;
        var table = Root;
        for (var level = StartLevel; level < 3; level++)
        {
            var slot = table + (((ipa >> TranslationTableWalker.LevelShift(level)) & 511) * 8);
            var descriptor = Read(slot);
            if ((descriptor & 3) != 3)
            {
                if (!create)
                    return null;
                var next = pool.Allocate();
                Write(slot, next | 3);
                descriptor = next | 3;
            }
            table = descriptor & OutputMask;
        }
        return table + (((ipa >> 12) & 511) * 8);
    }

    private ulong Read(ulong address) => BinaryPrimitives.ReadUInt64LittleEndian(pool.Ram.Bytes.AsSpan((int)(address - pool.Ram.Base), 8));

    private void Write(ulong address, ulong value) =>
        BinaryPrimitives.WriteUInt64LittleEndian(pool.Ram.Bytes.AsSpan((int)(address - pool.Ram.Base), 8), value);
}
