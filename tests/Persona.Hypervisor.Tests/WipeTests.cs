using Persona.Hypervisor.Running;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>A remote wipe in the middle of use: every step validated, work memory and key gone, personal untouched.</summary>
public sealed class WipeTests(ITestOutputHelper output)
{
    /// <summary>A trap after the work persona has posted its note and the personal persona is back in the foreground.</summary>
    public const long MidUseTrap = 150;

    [Fact]
    public void RemoteWipeMidUseLeavesNoWorkDataAndPersonalIntact()
    {
        var (machine, hypervisor, validator) = PersonaRun.Build(Persona.Spec.Platforms.DefaultPlatform.Load(), new RunOptions(WipeAtTrap: MidUseTrap));
        machine.Run(10_000_000);
        output.WriteLine(hypervisor.UartOutput(Persona.Spec.Model.Component.Personal));
        foreach (var line in hypervisor.Log) output.WriteLine(line);
        output.WriteLine(validator!.FirstViolation?.ToString() ?? "no violation");
        Assert.Null(validator.FirstViolation);
        Assert.True(hypervisor.WorkWiped);
        Assert.Contains("Work: remote wipe complete", hypervisor.Log);
        Assert.Contains("personal: done, secret intact 0x0000000000000001", hypervisor.UartOutput(Persona.Spec.Model.Component.Personal));
        Assert.False(hypervisor.KeyPresent);
        var work = hypervisor.RamOf(Persona.Spec.Model.Component.Work).Range;
        var ram = machine.Bus.Ram;
        Assert.False(ram.Bytes.AsSpan((int)(work.Base - ram.Base), (int)work.Size).ContainsAnyExcept((byte)0), "work RAM holds data after the wipe");
        Assert.Empty(hypervisor.TablesOf(Persona.Spec.Model.Component.Work).MappedIpaPages());
    }
}
