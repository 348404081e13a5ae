using System.Runtime.CompilerServices;
using Persona.Arm.Contracts;
using Persona.Arm.Isa;

namespace Persona.Arm.Memory;

/// <summary>Decoded instructions per physical RAM page, shared by all cores on the same RAM.</summary>
/// <remarks>A slot holds (id &lt;&lt; 32) | word, or 0 when not yet decoded; keeping the word beside the id means a stale
/// slot still executes a consistent (old) instruction, as hardware does before IC invalidation. A page is emptied when a
/// core writes to it, when anything else writes to it through <see cref="RamRegion.SpanForWrite"/> or the bus, and on IC
/// IALLU/IALLUIS/IVAU.</remarks>
public sealed class DecodedCodeCache
{
    /// <summary>Slots per page (4 KiB / 4 bytes).</summary>
    public const int SlotsPerPage = 1024;

    private static readonly ConditionalWeakTable<RamRegion, DecodedCodeCache> Caches = [];
    private readonly ulong[]?[] pages;
    private readonly byte[] holdsCode;

    private DecodedCodeCache(RamRegion ram)
    {
        var pageCount = (int)((ram.Size + 4095) >> 12);
        pages = new ulong[]?[pageCount];
        holdsCode = new byte[pageCount];
    }

    /// <summary>The cache for a RAM region (one per region, shared by every core using it).</summary>
    public static DecodedCodeCache For(RamRegion ram) => Caches.GetValue(ram, r => new DecodedCodeCache(r));

    /// <summary>Per-page flags: nonzero when the page holds decoded instructions (stores check it to invalidate).</summary>
    internal byte[] HoldsCode => holdsCode;

    /// <summary>The slot array for a RAM page index, created on first use and marked as holding code.</summary>
    internal ulong[] PageForExecution(int pageIndex)
    {
        holdsCode[pageIndex] = 1;
        return pages[pageIndex] ??= new ulong[SlotsPerPage];
    }

    /// <summary>Empties one RAM page's slots (a write to it, or IC IVAU).</summary>
    public void InvalidatePage(int pageIndex)
    {
        if ((uint)pageIndex >= (uint)pages.Length)
            return;
        if (pages[pageIndex] is { } slots)
            Array.Clear(slots);
        holdsCode[pageIndex] = 0;
    }

    /// <summary>Empties the pages that [offset, offset+length) of RAM touches (a write from outside the cores: DMA, loader, hypervisor).</summary>
    public void InvalidateRange(ulong offset, ulong length)
    {
        if (length == 0)
            return;
        var last = Math.Min((offset + length - 1) >> 12, (ulong)pages.Length - 1);
        for (var page = offset >> 12; page <= last; page++)
        {
            if (holdsCode[page] != 0)
                InvalidatePage((int)page);
        }
    }

    /// <summary>Empties every page (IC IALLU/IALLUIS).</summary>
    public void InvalidateAll()
    {
        for (var i = 0; i < pages.Length; i++)
            InvalidatePage(i);
    }

    /// <summary>Decodes one word into a slot value.</summary>
    internal static ulong Decode(uint word) => ((ulong)Decoder.Decode(word) << 32) | word;
}
