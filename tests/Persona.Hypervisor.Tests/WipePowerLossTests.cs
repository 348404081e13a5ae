using System.Security.Cryptography;
using System.Text;
using Persona.Arm.Platform;
using Persona.Hypervisor.Devices;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Wipe;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>Power is cut at every boundary of the wipe's steps on a handset whose eMMC holds records of both personas; the next boot
/// resumes the journaled wipe before work can run, and completes it: key gone, personal partition byte-identical, no work data
/// readable by anyone (not through the work partition, not in any RAM page, not through the personal persona), every trap validated.</summary>
public sealed class WipePowerLossTests(ITestOutputHelper output)
{
    public static TheoryData<WipeStep> Boundaries => [.. Enum.GetValues<WipeStep>().Where(s => s != WipeStep.None)];

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void PowerLossBeforeStep_NextBootResumesAndCompletesTheWipe(WipeStep step)
    {
        var platform = DefaultPlatform.Load();
        var used = UsedHandset.Make(platform);
        var (before, after, rebooted) = PowerCycle.Run(platform, new RunOptions(WipeAtTrap: WipeTests.MidUseTrap, PowerLossBefore: step), used.Image);
        foreach (var line in before.Log.Concat(after?.Log ?? []))
            output.WriteLine(line);
        Assert.Null(before.Violation);
        Assert.NotNull(after);
        Assert.NotNull(rebooted);
        output.WriteLine(after.Violation?.ToString() ?? "no violation after the reboot");
        Assert.Contains(before.Log, l => l == $"power lost with the wipe journal at {step}");
        Assert.Null(after.Violation);
        Assert.Equal(after.Traps, after.Validated);
        Assert.Equal(MachineStopReason.SystemOff, after.Stop.Reason);
        Assert.True(rebooted.WorkWiped);
        Assert.False(rebooted.KeyPresent);
        Assert.Empty(rebooted.TablesOf(Component.Work).MappedIpaPages());
        var work = rebooted.RamOf(Component.Work).Range;
        var ram = rebooted.Machine.Bus.Ram;
        Assert.False(ram.Bytes.AsSpan((int)(work.Base - ram.Base), (int)work.Size).ContainsAnyExcept((byte)0), "work RAM holds data after the resumed wipe");
        // The work persona never ran after the reboot, and the personal persona's day went on.
        Assert.Equal("", after.WorkUart);
        Assert.Contains("personal: done, secret intact 0x0000000000000001", after.PersonalUart);
        used.AssertWorkGoneAndPersonalIntact(rebooted);
    }

    [Fact]
    public void PowerLossBeforeRelease_ResumingAtTheJournaledStep_IsCaught()
    {
        // The pages were scrubbed before the power loss, but the reboot staged the work image again: a resume that trusts the journal skips the scrub.
        var (_, after, _) = PowerCycle.Run(DefaultPlatform.Load(),
            new RunOptions(Mutants: HypervisorMutant.WipeResumesAtJournaledStep, WipeAtTrap: WipeTests.MidUseTrap, PowerLossBefore: WipeStep.Release));
        Assert.NotNull(after);
        output.WriteLine(after.Violation?.ToString() ?? "no violation");
        Assert.NotNull(after.Violation);
        Assert.Contains("wipeScrubPage", after.Violation.ToString());
    }

    [Fact]
    public void WithoutAPowerLoss_TheJournalEndsDone_AndAReplayedBootKeepsWorkGone()
    {
        var (before, after, rebooted) = PowerCycle.Run(DefaultPlatform.Load(), new RunOptions(WipeAtTrap: WipeTests.MidUseTrap, PowerLossBefore: WipeStep.Done));
        Assert.Null(before.Violation);
        Assert.NotNull(after);
        Assert.Null(after.Violation);
        Assert.Contains(after.Log, l => l == "Work: boot found a remote wipe journaled at Done");
        Assert.True(rebooted!.WorkWiped);
        Assert.Contains(after.Log, l => l.Contains("hypercall 0x105", StringComparison.Ordinal) && l.Contains("refused", StringComparison.Ordinal));
    }

    [Fact]
    public void FirstBootProvisionsTheKey_AndARebootWithoutAWipeKeepsIt()
    {
        var platform = DefaultPlatform.Load();
        var (machine, hypervisor, _) = PersonaRun.Build(platform, new RunOptions());
        Assert.True(hypervisor.KeyPresent);
        var key = machine.Bus.Ram.Bytes.AsSpan((int)(hypervisor.KeyAddress - machine.Bus.Ram.Base), Hypervisor.KeyLength).ToArray();
        var (machine2, hypervisor2, _) = PersonaRun.Build(platform, new RunOptions(), PersistentMemory.Save(machine, platform));
        Assert.Equal(WipeStep.None, hypervisor2.WipeProgress);
        Assert.Equal(key, machine2.Bus.Ram.Bytes.AsSpan((int)(hypervisor2.KeyAddress - machine2.Bus.Ram.Base), Hypervisor.KeyLength).ToArray());
    }

    [Fact]
    public void TheEmmcSurvivesAPowerCycle_TheRamDoesNot()
    {
        var platform = DefaultPlatform.Load();
        var used = UsedHandset.Make(platform);
        var (machine, hypervisor, _) = PersonaRun.Build(platform, new RunOptions(Validate: false), used.Image);
        Assert.Equal(used.PersonalHash, UsedHandset.PartitionHash(hypervisor.Storage, Component.Personal));
        var sector = new byte[SectorCipher.SectorSize];
        Assert.Equal(StorageOutcome.Done, hypervisor.Storage.Transfer(Component.Work, write: false, 16, sector));
        Assert.StartsWith("work memo 16", Encoding.ASCII.GetString(sector), StringComparison.Ordinal);
        // Only the non-volatile ranges came back: the persona regions hold the freshly loaded kernels, not what the last boot left.
        var image = PersistentMemory.Save(machine, platform);
        Assert.NotNull(image.Emmc);
        Assert.Equal(used.Image.Emmc!.WrittenSectors, image.Emmc.WrittenSectors);
    }
}

