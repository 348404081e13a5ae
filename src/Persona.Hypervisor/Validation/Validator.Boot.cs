using System.Runtime.CompilerServices;
using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Validation;

/// <summary>The boot check by runs: RAM is split into runs of frames that the machine and the platform treat alike, and each run is
/// abstracted and compared with the spec's boot state once, not once per page.</summary>
/// <remarks>Sound when the spec's boot state reads a page only through the platform's page functions (<see cref="PageDependence"/>)
/// and the world says where those functions may change (<see cref="World.PageRunStarts"/>): then the spec expects the same values
/// on every page of a run, and the machine holds the same values there by construction of the runs. Otherwise every frame is a run.</remarks>
public sealed partial class Validator
{
    /// <summary>Whether a spec's boot state reads pages only through the platform's functions, decided once per definition.</summary>
    private static readonly ConditionalWeakTable<Func<State>, StrongBox<bool>> RegionalBootStates = [];

    private static bool ReadsPagesThroughPlatformOnly(Func<State> initial) =>
        RegionalBootStates.GetValue(initial, define =>
        {
            var init = define();
            return new StrongBox<bool>(RuleFootprint.PageIndexedFields.All(f => PageDependence.OnlyThroughPlatformFunctions(init[Fields.All.First(x => x.Name == f)])));
        }).Value;

    /// <summary>The runs the boot check reads: by the platform's regions when the spec's boot state allows it, else frame by frame.</summary>
    private List<FrameRun> BootRuns()
    {
        var regional = world.PageRunStarts is not null && ReadsPagesThroughPlatformOnly(model.Initial);
        return FrameRuns.Of(hypervisor.Ownership, reach, regional ? world.PageRunStarts : null);
    }

    /// <summary>Abstracts the page-indexed fields run by run; pages that hold data where the spec expects zeros join <paramref name="pages"/>,
    /// to be labelled one by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per check over every descriptor or frame: a method called once never leaves tier 0
    private void AbstractRuns(IReadOnlyList<FrameRun> runs, MapValue[] statesOf, MapValue[] mappedOf, ref MapValue content, ref MapValue poolOf,
        ref MapValue channel, bool vmidsCollide, List<long> pages, List<string> evidence)
    {
        var ownership = hypervisor.Ownership;
        foreach (var run in runs)
        {
            var first = run.First;
            for (var c = Component.Personal; c <= Component.Hypervisor; c++)
            {
                statesOf[(int)c] = StoreRunIfDiffers(statesOf[(int)c], run, (int)ownership.StateOf(c, first), $"pageState[{c}]", evidence);
                var isMapped = c != Component.Hypervisor && (MappedBy(c, first) || (vmidsCollide && MappedBy(HypervisorLayout.Other(c), first)));
                mappedOf[(int)c] = StoreRunIfDiffers(mappedOf[(int)c], run, isMapped, $"mapped[{c}]", evidence);
            }
            if ((int)content.Get(first) == (int)Label.Zero && !IsZero(run))
            {
                for (var page = run.First; page < run.End; page++)
                {
                    if (!IsZero(page))
                        pages.Add(page);
                }
            }
            poolOf = StoreRunIfDiffers(poolOf, run, (int)ownership.PoolOf(first), "poolOf", evidence);
            channel = StoreRunIfDiffers(channel, run, ownership.IsChannel(first), "channelPage", evidence);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per check over every descriptor or frame: a method called once never leaves tier 0
    private bool IsZero(FrameRun run)
    {
        // A megabyte at a time: a span's length is an int, and RAM may be larger than 2 GiB.
        const long chunk = 256;
        for (var page = run.First; page < run.End; page += chunk)
        {
            var ram = hypervisor.Machine.Bus.Ram;
            var pagesHere = Math.Min(chunk, run.End - page);
            var span = ram.Bytes.AsSpan((int)(((ulong)page * HypervisorLayout.PageSize) - ram.Base), (int)((ulong)pagesHere * HypervisorLayout.PageSize));
            if (span.ContainsAnyExcept((byte)0))
                return false;
        }
        return true;
    }

    private static MapValue StoreRunIfDiffers(MapValue map, FrameRun run, object machine, string field, List<string> evidence)
    {
        var spec = map.Get(run.First);
        if (spec.Equals(machine))
            return map;
        evidence.Add(run.Count == 1
            ? $"frame 0x{run.First:x} (PA 0x{run.First * 4096:x}): {field} is {machine} on the machine, {spec} in the spec"
            : $"frames 0x{run.First:x}..0x{run.End - 1:x} ({run.Count} pages from PA 0x{run.First * 4096:x}): {field} is {machine} on the machine, {spec} in the spec");
        return run.Count == 1 ? map.Store(run.First, machine) : new RunStoredMap(map, run.First, run.Count, machine);
    }
}
