using System.Buffers.Binary;
using Persona.Arm.Platform;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Validation;
using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>Strict mode checks every guest data access against the spec's state: clean runs pass, and a foreign page mapped by a seeded
/// bug is caught at the guest's first access to it, naming the instruction and the PA.</summary>
public sealed class StrictModeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(WorkMode.Normal)]
    [InlineData(WorkMode.DmaForeign)]
    public void CleanRun_UnderStrictMode_HasNoViolation(WorkMode mode)
    {
        var (machine, _, validator) = PersonaRun.Build(DefaultPlatform.Load(), new RunOptions(WorkMode: mode, Strict: true));
        var stop = machine.Run(10_000_000);
        output.WriteLine($"{stop.Instructions} instructions, {validator!.AccessesChecked} accesses checked");
        output.WriteLine(validator.FirstViolation?.ToString() ?? "no violation");

        Assert.Null(validator.FirstViolation);
        Assert.Equal(MachineStopReason.SystemOff, stop.Reason);
        Assert.True(validator.AccessesChecked > 10_000, $"{validator.AccessesChecked} accesses checked");
    }

    [Fact]
    public void ForeignPageMappedByABug_IsCaughtAtTheGuestsStore_NamingTheInstructionAndThePa()
    {
        // ShareMapsNeighbourPage maps the page after personal's channel page into work; work then writes its note there.
        var platform = DefaultPlatform.Load();
        var (machine, hypervisor, _) = PersonaRun.Build(platform, new RunOptions(Mutants: HypervisorMutant.ShareMapsNeighbourPage, Validate: false));
        var validator = new Validator(hypervisor) { StopOnViolation = false };
        hypervisor.Observer = validator;
        validator.CheckBoot();
        ((InterpreterCore)machine.Cores[0]).Core.AccessObserver = validator;
        machine.Run(10_000_000);
        var violation = validator.FirstAccessViolation;
        output.WriteLine(violation?.ToString() ?? "no access violation");

        Assert.NotNull(violation);
        // The PA named is a personal page (the one after the lent channel page), which the work persona may not touch.
        var pa = ulong.Parse(violation.Trap.Split(", PA 0x")[1], System.Globalization.NumberStyles.HexNumber);
        var frame = (long)(pa / HypervisorLayout.PageSize);
        Assert.True(hypervisor.RamOf(Component.Personal).Range.Contains(pa));
        Assert.Equal(PageState.None, hypervisor.Ownership.StateOf(Component.Work, frame));
        Assert.True((bool)((MapValue)validator.Current[Fields.ChannelPage.Name]).Get(frame - 1));
        Assert.StartsWith("strict: Work write", violation.Trap, StringComparison.Ordinal);
        Assert.Contains($"IPA 0x{HypervisorLayout.ChannelIpa:x}, PA 0x{pa:x}", violation.Trap, StringComparison.Ordinal);
        Assert.Contains("Personal Owned, Work None", string.Join("\n", violation.Evidence), StringComparison.Ordinal);
        // The named instruction is a store in the work kernel's code.
        var instruction = ulong.Parse(violation.Trap.Split("instruction at 0x")[1].Split(' ')[0], System.Globalization.NumberStyles.HexNumber);
        var workRam = hypervisor.RamOf(Component.Work).Range;
        var word = BinaryPrimitives.ReadUInt32LittleEndian(machine.Bus.Ram.Bytes.AsSpan((int)(workRam.Base + (instruction - HypervisorLayout.GuestRamIpa) - machine.Bus.Ram.Base), 4));
        Assert.Equal(0b0100u, (word >> 25) & 0b0101u);
        Assert.Equal(0u, (word >> 22) & 1u);
    }

    [Fact]
    public void StrictWithoutValidation_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => PersonaRun.Build(DefaultPlatform.Load(), new RunOptions(Validate: false, Strict: true)));
    }
}
