using System.Text;
using Persona.Hypervisor.Devices;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>A remote wipe in the middle of the day, after both personas stored their records: the personal partition is
/// byte-identical across the wipe, and no work data can be read by anyone (the eMMC holds only ciphertext, the key is gone).</summary>
public sealed class StorageWipeTests(ITestOutputHelper output)
{
    /// <summary>A trap after the call to personal was answered and both records were written (personal is in the foreground).</summary>
    private const long WipeTrap = 600;

    // Not validated: the wipe's steps are validated by WipeTests, and after a wipe every trap re-checks the rules over every
    // page the wipe touched, which makes a validated day's remaining traps slow; this test checks the storage itself.

    [Fact]
    public void WipeMidDayLeavesPersonalPartitionIdenticalAndWorkPartitionUnreadable()
    {
        var run = new DayRun(WipeTrap, validate: false);
        output.WriteLine(run.Uart(Component.Personal));
        foreach (var line in run.Hypervisor.Log)
            output.WriteLine(line);
        Assert.True(run.Hypervisor.WorkWiped);
        // Mid-day: work had stored its record but never finished its day.
        Assert.Contains("work: record 0x", run.Uart(Component.Work), StringComparison.Ordinal);
        Assert.DoesNotContain("work: day over", run.Uart(Component.Work), StringComparison.Ordinal);
        var storage = run.Hypervisor.Storage;
        var before = run.Recorder.BeforeWipe!;
        var after = run.Recorder.AfterWipe!;
        var workSectors = before.Keys.Where(s => storage.OwnerOfSector(s) == Component.Work).ToList();
        var personalSectors = before.Keys.Where(s => storage.OwnerOfSector(s) == Component.Personal).ToList();
        Assert.NotEmpty(workSectors);
        Assert.NotEmpty(personalSectors);
        // The personal partition is byte-identical across the wipe, and still reads back the personal record at the end.
        Assert.All(personalSectors, s => Assert.Equal(before[s], after[s]));
        Assert.Equal(personalSectors.Order(), after.Keys.Where(s => storage.OwnerOfSector(s) == Component.Personal).Order());
        var personal = new byte[SectorCipher.SectorSize];
        Assert.Equal(StorageOutcome.Done, storage.Transfer(Component.Personal, write: false, 16, personal));
        Assert.StartsWith("personal diary", Encoding.ASCII.GetString(personal), StringComparison.Ordinal);
        // No work plaintext on the eMMC before or after, and the hypervisor can no longer decrypt it for anyone.
        foreach (var snapshot in new[] { before, after })
            Assert.DoesNotContain(workSectors, s => snapshot[s].AsSpan().IndexOf("CONFIDENTIAL"u8) >= 0 || snapshot[s].AsSpan().IndexOf("work memo"u8) >= 0);
        Assert.False(run.Hypervisor.KeyPresent);
        var work = new byte[SectorCipher.SectorSize];
        Assert.Equal(StorageOutcome.KeyDestroyed, storage.Transfer(Component.Work, write: false, 16, work));
        Assert.False(work.AsSpan().ContainsAnyExcept((byte)0));
        Assert.Contains("personal: done, secret intact 0x0000000000000001", run.Uart(Component.Personal), StringComparison.Ordinal);
    }
}
