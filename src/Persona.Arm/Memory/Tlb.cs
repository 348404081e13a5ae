namespace Persona.Arm.Memory;

/// <summary>One core's TLB: a direct-mapped array of combined stage-1+2 translations, tagged by regime, VMID and ASID.</summary>
/// <remarks>Entries stay until a matching TLBI (or eviction by a conflicting page), never because the tables changed,
/// so a hypervisor that forgets an invalidation sees the stale mapping, as on hardware.</remarks>
public sealed class Tlb
{
    /// <summary>The number of entries (a power of two).</summary>
    public const int Size = 1024;

    /// <summary>The ASID value meaning "global" (nG = 0): the entry matches every ASID.</summary>
    public const uint GlobalAsid = uint.MaxValue;

    /// <summary>Context tag bit: the entry is valid.</summary>
    public const ulong ValidTag = 1UL << 63;

    /// <summary>Context tag bit: the entry belongs to the EL2 regime.</summary>
    public const ulong El2RegimeTag = 1UL << 62;

    /// <summary>Context tag bit: stage 1 was enabled when the entry was made.</summary>
    public const ulong Stage1Tag = 1UL << 61;

    /// <summary>Context tag bit: stage 2 was enabled when the entry was made.</summary>
    public const ulong Stage2Tag = 1UL << 60;

    internal readonly TlbEntry[] Entries = new TlbEntry[Size];

    /// <summary>The number of valid entries, for tests and statistics.</summary>
    public int Count => Entries.Count(e => (e.Context & ValidTag) != 0);

    /// <summary>The slot a virtual page maps to; the salt (from the VMID and regime) keeps two guests' entries for one VA apart.</summary>
    /// <remarks>Folding in bits above the index keeps pages a power-of-two apart (code at 1 GiB, data at 2 GiB) from evicting each other.</remarks>
    public ref TlbEntry Slot(ulong virtualPage, ulong salt) => ref Entries[(int)((virtualPage ^ (virtualPage >> 10) ^ (virtualPage >> 20) ^ salt) & (Size - 1))];

    /// <summary>The index salt for a VMID and regime, so a world switch does not evict the other guest's entries.</summary>
    public static ulong SaltFor(ushort vmid, bool el2Regime) => ((ulong)vmid * 0x9E3) ^ (el2Regime ? 0x2AAUL : 0);

    /// <summary>Removes the entries an invalidation names.</summary>
    public void Invalidate(in TlbInvalidation invalidation)
    {
        for (var i = 0; i < Entries.Length; i++)
        {
            ref var entry = ref Entries[i];
            if ((entry.Context & ValidTag) != 0 && invalidation.Matches(entry))
                entry = default;
        }
    }

    /// <summary>Removes every entry.</summary>
    public void Clear() => Array.Clear(Entries);
}

/// <summary>One cached translation of a 4 KiB virtual page.</summary>
public struct TlbEntry
{
    /// <summary>The virtual page number (VA &gt;&gt; 12).</summary>
    public ulong VirtualPage;

    /// <summary>Regime and stage tags with the VMID in bits [15:0]; 0 when the slot is empty.</summary>
    public ulong Context;

    /// <summary>The ASID, or <see cref="Tlb.GlobalAsid"/>.</summary>
    public uint Asid;

    /// <summary>Combined stage-1 and stage-2 permissions.</summary>
    public PagePermissions Permissions;

    /// <summary>The page's offset into the RAM array, or -1 when the page is not wholly RAM (device path).</summary>
    public long HostOffset;

    /// <summary>The physical page address.</summary>
    public ulong PhysicalPage;

    /// <summary>The intermediate physical page address (for IPAS2E1 invalidation).</summary>
    public ulong IntermediatePage;

    /// <summary>The VMID of the entry (bits [15:0] of <see cref="Context"/>).</summary>
    public readonly ushort Vmid => (ushort)Context;

    /// <summary>True for an EL2-regime entry.</summary>
    public readonly bool IsEl2Regime => (Context & Tlb.El2RegimeTag) != 0;
}

/// <summary>What a TLBI removes.</summary>
public enum TlbInvalidationScope
{
    /// <summary>VMALLE1 / VMALLS12E1: every EL1&amp;0 entry of one VMID.</summary>
    Vmid,

    /// <summary>ASIDE1: the non-global EL1&amp;0 entries of one VMID and ASID.</summary>
    VmidAsid,

    /// <summary>VAE1 / VALE1: one page of one VMID, for one ASID or global.</summary>
    VmidAsidAddress,

    /// <summary>VAAE1 / VAALE1: one page of one VMID, any ASID.</summary>
    VmidAddress,

    /// <summary>IPAS2E1 / IPAS2LE1: the entries of one VMID whose IPA is the given page.</summary>
    VmidIntermediateAddress,

    /// <summary>ALLE1: every EL1&amp;0 entry of every VMID.</summary>
    AllEl10,

    /// <summary>ALLE2: every EL2-regime entry.</summary>
    AllEl2,

    /// <summary>VAE2 / VALE2: one page of the EL2 regime.</summary>
    El2Address,
}

/// <summary>One TLB invalidation, as executed locally or broadcast to the other cores for the IS forms.</summary>
/// <param name="Scope">What it removes.</param>
/// <param name="Vmid">The VMID (from VTTBR_EL2 at the time of the TLBI).</param>
/// <param name="Asid">The ASID, for ASID-scoped forms.</param>
/// <param name="Page">The virtual or intermediate page number, for address-scoped forms.</param>
public readonly record struct TlbInvalidation(TlbInvalidationScope Scope, ushort Vmid, uint Asid, ulong Page)
{
    /// <summary>True when this invalidation removes the entry.</summary>
    public bool Matches(in TlbEntry entry) => Scope switch
    {
        TlbInvalidationScope.Vmid => !entry.IsEl2Regime && entry.Vmid == Vmid,
        TlbInvalidationScope.VmidAsid => !entry.IsEl2Regime && entry.Vmid == Vmid && entry.Asid == Asid,
        TlbInvalidationScope.VmidAsidAddress => !entry.IsEl2Regime && entry.Vmid == Vmid && entry.VirtualPage == Page
            && (entry.Asid == Asid || entry.Asid == Tlb.GlobalAsid),
        TlbInvalidationScope.VmidAddress => !entry.IsEl2Regime && entry.Vmid == Vmid && entry.VirtualPage == Page,
        TlbInvalidationScope.VmidIntermediateAddress => !entry.IsEl2Regime && entry.Vmid == Vmid
            && (entry.Context & Tlb.Stage2Tag) != 0 && entry.IntermediatePage == Page,
        TlbInvalidationScope.AllEl10 => !entry.IsEl2Regime,
        TlbInvalidationScope.AllEl2 => entry.IsEl2Regime,
        TlbInvalidationScope.El2Address => entry.IsEl2Regime && entry.VirtualPage == Page,
        _ => false,
    };
}
