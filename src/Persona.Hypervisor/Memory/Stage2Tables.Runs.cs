using System.Runtime.CompilerServices;
namespace Persona.Hypervisor.Memory;

/// <summary>A run of consecutive IPA pages whose descriptors differ only by a constant step of their output address: either one
/// block descriptor or consecutive invalid ones covering them all, or level-3 descriptors that are equal (step 0) or advance one page each (step 1).</summary>
/// <param name="FirstIpaPage">The first IPA page of the run.</param>
/// <param name="Pages">How many IPA pages the run covers.</param>
/// <param name="FrameStep">How many frames the output advances per IPA page when the run translates (0 or 1).</param>
public readonly record struct Stage2Run(ulong FirstIpaPage, ulong Pages, ulong FrameStep)
{
    /// <summary>The last IPA page of the run.</summary>
    public ulong LastIpaPage => FirstIpaPage + Pages - 1;
}

/// <summary>The tables read block by block: the runs of IPA pages that translate alike, for a validator that walks one page per run.</summary>
public sealed partial class Stage2Tables
{
    /// <summary>Splits the whole IPA space into runs of pages whose descriptors differ only by a constant step of their output address.</summary>
    /// <remarks>A walk's outcome depends on the descriptors on its path; within a run those differ only in the output address, by the
    /// run's step, so the first and last pages' walks decide the run: the same fault, or outputs a constant step apart.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per check over every descriptor or frame: a method called once never leaves tier 0
    public List<Stage2Run> DescriptorRuns()
    {
        var runs = new List<Stage2Run>();
        const ulong l1Pages = 1UL << 18;
        const ulong l2Pages = 1UL << 9;
        // Consecutive invalid descriptors above level 3 make one run: every page under them faults (most of the IPA space is unmapped).
        var previousInvalid = false;
        void Add(Stage2Run run, ulong descriptor)
        {
            var invalid = (descriptor & 1) == 0;
            if (invalid && previousInvalid)
                runs[^1] = runs[^1] with { Pages = runs[^1].Pages + run.Pages };
            else
                runs.Add(run);
            previousInvalid = invalid;
        }
        for (ulong i1 = 0; i1 < 1UL << (HypervisorLayout.IpaBits - 30); i1++)
        {
            var d1 = Read(Root + (i1 * 8));
            if ((d1 & 3) != 3)
            {
                Add(new Stage2Run(i1 * l1Pages, l1Pages, 1), d1);
                continue;
            }
            var l2 = d1 & OutputMask;
            for (ulong i2 = 0; i2 < 512; i2++)
            {
                var d2 = Read(l2 + (i2 * 8));
                var first = (i1 * l1Pages) + (i2 * l2Pages);
                if ((d2 & 3) != 3)
                {
                    Add(new Stage2Run(first, l2Pages, 1), d2);
                    continue;
                }
                LeafRuns(d2 & OutputMask, first, runs);
                previousInvalid = false;
            }
        }
        return runs;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per check over every descriptor or frame: a method called once never leaves tier 0
    private void LeafRuns(ulong table, ulong firstIpaPage, List<Stage2Run> runs)
    {
        // Most tables are one run (a persona's RAM mapped page after page, or nothing): told apart by two tight scans of the table.
        if (WholeTableRun(table) is { } wholeStep)
        {
            runs.Add(new Stage2Run(firstIpaPage, 512, wholeStep));
            return;
        }
        ulong start = 0;
        var previous = Read(table);
        ulong? step = null;
        for (ulong i = 1; i <= 512; i++)
        {
            var descriptor = i < 512 ? Read(table + (i * 8)) : 0;
            var continues = i < 512 && (step, descriptor - previous) switch
            {
                (null or 0, 0) => true,
                (null or 1, HypervisorLayout.PageSize) => ((descriptor ^ previous) & ~OutputMask) == 0,
                _ => false,
            };
            if (continues)
            {
                step ??= descriptor == previous ? 0UL : 1UL;
                previous = descriptor;
                continue;
            }
            runs.Add(new Stage2Run(firstIpaPage + start, i - start, step ?? 1));
            start = i;
            previous = descriptor;
            step = null;
        }
    }

    /// <summary>The step of a level-3 table whose 512 descriptors are all equal (0) or all advance one page with the same attributes
    /// (1), or null when the table is not one run. Gives what the descriptor-by-descriptor split gives for such a table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per check over every descriptor or frame: a method called once never leaves tier 0
    private ulong? WholeTableRun(ulong table)
    {
        if (!BitConverter.IsLittleEndian)
            return null;
        var descriptors = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(pool.Ram.Bytes.AsSpan((int)(table - pool.Ram.Base), 512 * 8));
        var first = descriptors[0];
        if (descriptors.IndexOfAnyExcept(first) < 0)
            return 0;
        // An arithmetic run of output addresses; the attribute bits above the output field are equal at both ends only if no
        // addition carried into them (the sum only grows), and the bits below it never change.
        var expected = first;
        foreach (var descriptor in descriptors)
        {
            if (descriptor != expected)
                return null;
            expected += HypervisorLayout.PageSize;
        }
        return ((descriptors[^1] ^ first) & ~OutputMask) == 0 ? 1 : null;
    }
}
