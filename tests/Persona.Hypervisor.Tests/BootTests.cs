using Persona.Hypervisor.Running;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>Both persona kernels boot under the hypervisor, print through their emulated UARTs, share a notification page and switch worlds, validated.</summary>
public sealed class BootTests(ITestOutputHelper output)
{
    [Fact]
    public void TwoPersonasBootPrintShareAndSwitchWithEveryTrapValidated()
    {
        var result = PersonaRun.Run(new RunOptions());
        output.WriteLine(result.PersonalUart);
        output.WriteLine(result.WorkUart);
        foreach (var line in result.Log) output.WriteLine(line);
        output.WriteLine(result.Violation?.ToString() ?? "no violation");
        Assert.Null(result.Violation);
        Assert.Contains("personal: boot, persona 0x0000000000000000", result.PersonalUart);
        Assert.Contains("work: boot, persona 0x0000000000000001", result.WorkUart);
        Assert.Contains("personal: share 0x0000000000000000", result.PersonalUart);
        Assert.Contains("work: channel at 0x0000000080000000", result.WorkUart);
        Assert.Contains("personal: note: meeting at 10", result.PersonalUart);
        Assert.Contains("personal: unshare 0x0000000000000000", result.PersonalUart);
        Assert.Contains("personal: done, secret intact 0x0000000000000001", result.PersonalUart);
        Assert.Contains("work: done, secret intact 0x0000000000000001", result.WorkUart);
        Assert.Equal(Arm.Platform.MachineStopReason.SystemOff, result.Stop.Reason);
        Assert.Equal(result.Traps, result.Validated);
    }
}
