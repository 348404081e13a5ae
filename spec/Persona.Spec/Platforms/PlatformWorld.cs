using Persona.Spec.Concrete;
using Persona.Spec.Model;

namespace Persona.Spec.Platforms;

/// <summary>Turns a platform into the concrete world the spec is evaluated in: its pages, its devices, and the platform functions.</summary>
public static class PlatformWorld
{
    /// <summary>The world of a platform; pages are physical frame numbers, devices are indexes into the device list.</summary>
    public static World Of(Platform platform)
    {
        var firstFrame = (long)(platform.Ram.Base / Platform.PageSize);
        var pages = new long[platform.PageCount];
        var regionByFrame = new int[platform.PageCount];
        for (var i = 0; i < pages.Length; i++)
        {
            pages[i] = firstFrame + i;
            regionByFrame[i] = (int)platform.RegionOfFrame(pages[i]);
        }
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
        return new World(pages, devices, functions);
    }
}
