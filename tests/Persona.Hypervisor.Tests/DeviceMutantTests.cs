using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>The seeded device bugs (storage partitions, the work partition's cipher, interrupt routing), each caught by the validator or by a check on the default day.</summary>
public sealed class DeviceMutantTests(ITestOutputHelper output)
{
    /// <summary>The mutants these tests cover (the table in <see cref="MutantTests"/> covers the rest).</summary>
    public static IReadOnlyList<HypervisorMutant> Covered { get; } =
        [HypervisorMutant.StorageWrongPartitionBase, HypervisorMutant.WorkPartitionInPlaintext, HypervisorMutant.InjectIntoWrongPersona];

    [Fact]
    public void WorkSectorsLandingInThePersonalPartitionAreCaughtByTheValidator()
    {
        var run = new DayRun(wipeAtTrap: null, HypervisorMutant.StorageWrongPartitionBase);
        var violation = run.Validator!.FirstViolation;
        output.WriteLine(violation?.ToString() ?? "no violation");
        Assert.NotNull(violation);
        Assert.Contains("DEV-5", violation.BrokenRules);
        Assert.Contains("in Personal's partition: partition[Personal] is Work", violation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WorkPartitionWrittenInPlaintextIsFoundOnTheEmmc()
    {
        var run = new DayRun(wipeAtTrap: null, HypervisorMutant.WorkPartitionInPlaintext, validate: false);
        Assert.Contains("work: record 0x", run.Uart(Component.Work), StringComparison.Ordinal);
        Assert.True(run.WorkPartitionHolds("CONFIDENTIAL"u8), "the plaintext mutant should leave the work record readable on the eMMC");
    }

    [Fact]
    public void ModemInterruptInjectedIntoTheWrongPersonaLeavesTheCallUnanswered()
    {
        var run = new DayRun(wipeAtTrap: null, HypervisorMutant.InjectIntoWrongPersona, validate: false);
        output.WriteLine(run.Uart(Component.Personal));
        Assert.DoesNotContain("personal: answered", run.Uart(Component.Personal), StringComparison.Ordinal);
        Assert.Contains(run.Hypervisor.Injected, i => i == (Component.Work, Devices.VirtualInterrupt.Modem));
    }
}
