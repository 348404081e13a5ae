using Persona.Arm.Platform;
using Persona.Hypervisor.Running;
using Persona.Hypervisor.Wipe;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>Power is cut at every boundary of the wipe's steps; the next boot resumes the journaled wipe before work can run, and
/// completes it: key gone, no work data readable, personal data intact, every trap validated.</summary>
public sealed class WipePowerLossTests(ITestOutputHelper output)
{
    public static TheoryData<WipeStep> Boundaries => [.. Enum.GetValues<WipeStep>().Where(s => s != WipeStep.None)];

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void PowerLossBeforeStep_NextBootResumesAndCompletesTheWipe(WipeStep step)
    {
        var (before, after, rebooted) = PowerCycle.Run(DefaultPlatform.Load(), new RunOptions(WipeAtTrap: WipeTests.MidUseTrap, PowerLossBefore: step));
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
}
