using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Spec.Platforms;

/// <summary>Turns a platform into the concrete world the spec is evaluated in: its pages, its devices, and the platform functions.</summary>
public static class PlatformWorld
{
    /// <summary>The world of a platform; pages are physical frame numbers, devices are indexes into the device list.</summary>
    /// <remarks>The only page function is the region of a page, so it is constant between region boundaries: those are the world's page runs.</remarks>
    public static World Of(Platform platform)
    {
        var firstFrame = (long)(platform.Ram.Base / Platform.PageSize);
        var pages = new long[platform.PageCount];
        for (var i = 0; i < pages.Length; i++)
            pages[i] = firstFrame + i;
        // Filled region by region: a frame lies in the region holding its first byte, as RegionOfFrame says (regions never overlap).
        var regionByFrame = new int[platform.PageCount];
        var runStarts = new SortedSet<long> { firstFrame };
        foreach (var region in platform.Regions)
        {
            var from = Math.Max((long)((region.Range.Base + Platform.PageSize - 1) / Platform.PageSize), firstFrame);
            var to = Math.Min((long)((region.Range.End + Platform.PageSize - 1) / Platform.PageSize), firstFrame + pages.Length);
            if (from >= to)
                continue;
            Array.Fill(regionByFrame, (int)region.Kind, (int)(from - firstFrame), (int)(to - from));
            runStarts.Add(from);
            runStarts.Add(to);
        }
        runStarts.RemoveWhere(f => f >= firstFrame + pages.Length);
        var devices = Enumerable.Range(0, platform.Devices.Count).Select(i => (long)i).ToArray();
        DeviceDescription Dev(object id) => platform.Devices[(int)(long)id];
        var functions = new Dictionary<string, Func<object, object>>
        {
            [InitialState.RegionOf] = frame =>
            {
                var index = (long)frame - firstFrame;
                return index >= 0 && index < regionByFrame.Length ? regionByFrame[index] : (int)RegionKind.Unassigned;
            },
            [InitialState.KindOf] = d => (int)Dev(d).Kind,
            [InitialState.IsDmaMaster] = d => Dev(d).DmaMaster,
            [InitialState.AssignedAtBoot] = d => Dev(d).Owner is not null,
            [InitialState.OwnerAtBoot] = d => (int)(Dev(d).Owner ?? Component.Hypervisor),
        };
        return new World(pages, devices, functions) { PageRunStarts = [.. runStarts] };
    }
}
