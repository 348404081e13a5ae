using Persona.Arm.Platform;
using Persona.Hypervisor.Dma;
using Persona.Hypervisor.Memory;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Validation;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>The validator's per-trap shortcuts stay sound: a device's state or a DMA table changed behind the validator's back, after
/// it had read them and while the spec's fields stayed the same, is still seen at the next trap; a mapping in an otherwise empty
/// stretch of the IPA space (which the boot check reads as one merged run of invalid descriptors) is still seen at boot.</summary>
public sealed class ValidatorShortcutTests(ITestOutputHelper output)
{
    private const int Display = 0;

    /// <summary>The GPS: exclusive, held by nobody on the default day, so nothing but the test changes it.</summary>
    private const int Gps = 4;

    private static readonly Stage2Descriptor ReadWrite = Stage2Descriptor.NormalMemory | Stage2Descriptor.Read | Stage2Descriptor.Write | Stage2Descriptor.InnerShareable;

    /// <summary>Runs until the condition holds (checked every few instructions) or the machine stops.</summary>
    private static void RunUntil(Machine machine, Func<bool> condition)
    {
        for (var slice = 0; slice < 200_000 && !condition(); slice++)
        {
            if (machine.Run(64).Reason != MachineStopReason.InstructionLimit)
                break;
        }
    }

    private Violation ViolationAfterTheRun(Machine machine, Validator validator)
    {
        machine.Run(10_000_000);
        output.WriteLine(validator.FirstViolation?.ToString() ?? "no violation");
        Assert.NotNull(validator.FirstViolation);
        return validator.FirstViolation;
    }

    [Fact]
    public void DeviceStateChangedBehindTheValidator_WhileTheSpecsDeviceFieldsStayTheSame_IsCaughtAtTheNextTrap()
    {
        var (machine, hypervisor, validator) = PersonaRun.Build(DefaultPlatform.Load(), new RunOptions());
        RunUntil(machine, () => validator!.Checked >= 20);
        Assert.Null(validator!.FirstViolation);
        Assert.Equal("gps", hypervisor.Devices.Describe(Gps).Name);
        var checkedBefore = validator.Checked;

        // A buggy hypervisor leaves the GPS running (not quiesced) without any spec step saying so.
        hypervisor.Devices[Gps].Quiesced = !hypervisor.Devices[Gps].Quiesced;
        var violation = ViolationAfterTheRun(machine, validator);

        Assert.Equal(checkedBefore + 1, validator.Checked);
        Assert.Contains("device gps: quiesced is", violation.ToString());
    }

    [Fact]
    public void DmaTableChangedBehindTheValidator_AfterItReadTheStream_IsCaughtAtTheNextTrap()
    {
        var (machine, hypervisor, validator) = PersonaRun.Build(DefaultPlatform.Load(), new RunOptions(WorkMode: WorkMode.DmaForeign));
        var stream = DmaStreams.StreamOf(hypervisor.Platform, Display)!.Value;
        // The work persona maps a page of its own for the display (a legitimate dmaMap): the validator has read the stream's table.
        RunUntil(machine, () => hypervisor.Dma.MappedIovas(stream).Count > 0);
        Assert.NotEmpty(hypervisor.Dma.MappedIovas(stream));
        Assert.Null(validator!.FirstViolation);
        var checkedBefore = validator.Checked;

        // A personal frame slipped into the display's table, with no dmaMap step: the STE and the SMMU's TLB stay as they were,
        // only a table byte changes.
        var personalFrame = hypervisor.RamOf(Component.Personal).Range.Base + 0x12_3000;
        var iova = HypervisorLayout.GuestRamIpa + 0x7F_F000;
        hypervisor.Dma.TableOf(stream).Map(iova, personalFrame, ReadWrite);
        var violation = ViolationAfterTheRun(machine, validator);

        Assert.Equal(checkedBefore + 1, validator.Checked);
        Assert.Contains("device display", violation.ToString());
        Assert.Contains($"reaches frame 0x{personalFrame / HypervisorLayout.PageSize:x}", violation.ToString());
        Assert.Contains("DMA-1", violation.BrokenRules);
    }

    [Fact]
    public void MappingInAnEmptyStretchOfTheIpaSpace_IsCaughtAtBoot()
    {
        // IPA 0xC0000000 lies in a gigabyte the personal tables leave empty: the boot check reads such stretches as one run of
        // invalid descriptors; the new mapping must break that run and be walked.
        var (_, hypervisor, _) = PersonaRun.Build(DefaultPlatform.Load(), new RunOptions(Validate: false));
        var workFrame = hypervisor.RamOf(Component.Work).Range.Base + 0x45_6000;
        hypervisor.TablesOf(Component.Personal).Map(0xC000_0000 + 0x1234_5000, workFrame, ReadWrite);
        var validator = new Validator(hypervisor);
        validator.CheckBoot();
        output.WriteLine(validator.FirstViolation?.ToString() ?? "no violation");

        Assert.NotNull(validator.FirstViolation);
        Assert.Contains("MEM-2", validator.FirstViolation.BrokenRules);
        Assert.Contains($"frame 0x{workFrame / HypervisorLayout.PageSize:x}", validator.FirstViolation.ToString());
    }
}
