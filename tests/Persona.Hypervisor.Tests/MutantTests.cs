using Persona.Hypervisor.Running;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>Every seeded hypervisor bug is caught by the validator during the validated two-persona run.</summary>
public sealed class MutantTests(ITestOutputHelper output)
{
    /// <summary>Each mutant, the work mode that exercises it, and a phrase its violation report must contain.</summary>
    public static TheoryData<HypervisorMutant, WorkMode, string> Mutants => new()
    {
        { HypervisorMutant.SkipTlbInvalidationOnUnmap, WorkMode.Normal, "TLB still maps Work IPA 0x80000000" },
        { HypervisorMutant.SkipScrubOnUnshare, WorkMode.Normal, "should hold zeros but holds data" },
        { HypervisorMutant.WrongVmid, WorkMode.Normal, "VMID 1" },
        { HypervisorMutant.RegisterNotSaved, WorkMode.Normal, "X30 is" },
        { HypervisorMutant.Stage2RangeOffByOne, WorkMode.Normal, "MEM-2" },
        { HypervisorMutant.DeviceMmioInBothPersonas, WorkMode.Normal, "mapped in both personas" },
        { HypervisorMutant.ShareWithoutChecks, WorkMode.HostileHypercalls, "but the spec's guard refuses it" },
        { HypervisorMutant.UnshareKeepsBorrowerMapping, WorkMode.Normal, "MEM-2" },
        { HypervisorMutant.SwitchKeepsForegroundDevices, WorkMode.Normal, "switchTo(to=Work) but the spec's guard refuses it" },
        { HypervisorMutant.GrantForegroundDevicesToBackground, WorkMode.Normal, "grant(d=0, who=Personal) but the spec's guard refuses it" },
        { HypervisorMutant.UnshareKeepsOwnershipMetadata, WorkMode.Normal, "pageState[Personal]" },
        { HypervisorMutant.ShareMapsNeighbourPage, WorkMode.Normal, "MEM-2" },
        { HypervisorMutant.SkipScrubOnWipe, WorkMode.Normal, "MEM-5" },
        { HypervisorMutant.DmaTableNotUpdatedOnHandOff, WorkMode.DmaForeign, "DMA-1" },
        { HypervisorMutant.SkipSmmuTlbInvalidationOnUnmap, WorkMode.DmaForeign, "by a stale SMMU TLB entry (VMID 16" },
        { HypervisorMutant.DmaStreamInBypass, WorkMode.Normal, "DMA-4" },
        { HypervisorMutant.DmaMapTrustsStage2, WorkMode.DmaForeign, "performed dmaMap(d=0, p=frame 0x420" },
    };

    [Theory]
    [MemberData(nameof(Mutants))]
    public void ValidatorCatchesTheSeededBug(HypervisorMutant mutant, WorkMode mode, string phrase)
    {
        var result = PersonaRun.Run(new RunOptions(Mutants: mutant, WorkMode: mode, WipeAtTrap: mutant == HypervisorMutant.SkipScrubOnWipe ? WipeTests.MidUseTrap : null));
        output.WriteLine(result.Violation?.ToString() ?? "no violation");
        Assert.NotNull(result.Violation);
        Assert.Contains(phrase, result.Violation.ToString());
    }

    [Fact]
    public void EveryMutantHasATest()
    {
        var tested = Mutants.Select(row => (HypervisorMutant)row[0]).Concat(DeviceMutantTests.Covered).Concat(SmpMutantTests.Covered)
            .Concat(WipeDmaMutantTests.Covered).Concat(VirtualCounterTests.Covered).ToHashSet();
        var all = Enum.GetValues<HypervisorMutant>().Where(m => m != HypervisorMutant.None);
        Assert.All(all, m => Assert.Contains(m, tested));
        Assert.True(tested.Count >= 12);
    }
}
