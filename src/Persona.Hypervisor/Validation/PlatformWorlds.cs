using Persona.Spec.Concrete;
using Persona.Spec.Platforms;

namespace Persona.Hypervisor.Validation;

/// <summary>The concrete world of a platform, built once per distinct platform: each run parses its platform file again, and the
/// world (131,072 page ids and the region of each) is the same for equal platforms, so a new validator need not rebuild it.</summary>
/// <remarks>Sound because <see cref="PlatformWorld.Of"/> is a function of the platform's fields, all of them values (records of
/// strings, numbers and enums, in lists compared element by element), and a world is immutable.</remarks>
internal static class PlatformWorlds
{
    private static Entry? last;

    /// <summary>The world of the platform: the last one built when its platform equals this one field by field, else a new one.</summary>
    public static World Of(Platform platform)
    {
        // One reference read and one write: validators on several threads at worst build a world twice.
        var seen = last;
        if (seen is not null && Same(seen.Platform, platform))
            return seen.World;
        var world = PlatformWorld.Of(platform);
        last = new Entry(platform, world);
        return world;
    }

    private static bool Same(Platform a, Platform b) =>
        ReferenceEquals(a, b)
        || (a.Name == b.Name && a.Source == b.Source && a.Ram == b.Ram && a.Regions.SequenceEqual(b.Regions)
            && a.Devices.SequenceEqual(b.Devices) && a.Partitions.SequenceEqual(b.Partitions));

    private sealed record Entry(Platform Platform, World World);
}
