using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Platforms;
using Persona.Spec.Rules;

namespace Persona.Spec.Tests;

/// <summary>The embedded default platform (spec/platforms/handset-2011.platform) has the handset's facts.</summary>
public partial class PlatformParserTests
{
    private static readonly Platform Handset = DefaultPlatform.Load();

    [Fact]
    public void DefaultPlatform_Has512MiBOfRamAt0x40000000()
    {
        Assert.Equal("handset-2011", Handset.Name);
        Assert.Equal("embedded:handset-2011.platform", Handset.Source);
        Assert.Equal(new AddressRange(0x4000_0000, 512UL << 20), Handset.Ram);
        Assert.Equal(131_072, Handset.PageCount);
    }

    [Fact]
    public void DefaultPlatform_HasItsEightDevices_WithTheirKindsDmaAndBootOwners()
    {
        var expected = new (string Name, DeviceKind Kind, bool Dma, Component? Owner)[]
        {
            ("display", DeviceKind.Foreground, true, Component.Personal),
            ("touch", DeviceKind.Foreground, false, Component.Personal),
            ("audio", DeviceKind.Foreground, true, Component.Personal),
            ("camera", DeviceKind.Exclusive, true, Component.Personal),
            ("gps", DeviceKind.Exclusive, false, Component.Personal),
            ("modem", DeviceKind.Mediated, true, Component.Hypervisor),
            ("wifi", DeviceKind.Mediated, true, Component.Hypervisor),
            ("emmc", DeviceKind.Mediated, true, Component.Hypervisor),
        };
        Assert.Equal(expected, Handset.Devices.Select(d => (d.Name, d.Kind, d.DmaMaster, d.Owner)).ToArray());
        Assert.Equal(Enumerable.Range(64, 8), Handset.Devices.Select(d => d.Interrupt));
        Assert.All(Handset.Devices, d => Assert.Equal(Platform.PageSize, d.Mmio.Size));
        Assert.Equal(8, Handset.Devices.Select(d => d.Mmio.Base).Distinct().Count());
    }

    [Fact]
    public void DefaultPlatform_HasItsRegions_CoveringAllOfRam()
    {
        var expected = new (string Name, RegionKind Kind, ulong Base, ulong Size)[]
        {
            ("hypervisor", RegionKind.Hypervisor, 0x4000_0000, 16UL << 20),
            ("keystore", RegionKind.KeyStore, 0x4100_0000, 4096),
            ("pool-personal", RegionKind.PersonalPool, 0x4100_1000, 0x7F_F000),
            ("pool-work", RegionKind.WorkPool, 0x4180_0000, 8UL << 20),
            ("personal", RegionKind.Personal, 0x4200_0000, 256UL << 20),
            ("work", RegionKind.Work, 0x5200_0000, 224UL << 20),
        };
        Assert.Equal(expected, Handset.Regions.Select(r => (r.Name, r.Kind, r.Range.Base, r.Range.Size)).ToArray());
        Assert.Equal(Handset.Ram.Size, Handset.Regions.Aggregate(0UL, (sum, r) => sum + r.Range.Size));
    }

    [Theory]
    [InlineData(0x40000, RegionKind.Hypervisor)]
    [InlineData(0x40FFF, RegionKind.Hypervisor)]
    [InlineData(0x41000, RegionKind.KeyStore)]
    [InlineData(0x41001, RegionKind.PersonalPool)]
    [InlineData(0x417FF, RegionKind.PersonalPool)]
    [InlineData(0x41800, RegionKind.WorkPool)]
    [InlineData(0x41FFF, RegionKind.WorkPool)]
    [InlineData(0x42000, RegionKind.Personal)]
    [InlineData(0x51FFF, RegionKind.Personal)]
    [InlineData(0x52000, RegionKind.Work)]
    [InlineData(0x5FFFF, RegionKind.Work)]
    [InlineData(0x60000, RegionKind.Unassigned)]
    [InlineData(0x3FFFF, RegionKind.Unassigned)]
    public void DefaultPlatform_RegionOfFrame_AtEachRegionEdge(long frame, RegionKind kind) =>
        Assert.Equal(kind, Handset.RegionOfFrame(frame));

    [Fact]
    public void DefaultPlatform_HasBothPartitions_WithOnlyTheWorkPartitionEncrypted()
    {
        Assert.Equal(
            [new PartitionDescription(Component.Personal, 0, 8_388_608, false), new PartitionDescription(Component.Work, 8_388_608, 8_388_608, true)],
            Handset.Partitions);
    }

    [Fact]
    public void DefaultPlatform_World_NumbersEveryFrameOfRamAndCountsPagesPerRegion()
    {
        var world = PlatformWorld.Of(Handset);
        Assert.Equal(131_072, world.Pages.Count);
        Assert.Equal(0x40000, world.Pages[0]);
        Assert.Equal(0x5FFFF, world.Pages[^1]);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 7], world.Devices);
        var regionOf = world.PlatformFunctions[InitialState.RegionOf];
        var counts = world.Pages.GroupBy(p => (RegionKind)(int)regionOf(p)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4096, counts[RegionKind.Hypervisor]);
        Assert.Equal(1, counts[RegionKind.KeyStore]);
        Assert.Equal(2047, counts[RegionKind.PersonalPool]);
        Assert.Equal(2048, counts[RegionKind.WorkPool]);
        Assert.Equal(65_536, counts[RegionKind.Personal]);
        Assert.Equal(57_344, counts[RegionKind.Work]);
    }

    [Fact]
    public void DefaultPlatform_ShareOfAPersonalPageWithWork_OpensAScrubbedChannelPage_AndPersonasStillShareOnlyTheChannel()
    {
        var spec = new ConcreteSpec(SpecModel.Default, PlatformWorld.Of(Handset));
        const long page = 0x42010;
        var (after, ok) = spec.Apply(PageOperations.Share, spec.InitialState(),
            ConcreteSpecTests.Args(("from", Component.Personal), ("to", Component.Work), ("p", page)));
        Assert.True(ok);
        Assert.Equal(PageState.SharedOwned, after.PageStateOf(Component.Personal, page));
        Assert.Equal(PageState.SharedBorrowed, after.PageStateOf(Component.Work, page));
        Assert.Equal(Label.Zero, after.ContentOf(page));
        Assert.True(spec.Holds(SharingRules.PersonasShareOnlyTheChannel, after));
        Assert.False(spec.Holds(SharingRules.PersonasShareOnlyTheChannel, after.WithEntry(Fields.ChannelPage, page, false)));
    }
}
