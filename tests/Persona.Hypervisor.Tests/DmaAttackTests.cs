using Persona.Arm.Platform.Devices;
using Persona.Hypervisor.Dma;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Scenarios;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>The DMA attack guest: a legitimate use of a held DMA device works, every DMA aimed at a foreign page or through a device
/// the work persona does not own fails (hypervisor refusal or SMMU fault), personal memory stays intact, and the run validates clean.</summary>
public sealed class DmaAttackTests(ITestOutputHelper output)
{
    private const int Display = 0;

    [Fact]
    public void DmaAtForeignPagesAndThroughForeignDevices_AllFail_AndTheRunValidatesClean()
    {
        var (machine, hypervisor, validator) = PersonaRun.Build(Spec.Platforms.DefaultPlatform.Load(), new RunOptions(WorkMode: WorkMode.DmaForeign));
        var personal = hypervisor.RamOf(Component.Personal).Range;
        machine.Run(10_000_000);
        var work = hypervisor.UartOutput(Component.Work);
        output.WriteLine(work);
        foreach (var line in hypervisor.Log) output.WriteLine(line);
        output.WriteLine(validator!.FirstViolation?.ToString() ?? "no violation");

        Assert.Null(validator.FirstViolation);
        Assert.True(validator.Checked > 10);
        Assert.Contains("work: dma legitimate steps ok 0x0000000000000008", work);
        Assert.Contains("work: attack dma-foreign mappings accepted 0x0000000000000000", work);
        Assert.Contains("work: attack dma-foreign transfers completed 0x0000000000000000", work);
        Assert.Contains("personal: done, secret intact 0x0000000000000001", hypervisor.UartOutput(Component.Personal));
        // The SMMU aborted the display's transfers at the foreign IOVAs (personal RAM's PA, the unmapped page): translation faults on its stream.
        var displayStream = DmaStreams.StreamOf(hypervisor.Platform, Display)!.Value;
        var faults = machine.Smmu!.Events.Where(e => e.StreamId == displayStream && e.Type == SmmuEventType.Translation).Select(e => e.Iova).ToList();
        Assert.Contains(personal.Base, faults);
        Assert.Contains(HypervisorLayout.ChannelIpa, faults);
        Assert.True(faults.Count >= 4, $"{faults.Count} translation faults");
        // No personal page holds the attack's fill byte.
        var ram = machine.Bus.Ram.Bytes.AsSpan((int)(personal.Base - machine.Bus.Ram.Base), (int)personal.Size);
        Assert.Equal(-1, ram.IndexOf("AAAAAAAAAAAAAAAA"u8));
        // The refusals are the hypervisor's logged decisions.
        Assert.Contains(hypervisor.Log, l => l.Contains("hypercall 0x107(0x3) refused: Denied", StringComparison.Ordinal));
        Assert.Contains(hypervisor.Log, l => l.Contains("denied data abort read IPA 0xa103020", StringComparison.Ordinal));
    }

    [Fact]
    public void AfterTheHandOff_TheDisplayStreamReachesNoWorkPage()
    {
        var (machine, hypervisor, _) = PersonaRun.Build(Spec.Platforms.DefaultPlatform.Load(), new RunOptions(WorkMode: WorkMode.DmaForeign));
        machine.Run(10_000_000);
        var stream = DmaStreams.StreamOf(hypervisor.Platform, Display)!.Value;
        var work = hypervisor.RamOf(Component.Work).Range;

        // The work persona left a page mapped for the display when it switched away: the hand-off emptied the table.
        Assert.Empty(hypervisor.Dma.MappedIovas(stream));
        Assert.DoesNotContain(machine.Smmu!.TlbEntries(DmaStreams.VmidOf(stream)), e => e.Frame << 12 >= work.Base && e.Frame << 12 < work.End);
        foreach (var ipa in Enumerable.Range(0, 64).Select(i => HypervisorLayout.GuestRamIpa + ((ulong)i << 12)))
            Assert.NotNull(machine.Smmu.Translate(stream, ipa, isWrite: true).Fault);
    }

    [Fact]
    public void DmaForeignScenario_MeetsItsExpectations()
    {
        var scenario = ScenarioParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "dma-foreign.scenario"));
        Assert.Equal(WorkMode.DmaForeign, scenario.WorkMode);
        var report = ScenarioRunner.Run(scenario, validate: true);
        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
    }
}
