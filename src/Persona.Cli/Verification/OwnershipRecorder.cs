using Persona.Hypervisor.Memory;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Cli.Verification;

/// <summary>Takes snapshots of the hypervisor's page-ownership metadata, summarised per address band, for the ownership pictures.</summary>
/// <param name="platform">The platform whose RAM regions give the bands.</param>
/// <param name="ownership">The hypervisor's live ownership table (read, never written).</param>
public sealed class OwnershipRecorder(Platform platform, PageOwnership ownership)
{
    /// <summary>The most snapshots kept: a picture wider than this is unreadable, and each costs a scan of RAM's metadata.</summary>
    public const int MaxSnapshots = 400;

    /// <summary>About how many bands the picture has; each region gets at least one.</summary>
    public const int TargetBands = 48;

    private readonly IReadOnlyList<OwnershipBand> bands = BandsOf(platform, TargetBands);
    private readonly List<OwnershipSnapshot> snapshots = [];
    private long dropped;
    private OwnershipSnapshot? previous;

    /// <summary>The snapshots so far.</summary>
    public OwnershipTimeline Timeline => new(bands, snapshots, dropped);

    /// <summary>Records both personas' maps as they are now; returns whether they differ from the previous snapshot's.</summary>
    public bool Snapshot(long trap, string cause, Component foreground)
    {
        var personal = Cells(Component.Personal);
        var work = Cells(Component.Work);
        var changed = previous is null || !Same(previous.Personal, personal) || !Same(previous.Work, work);
        previous = new OwnershipSnapshot(trap, cause, foreground, personal, work);
        if (snapshots.Count < MaxSnapshots) snapshots.Add(previous);
        else dropped++;
        return changed;
    }

    private static bool Same(IReadOnlyList<BandCell> a, IReadOnlyList<BandCell> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.View == p.Second.View && p.First.Counts.SequenceEqual(p.Second.Counts));

    private List<BandCell> Cells(Component persona)
    {
        var cells = new List<BandCell>(bands.Count);
        foreach (var band in bands)
        {
            var counts = new int[Enum.GetValues<PageView>().Length];
            for (var frame = band.FirstFrame; frame < band.FirstFrame + band.Frames; frame++)
                counts[(int)ViewOf(persona, frame)]++;
            var view = (PageView)Array.FindLastIndex(counts, c => c > 0);
            cells.Add(new BandCell(view, counts));
        }
        return cells;
    }

    private PageView ViewOf(Component persona, long frame)
    {
        if (!ownership.Covers(frame)) return PageView.Free;
        switch (ownership.StateOf(persona, frame))
        {
            case PageState.Owned: return PageView.Owned;
            case PageState.SharedOwned: return PageView.Lent;
            case PageState.SharedBorrowed: return PageView.Borrowed;
        }
        if (ownership.StateOf(Component.Hypervisor, frame) != PageState.None) return PageView.Hypervisor;
        var other = persona == Component.Work ? Component.Personal : Component.Work;
        return ownership.StateOf(other, frame) != PageState.None ? PageView.OtherPersona : PageView.Free;
    }

    /// <summary>The bands of a platform's RAM: each region (and each gap between regions) split into slices of roughly equal size.</summary>
    public static IReadOnlyList<OwnershipBand> BandsOf(Platform platform, int target)
    {
        var first = (long)(platform.Ram.Base / Platform.PageSize);
        var end = first + platform.PageCount;
        var perBand = Math.Max(1, platform.PageCount / target);
        var spans = new List<(string Name, long First, long End)>();
        var cursor = first;
        foreach (var region in platform.Regions.OrderBy(r => r.Range.Base))
        {
            var rFirst = Math.Max(first, (long)(region.Range.Base / Platform.PageSize));
            var rEnd = Math.Min(end, (long)(region.Range.End / Platform.PageSize));
            if (rFirst > cursor) spans.Add(("unassigned", cursor, rFirst));
            if (rEnd > rFirst) spans.Add((region.Name, rFirst, rEnd));
            cursor = Math.Max(cursor, rEnd);
        }
        if (cursor < end) spans.Add(("unassigned", cursor, end));
        var result = new List<OwnershipBand>();
        foreach (var (name, spanFirst, spanEnd) in spans)
        {
            var count = Math.Max(1, (int)Math.Round((double)(spanEnd - spanFirst) / perBand));
            var size = (spanEnd - spanFirst + count - 1) / count;
            for (var f = spanFirst; f < spanEnd; f += size)
                result.Add(new OwnershipBand(name, f, Math.Min(size, spanEnd - f)));
        }
        return result;
    }
}