/// <summary>A handset used before the boot under test: records in both partitions (the work ones through the cipher, with the key
/// provisioned at its first boot), then powered down; what it leaves is its non-volatile memory.</summary>
/// <param name="Image">The key store, journal and eMMC it left.</param>
/// <param name="Key">The work key it was provisioned with.</param>
/// <param name="PersonalHash">SHA-256 over the personal partition's written sectors (number and bytes).</param>
public sealed record UsedHandset(PersistentImage Image, byte[] Key, byte[] PersonalHash)
{
    private static readonly long[] PersonalSectors = [0, 1, 16, 4095];
    private static readonly long[] WorkSectors = [0, 16, 300];

    public static UsedHandset Make(Platform platform)
    {
        var (machine, hypervisor, _) = PersonaRun.Build(platform, new RunOptions(Validate: false));
        foreach (var (persona, sectors, text) in new[] { (Component.Personal, PersonalSectors, "personal diary {0}: lunch with Ana"), (Component.Work, WorkSectors, "work memo {0}: Q3 forecast CONFIDENTIAL") })
        {
            foreach (var sector in sectors)
            {
                var bytes = new byte[SectorCipher.SectorSize];
                Encoding.ASCII.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, sector)).CopyTo(bytes, 0);
                Assert.Equal(StorageOutcome.Done, hypervisor.Storage.Transfer(persona, write: true, (ulong)sector, bytes));
            }
        }
        var key = machine.Bus.Ram.Bytes.AsSpan((int)(hypervisor.KeyAddress - machine.Bus.Ram.Base), Hypervisor.KeyLength).ToArray();
        return new UsedHandset(PersistentMemory.Save(machine, platform), key, PartitionHash(hypervisor.Storage, Component.Personal));
    }

    public static byte[] PartitionHash(StorageMediator storage, Component persona)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var sector in storage.Emmc.WrittenSectors.Where(s => storage.OwnerOfSector(s) == persona))
        {
            hash.AppendData(BitConverter.GetBytes(sector));
            hash.AppendData(storage.Emmc.RawSector(sector));
        }
        return hash.GetHashAndReset();
    }

    /// <summary>After the wipe: the personal partition is byte-identical; the work partition is ciphertext no key the hypervisor holds
    /// opens (only the destroyed one did); no RAM page and nothing the personal persona can reach holds work data or the key.</summary>
    public void AssertWorkGoneAndPersonalIntact(Hypervisor wiped)
    {
        var storage = wiped.Storage;
        Assert.Equal(PersonalHash, PartitionHash(storage, Component.Personal));
        Assert.False(wiped.KeyPresent);
        var buffer = new byte[SectorCipher.SectorSize];
        Assert.Equal(StorageOutcome.KeyDestroyed, storage.Transfer(Component.Work, write: false, 16, buffer));
        var ram = wiped.Machine.Bus.Ram;
        var keyStore = ram.Bytes.AsSpan((int)(wiped.KeyAddress - ram.Base), Hypervisor.KeyLength).ToArray();
        var workSectors = storage.Emmc.WrittenSectors.Where(s => storage.OwnerOfSector(s) == Component.Work).ToList();
        Assert.Equal(WorkSectors.Length, workSectors.Count);
        foreach (var sector in workSectors)
        {
            var raw = storage.Emmc.RawSector(sector);
            Assert.True(raw.AsSpan().IndexOf("CONFIDENTIAL"u8) < 0, $"work sector {sector} holds plaintext");
            Assert.True(raw.AsSpan().IndexOf(Key) < 0, $"work sector {sector} holds the key");
            // The ciphertext is the work record: the destroyed key opens it, the key store's bytes now do not.
            Assert.True(Decrypted(Key, sector, raw).AsSpan().IndexOf("CONFIDENTIAL"u8) >= 0, $"sector {sector} is not the work record");
            Assert.True(Decrypted(keyStore, sector, raw).AsSpan().IndexOf("CONFIDENTIAL"u8) < 0, $"the key store still opens sector {sector}");
        }
        // No RAM page: the work record, the work kernel's own copy of its record text, and the key are nowhere in RAM.
        Assert.True(ram.Bytes.AsSpan().IndexOf("CONFIDENTIAL"u8) < 0, "work data in RAM after the wipe");
        Assert.True(ram.Bytes.AsSpan().IndexOf(Key) < 0, "the destroyed key is still in RAM");
        // Not through the personal persona: its partition ends where work's begins, and holds no work data.
        Assert.Equal(StorageOutcome.OutsidePartition, storage.Transfer(Component.Personal, write: false, storage.CapacityOf(Component.Personal), buffer));
        foreach (var sector in storage.Emmc.WrittenSectors.Where(s => storage.OwnerOfSector(s) == Component.Personal))
            Assert.True(storage.Emmc.RawSector(sector).AsSpan().IndexOf("CONFIDENTIAL"u8) < 0, $"personal sector {sector} holds work data");
    }

    private static byte[] Decrypted(byte[] key, long sector, byte[] raw)
    {
        var copy = (byte[])raw.Clone();
        if (!key.AsSpan().ContainsAnyExcept((byte)0))
            return copy;
        using var cipher = new SectorCipher(key);
        cipher.Decrypt(sector, copy);
        return copy;
    }
}
