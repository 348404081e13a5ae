using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Cli.Verification;

/// <summary>What one persona holds of a page, as the ownership picture colours it; later members win when a band mixes them.</summary>
public enum PageView
{
    /// <summary>No component holds the page.</summary>
    Free,

    /// <summary>The hypervisor holds the page (tables, contexts, keystore, pools).</summary>
    Hypervisor,

    /// <summary>The other persona holds the page; this persona has no access.</summary>
    OtherPersona,

    /// <summary>This persona owns the page exclusively.</summary>
    Owned,

    /// <summary>This persona owns the page and lends it to the other persona (a notification channel).</summary>
    Lent,

    /// <summary>This persona borrows the page from its owner.</summary>
    Borrowed,
}

/// <summary>One horizontal band of the ownership picture: a slice of one RAM region.</summary>
/// <param name="Region">The region's name (or "unassigned").</param>
/// <param name="FirstFrame">The band's first frame number.</param>
/// <param name="Frames">How many frames it spans.</param>
public sealed record OwnershipBand(string Region, long FirstFrame, long Frames)
{
    /// <summary>The band's first physical address.</summary>
    public ulong Base => (ulong)FirstFrame * Platform.PageSize;
}

/// <summary>One band of one persona's map at one moment: the most notable view in it, and how many pages have each view.</summary>
/// <param name="View">The latest <see cref="PageView"/> present in the band (so one lent page shows in a band of owned ones).</param>
/// <param name="Counts">Pages per view, indexed by <see cref="PageView"/>.</param>
public sealed record BandCell(PageView View, IReadOnlyList<int> Counts);

/// <summary>Both personas' maps after one trap.</summary>
/// <param name="Trap">The trap's number (0 for boot).</param>
/// <param name="Cause">Why the snapshot was taken: boot, a world switch, the ownership-changing operations.</param>
/// <param name="Foreground">The persona in the foreground afterwards.</param>
/// <param name="Personal">The personal persona's bands.</param>
/// <param name="Work">The work persona's bands.</param>
public sealed record OwnershipSnapshot(long Trap, string Cause, Component Foreground, IReadOnlyList<BandCell> Personal, IReadOnlyList<BandCell> Work)
{
    /// <summary>One persona's bands.</summary>
    public IReadOnlyList<BandCell> Of(Component persona) => persona == Component.Work ? Work : Personal;
}

/// <summary>The ownership pictures' data: the bands, and a snapshot of both personas' maps at boot and after each switch or ownership change.</summary>
/// <param name="Bands">The address bands, in address order.</param>
/// <param name="Snapshots">The snapshots, in trap order.</param>
/// <param name="Dropped">Snapshots not kept because the run took more than <see cref="OwnershipRecorder.MaxSnapshots"/>.</param>
public sealed record OwnershipTimeline(IReadOnlyList<OwnershipBand> Bands, IReadOnlyList<OwnershipSnapshot> Snapshots, long Dropped);
