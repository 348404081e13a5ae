using Persona.Arm.Platform;
using Persona.Hypervisor.Running;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>Race a wipe: the work vCPU on core 1 hammers hypercalls and memory while IT's wipe runs on core 0. Under several
/// scheduler seeds and quanta (printed) the wipe wins: no work page mapped anywhere, no work data left, no violation at any trap.</summary>
public sealed class RaceWipeTests(ITestOutputHelper output)
{
    /// <summary>A trap in the middle of the race (both work vCPUs are trapping by then).</summary>
    public const long RaceTrap = 420;

    public static TheoryData<int, int> Interleavings => new() { { 1, 7 }, { 2, 60 }, { 3, 500 }, { 4, 3000 } };

    [Theory]
    [MemberData(nameof(Interleavings))]
    public void RaceAWipe_TheWipeWins_UnderSeededInterleavings(int seed, int quantum)
    {
        output.WriteLine($"scheduler seed {seed}, quantum up to {quantum} (reproduce: new RunOptions(Cores: 2, WorkMode: WorkMode.RaceWipe, WipeAtTrap: {RaceTrap}, Quantum: {quantum}, SchedulerSeed: {seed}))");
        var (machine, hypervisor, validator, log) = TrapLog.Build(new RunOptions(
            Cores: 2, WorkMode: WorkMode.RaceWipe, WipeAtTrap: RaceTrap, Quantum: quantum, SchedulerSeed: seed, MaxInstructions: 20_000_000));
        var stop = machine.Run(20_000_000);
        foreach (var line in hypervisor.Log.TakeLast(40))
            output.WriteLine(line);
        output.WriteLine(validator!.FirstViolation?.ToString() ?? "no violation");
        Assert.Null(validator.FirstViolation);
        Assert.Equal(log.Traps.Count, validator.Checked);
        Assert.Equal(MachineStopReason.SystemOff, stop.Reason);
        // The race happened: the work vCPU on core 1 was trapping (hammering) before the wipe was ordered.
        var order = hypervisor.Log.ToList().IndexOf("Work: remote wipe ordered");
        Assert.True(order >= 0, "the wipe was never ordered");
        var firstRefusedShare = hypervisor.Log.ToList().FindIndex(l => l.StartsWith("Work: hypercall 0x101", StringComparison.Ordinal));
        Assert.InRange(firstRefusedShare, 0, order - 1);
        Assert.Contains(log.Traps, t => t.Core == 1 && t.Persona == Component.Work && t.Description.Contains("Share", StringComparison.Ordinal));
        Assert.True(hypervisor.WorkWiped);
        Assert.False(hypervisor.KeyPresent);
        // No work page is mapped anywhere: not in work's tables, not in personal's, not in any core's TLB under work's VMID.
        Assert.Empty(hypervisor.TablesOf(Component.Work).MappedIpaPages());
        var work = hypervisor.RamOf(Component.Work).Range;
        foreach (var ipaPage in hypervisor.TablesOf(Component.Personal).MappedIpaPages())
        {
            var walk = hypervisor.TablesOf(Component.Personal).Translate(machine.Bus, ipaPage * HypervisorLayout.PageSize);
            Assert.False(walk.Fault is null && walk.OutputAddress >= work.Base && walk.OutputAddress < work.End, $"personal IPA page 0x{ipaPage:x} maps work memory");
        }
        var vmid = HypervisorLayout.VmidOf(Component.Work);
        for (var core = 0; core < hypervisor.CoreCount; core++)
        {
            var tlb = hypervisor.CoreAt(core).Tlb;
            for (var ipaPage = HypervisorLayout.GuestRamIpa / HypervisorLayout.PageSize; ipaPage < (HypervisorLayout.GuestRamIpa + work.Size) / HypervisorLayout.PageSize; ipaPage++)
            {
                var entry = tlb.Slot(ipaPage, Arm.Memory.Tlb.SaltFor(vmid, false));
                Assert.False((entry.Context & Arm.Memory.Tlb.ValidTag) != 0 && !entry.IsEl2Regime && entry.Vmid == vmid && entry.VirtualPage == ipaPage,
                    $"core {core}'s TLB still maps work IPA page 0x{ipaPage:x}");
            }
        }
        var ram = machine.Bus.Ram;
        Assert.False(ram.Bytes.AsSpan((int)(work.Base - ram.Base), (int)work.Size).ContainsAnyExcept((byte)0), "work RAM holds data after the wipe");
        Assert.Contains("personal: done, secret intact 0x0000000000000001", hypervisor.UartOutput(Component.Personal));
    }
}
