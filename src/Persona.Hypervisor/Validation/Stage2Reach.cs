using System.Runtime.CompilerServices;
using Persona.Arm.Contracts;
using Persona.Hypervisor.Memory;

namespace Persona.Hypervisor.Validation;

/// <summary>Which RAM frames one persona's stage-2 tables reach, read with the emulator's own walker: run by run at boot, page by page
/// for the IPA pages a trap touched.</summary>
/// <remarks>At boot the tables are split into <see cref="Stage2Run"/>s and only the first and last page of each run are walked: within a
/// run the descriptors differ only by a constant step of the output address, so the walker either faults alike on every page or
/// translates them a constant step apart. A run whose two walks disagree with that is walked page by page.</remarks>
internal sealed class Stage2Reach(Stage2Tables tables, IPhysicalBus bus, PageOwnership ownership)
{
    private const long NoFrame = -1;
    private readonly int[] mappers = new int[ownership.Count];
    private readonly List<(Stage2Run Run, long FirstFrame)> runs = [];
    private readonly Dictionary<ulong, long> rewalked = [];

    /// <summary>Walks the whole tables afresh (the boot check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per check over every descriptor or frame: a method called once never leaves tier 0
    public void WalkAll()
    {
        Array.Clear(mappers);
        runs.Clear();
        rewalked.Clear();
        foreach (var run in tables.DescriptorRuns())
        {
            var first = Walk(run.FirstIpaPage);
            var last = Walk(run.LastIpaPage);
            var step = (long)run.FrameStep;
            if (first is null && last is null)
            {
                runs.Add((run, NoFrame));
            }
            else if (first is { } f && last is { } l && l - f == step * (long)(run.Pages - 1))
            {
                runs.Add((run, f));
                CountRun(f, step, (long)run.Pages);
            }
            else
            {
                // The walks contradict the run's shape (the walker saw something the run split did not): walk every page.
                runs.Add((run, NoFrame));
                for (var ipaPage = run.FirstIpaPage; ipaPage <= run.LastIpaPage; ipaPage++)
                {
                    var frame = InRam(Walk(ipaPage));
                    rewalked[ipaPage] = frame;
                    Count(frame, +1);
                }
            }
        }
    }

    /// <summary>Re-walks one IPA page; returns the RAM frames whose reachability may have changed (the old and the new target).</summary>
    public List<long> Rewalk(ulong ipaPage)
    {
        var affected = new List<long>(2);
        var old = FrameOf(ipaPage);
        if (old != NoFrame)
        {
            Count(old, -1);
            affected.Add(old);
        }
        var frame = InRam(Walk(ipaPage));
        rewalked[ipaPage] = frame;
        if (frame != NoFrame)
        {
            Count(frame, +1);
            affected.Add(frame);
        }
        return affected;
    }

    /// <summary>How many IPA pages translate to each RAM frame, indexed from the ownership table's first frame.</summary>
    public ReadOnlySpan<int> Mappers => mappers;

    /// <summary>Whether some IPA page of the persona translates to the frame.</summary>
    public bool Maps(long frame) => ownership.Covers(frame) && mappers[frame - ownership.FirstFrame] > 0;

    /// <summary>The RAM frame an IPA page translates to, or -1 when it faults or leaves RAM.</summary>
    public long FrameOf(ulong ipaPage)
    {
        if (rewalked.TryGetValue(ipaPage, out var frame))
            return frame;
        var (lo, hi) = (0, runs.Count - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var (run, first) = runs[mid];
            if (ipaPage < run.FirstIpaPage) hi = mid - 1;
            else if (ipaPage > run.LastIpaPage) lo = mid + 1;
            else if (first == NoFrame) return NoFrame;
            else
            {
                var at = first + ((long)run.FrameStep * (long)(ipaPage - run.FirstIpaPage));
                return ownership.Covers(at) ? at : NoFrame;
            }
        }
        return NoFrame;
    }

    /// <summary>The lowest frame the persona maps, or -1 when none.</summary>
    public long AnyMappedFrame()
    {
        var index = Array.FindIndex(mappers, m => m > 0);
        return index < 0 ? NoFrame : ownership.FirstFrame + index;
    }

    /// <summary>The frame the emulator's walker translates an IPA page to, or null when the walk faults.</summary>
    private long? Walk(ulong ipaPage)
    {
        var walk = tables.Translate(bus, ipaPage * HypervisorLayout.PageSize);
        return walk.Fault is null ? (long)(walk.OutputAddress / HypervisorLayout.PageSize) : null;
    }

    private long InRam(long? frame) => frame is { } f && ownership.Covers(f) ? f : NoFrame;

    /// <summary>Counts one mapper for each frame of a run: the same frame every page (step 0), or consecutive frames (step 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per check over every descriptor or frame: a method called once never leaves tier 0
    private void CountRun(long first, long step, long pages)
    {
        if (step == 0)
        {
            Count(first, (int)pages);
            return;
        }
        if (step != 1)
        {
            for (long k = 0; k < pages; k++)
                Count(first + (step * k), +1);
            return;
        }
        var from = Math.Max(first, ownership.FirstFrame) - ownership.FirstFrame;
        var to = Math.Min(first + pages, ownership.FirstFrame + ownership.Count) - ownership.FirstFrame;
        for (var i = from; i < to; i++)
            mappers[i]++;
    }

    private void Count(long frame, int delta)
    {
        if (ownership.Covers(frame))
            mappers[frame - ownership.FirstFrame] += delta;
    }
}
