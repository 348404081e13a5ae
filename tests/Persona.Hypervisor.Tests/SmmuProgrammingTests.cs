using Persona.Arm.Platform.Devices;
using Persona.Hypervisor.Dma;
using Persona.Hypervisor.Running;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>The hypervisor programs the SMMU from device ownership: held devices translate through their private (initially empty)
/// table, unowned and mediated ones abort, and the mutants' violations carry the DMA evidence (stream, STE words, PA).</summary>
public sealed class SmmuProgrammingTests(ITestOutputHelper output)
{
    [Fact]
    public void AtBoot_HeldDmaDevicesTranslateThroughEmptyPrivateTables_OthersAbort()
    {
        var platform = DefaultPlatform.Load();
        var (machine, hypervisor, validator) = PersonaRun.Build(platform, new RunOptions());
        var smmu = machine.Smmu!;
        Assert.True(smmu.Enabled);
        Assert.Null(validator!.FirstViolation);
        Assert.Equal(6, DmaStreams.CountOf(platform));
        for (var d = 0; d < platform.Devices.Count; d++)
        {
            if (DmaStreams.StreamOf(platform, d) is not { } stream)
                continue;
            var entry = SmmuStreamTableEntry.Read(machine.Bus.Ram, smmu.StreamTableBase, stream);
            output.WriteLine($"{platform.Devices[d].Name}: stream {stream} {entry}");
            var held = platform.Devices[d].Owner is Component.Personal or Component.Work;
            Assert.True(entry.Valid);
            Assert.Equal(held ? SmmuStreamConfig.Stage2 : SmmuStreamConfig.Abort, entry.Config);
            if (held)
            {
                Assert.Equal(DmaStreams.VmidOf(stream), entry.Vmid);
                Assert.Equal(hypervisor.Dma.TableOf(stream).Root, entry.TableBase);
                Assert.Empty(hypervisor.Dma.TableOf(stream).MappedIpaPages());
            }
            Assert.NotNull(smmu.Translate(stream, HypervisorLayout.GuestRamIpa, isWrite: true).Fault);
        }
    }

    [Fact]
    public void BypassMutant_IsCaughtAtBoot_WithTheStreamsSteWords()
    {
        var result = PersonaRun.Run(new RunOptions(Mutants: HypervisorMutant.DmaStreamInBypass));
        output.WriteLine(result.Violation?.ToString() ?? "no violation");
        Assert.NotNull(result.Violation);
        Assert.Equal("boot", result.Violation.Trap);
        Assert.Contains("DMA-1", result.Violation.BrokenRules);
        Assert.Contains("DMA-4", result.Violation.BrokenRules);
        Assert.Contains(result.Violation.Evidence, e => e.Contains("device camera (stream 2, STE [0x9, 0x0, 0x0, 0x0] (Bypass))", StringComparison.Ordinal)
            && e.Contains("reaches frame 0x40001 (PA 0x40001000) by bypass (IOVA = PA)", StringComparison.Ordinal));
    }

    [Fact]
    public void HandOffMutant_LeavesTheWorkPageReachableByThePersonalDisplay_AndTheEvidenceNamesIt()
    {
        var result = PersonaRun.Run(new RunOptions(Mutants: HypervisorMutant.DmaTableNotUpdatedOnHandOff, WorkMode: WorkMode.DmaForeign));
        output.WriteLine(result.Violation?.ToString() ?? "no violation");
        Assert.NotNull(result.Violation);
        Assert.Contains("release(d=0)", result.Violation.ExpectedOperation);
        Assert.Contains("DMA-1", result.Violation.BrokenRules);
        Assert.Contains(result.Violation.Evidence, e => e.Contains("device display (stream 0, STE [0xd, 0x10,", StringComparison.Ordinal)
            && e.Contains("by IOVA 0x400", StringComparison.Ordinal) && e.Contains("(descriptor 0x", StringComparison.Ordinal));
    }
}
