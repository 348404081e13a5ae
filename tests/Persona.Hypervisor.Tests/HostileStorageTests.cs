using Persona.Hypervisor.Running;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>A compromised work kernel drives its block device with buffers in memory it does not own and sectors past its
/// partition: every request fails, nothing is copied or written, and the run stays valid.</summary>
public sealed class HostileStorageTests(ITestOutputHelper output)
{
    [Fact]
    public void StorageRequestsNamingForeignMemoryOrForeignSectorsAllFail()
    {
        var (machine, hypervisor, validator) = PersonaRun.Build(Spec.Platforms.DefaultPlatform.Load(), new RunOptions(WorkMode: WorkMode.HostileStorage));
        machine.Run(10_000_000);
        var work = hypervisor.UartOutput(Spec.Model.Component.Work);
        output.WriteLine(work);
        foreach (var line in hypervisor.Log)
            output.WriteLine(line);
        Assert.Null(validator!.FirstViolation);
        Assert.Contains("work: attack hostile storage accepted 0x0000000000000000", work, StringComparison.Ordinal);
        Assert.Equal(4, hypervisor.Log.Count(l => l.StartsWith("Work: storage", StringComparison.Ordinal) && l.Contains("not the persona's memory", StringComparison.Ordinal)));
        Assert.Equal(2, hypervisor.Log.Count(l => l.StartsWith("Work: storage", StringComparison.Ordinal) && l.Contains("OutsidePartition", StringComparison.Ordinal)));
        Assert.Empty(hypervisor.Storage.Emmc.WrittenSectors);
        Assert.Contains("personal: done, secret intact 0x0000000000000001", hypervisor.UartOutput(Spec.Model.Component.Personal), StringComparison.Ordinal);
    }
}
