using Persona.Hypervisor.Running;
using Persona.Hypervisor.Wipe;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>The multi-core and power-loss mutants (bits 20-23): each is caught by the validator, and the same run without it is clean.</summary>
public sealed class SmpMutantTests(ITestOutputHelper output)
{
    /// <summary>The mutants this class covers (MutantTests.EveryMutantHasATest counts them).</summary>
    public static IReadOnlyList<HypervisorMutant> Covered { get; } =
    [
        HypervisorMutant.SwitchLeavesOtherCoresInOldPersona, HypervisorMutant.TlbInvalidationLocalCoreOnly,
        HypervisorMutant.WipeWithoutStopAcknowledgements, HypervisorMutant.WipeResumesAtJournaledStep,
    ];

    /// <summary>A trap after work's second vCPU has run (its TLB entries are on core 1), on two cores with short slices.</summary>
    public const long TwoCoreMidUseTrap = 260;

    public static TheoryData<HypervisorMutant, string> Mutants => new()
    {
        { HypervisorMutant.SwitchLeavesOtherCoresInOldPersona, "DEV-1 on core 1" },
        { HypervisorMutant.TlbInvalidationLocalCoreOnly, "TLB still maps Work IPA" },
        { HypervisorMutant.WipeWithoutStopAcknowledgements, "SW-4 on core 1 (running Work)" },
    };

    [Theory]
    [MemberData(nameof(Mutants))]
    public void TwoCoreMutant_IsCaught_AndTheSameRunWithoutItIsClean(HypervisorMutant mutant, string phrase)
    {
        var options = mutant == HypervisorMutant.WipeWithoutStopAcknowledgements
            ? new RunOptions(Cores: 2, WorkMode: WorkMode.RaceWipe, WipeAtTrap: RaceWipeTests.RaceTrap)
            : new RunOptions(Cores: 2, WipeAtTrap: TwoCoreMidUseTrap, Quantum: 50);
        var clean = PersonaRun.Run(options);
        Assert.Null(clean.Violation);
        Assert.Contains("Work: remote wipe complete", clean.Log);
        var result = PersonaRun.Run(options with { Mutants = mutant });
        output.WriteLine(result.Violation?.ToString() ?? "no violation");
        Assert.NotNull(result.Violation);
        Assert.Contains(phrase, result.Violation.ToString());
    }

    [Fact]
    public void ResumeAtTheJournaledStep_IsCaughtAtSomeBoundary_AndHarmlessBeforeStopWork()
    {
        var caught = new List<WipeStep>();
        foreach (var step in new[] { WipeStep.StopWork, WipeStep.Scrub, WipeStep.Release, WipeStep.DestroyKey })
        {
            var (_, after, _) = PowerCycle.Run(DefaultPlatform.Load(), new RunOptions(
                Mutants: HypervisorMutant.WipeResumesAtJournaledStep, WipeAtTrap: WipeTests.MidUseTrap, PowerLossBefore: step));
            output.WriteLine($"{step}: {after?.Violation?.ToString() ?? "no violation"}");
            if (after?.Violation is not null)
                caught.Add(step);
        }
        Assert.DoesNotContain(WipeStep.StopWork, caught);
        Assert.Equal([WipeStep.Scrub, WipeStep.Release, WipeStep.DestroyKey], caught);
    }
}
