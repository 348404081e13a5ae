using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Spec.Tests;

/// <summary>The world's page runs are what the validator's boot check relies on: the region function must be constant within each run.</summary>
public class PlatformWorldRunTests
{
    public static TheoryData<string> Platforms => new() { "tiny.platform", "handset-2011.platform" };

    [Theory]
    [MemberData(nameof(Platforms))]
    public void RegionOf_AgreesWithThePlatform_AndIsConstantWithinEveryRun(string file)
    {
        var platform = EmbeddedPlatforms.Load(file);
        var world = PlatformWorld.Of(platform);
        var regionOf = world.PlatformFunctions[InitialState.RegionOf];
        var starts = world.PageRunStarts!.ToHashSet();
        Assert.Contains(world.Pages[0], starts);
        for (var i = 0; i < world.Pages.Count; i++)
        {
            var page = world.Pages[i];
            Assert.Equal((int)platform.RegionOfFrame(page), (int)regionOf(page));
            if (i > 0 && !starts.Contains(page))
                Assert.Equal(regionOf(world.Pages[i - 1]), regionOf(page));
        }
        // One run per region at most, so the boot check reads a handful of runs, not every page.
        Assert.True(starts.Count <= platform.Regions.Count + 1, $"{starts.Count} runs for {platform.Regions.Count} regions");
    }
}
