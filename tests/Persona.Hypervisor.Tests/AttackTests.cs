using Persona.Hypervisor.Running;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>The work kernel's attacks all fail: the run stays valid, the attack reports nothing gained, and the hypervisor logs its refusals.</summary>
public sealed class AttackTests(ITestOutputHelper output)
{
    private RunResult RunAttack(WorkMode mode)
    {
        var result = PersonaRun.Run(new RunOptions(WorkMode: mode));
        output.WriteLine(result.WorkUart);
        foreach (var line in result.Log) output.WriteLine(line);
        output.WriteLine(result.Violation?.ToString() ?? "no violation");
        Assert.Null(result.Violation);
        Assert.Contains("work: done, secret intact 0x0000000000000001", result.WorkUart);
        Assert.Contains("personal: done, secret intact 0x0000000000000001", result.PersonalUart);
        return result;
    }

    [Fact]
    public void ReadingOtherPersonasMemoryThroughAnyIpaReadsZeros()
    {
        var result = RunAttack(WorkMode.ReadForeign);
        Assert.Contains("work: attack read-foreign nonzero words 0x0000000000000000", result.WorkUart);
        Assert.Equal(6, result.Log.Count(l => l.StartsWith("Work: denied data abort read", StringComparison.Ordinal)));
    }

    [Fact]
    public void HypercallsWithHostileArgumentsAreAllRefused()
    {
        var result = RunAttack(WorkMode.HostileHypercalls);
        Assert.Contains("work: attack hostile hypercalls accepted 0x0000000000000000", result.WorkUart);
        Assert.Equal(10, result.Log.Count(l => l.StartsWith("Work: hypercall", StringComparison.Ordinal) && l.Contains("refused", StringComparison.Ordinal)));
    }

    [Fact]
    public void MmioOfDevicesNotOwnedIsDenied()
    {
        var result = RunAttack(WorkMode.ForeignMmio);
        Assert.Contains("work: attack foreign mmio read 0x0000000000000000", result.WorkUart);
        Assert.Contains(result.Log, l => l.Contains("denied data abort write IPA 0xa103000", StringComparison.Ordinal));
        Assert.Contains(result.Log, l => l.Contains("denied data abort read IPA 0x8000000", StringComparison.Ordinal));
    }

    [Fact]
    public void WritingAnEl2RegisterFromEl1IsUndefinedAtEl1()
    {
        var result = RunAttack(WorkMode.TamperSystemRegisters);
        Assert.Contains("work: attack sysreg tamper exceptions 0x0000000000000001", result.WorkUart);
    }
}
