using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Hypervisor.Interrupts;
using Persona.Hypervisor.Running;
using Persona.Spec.Model;
using Xunit.Abstractions;

namespace Persona.Hypervisor.Tests;

/// <summary>Guest IPIs: a trapped MSR ICC_SGI1R_EL1 becomes a virtual SGI for the sender's persona only, hostile values included.</summary>
public sealed class GuestSgiTests(ITestOutputHelper output)
{
    // The ESR of "msr icc_sgi1r_el1, x3" trapped to EL2 (the emulator's own test pins the same value).
    private const ulong MsrIccSgi1rX3Syndrome = 0x623A3076;

    private static readonly int FirstLr = Vcpu.SavedRegisters.IndexOfPlatform("ICH_LR0_EL2");

    // Two cores, personal live on both, work's two vCPUs saved on both: the state after the first switch back to personal.
    private static (Arm.Platform.Machine Machine, Hypervisor Hypervisor, Validation.Validator? Validator) BothPersonasOnTwoCores()
    {
        var (machine, hypervisor, validator, _) = TrapLog.Build(new RunOptions(Cores: 2, MaxInstructions: 10_000_000));
        while (!machine.IsSystemOff && !(hypervisor.UartOutput(Component.Personal).Contains("note:", StringComparison.Ordinal)
            && hypervisor.CoresStillSwitching.Count == 0 && hypervisor.LivePersonaOf(1) == Component.Personal))
            machine.Run(100);
        Assert.False(machine.IsSystemOff);
        return (machine, hypervisor, validator);
    }

    // Core 1 (personal's vCPU 1) executes the trapped MSR with x3 = value; returns the ELR_EL2 before the trap.
    private static ulong SendFromCore1(Hypervisor hypervisor, ulong value)
    {
        var core = hypervisor.CoreAt(1);
        var elr = core.ReadSystemRegister(SystemRegister.ElrEl2);
        core.SetX(3, value);
        hypervisor.HandleException(core, new ExceptionRecord(1, ExceptionKind.Synchronous, 1, 2, MsrIccSgi1rX3Syndrome, 0, 0, elr, 0, 0));
        return elr;
    }

    private static IEnumerable<int> SgisIn(IEnumerable<ulong> lrs) =>
        lrs.Where(ListRegister.InUse).Select(ListRegister.VirtualId).Where(id => id < 16);

    private static IEnumerable<ulong> LiveLrs(Hypervisor hypervisor, int core) =>
        Enumerable.Range(0, ListRegister.Count).Select(n => hypervisor.CoreAt(core).ReadSystemRegister(PhysicalGic.IchLr(n)));

    private static IEnumerable<ulong> SavedLrs(Hypervisor hypervisor, Component persona, int core) =>
        hypervisor.SavedContextOf(persona, core)!.Skip(FirstLr).Take(ListRegister.Count);

    [Fact]
    public void SgiToTheOtherVcpu_IsPendingInItsLiveListRegisters_AndTheMsrIsSkipped()
    {
        var (_, hypervisor, validator) = BothPersonasOnTwoCores();
        var workBefore = Enumerable.Range(0, 2).Select(c => SavedLrs(hypervisor, Component.Work, c).ToArray()).ToArray();
        var elr = SendFromCore1(hypervisor, (5UL << 24) | 0b01);
        foreach (var line in hypervisor.Log.TakeLast(5))
            output.WriteLine(line);
        Assert.Equal(elr + 4, hypervisor.CoreAt(1).ReadSystemRegister(SystemRegister.ElrEl2));
        Assert.Equal([5], SgisIn(LiveLrs(hypervisor, 0)));
        Assert.Empty(SgisIn(LiveLrs(hypervisor, 1)));
        Assert.Equal([(Component.Personal, 0, 5)], hypervisor.GuestSgis);
        // The other persona's saved vCPUs are untouched.
        for (var c = 0; c < 2; c++)
            Assert.Equal(workBefore[c], SavedLrs(hypervisor, Component.Work, c).ToArray());
        Assert.Null(validator!.FirstViolation);
        Assert.Equal(Component.Personal, hypervisor.LivePersonaOf(1));
    }

    [Fact]
    public void SgiDuringASwitch_ReachesTheSendersSavedVcpu_NotTheOtherPersonaLiveThere()
    {
        // Quantum 1: stop when core 0 already runs work and core 1, sent the switch IPI, still runs personal.
        var (machine, hypervisor, validator, _) = TrapLog.Build(new RunOptions(Cores: 2, Quantum: 1));
        for (var i = 0; i < 200_000 && !machine.IsSystemOff && hypervisor.CoresStillSwitching.Count == 0; i++)
            machine.Run(1);
        Assert.Equal(Component.Work, hypervisor.LivePersonaOf(0));
        Assert.Equal(Component.Personal, hypervisor.LivePersonaOf(1));
        var workLive = LiveLrs(hypervisor, 0).ToArray();
        SendFromCore1(hypervisor, (7UL << 24) | 0b11);
        Assert.Equal([7], SgisIn(SavedLrs(hypervisor, Component.Personal, 0)));
        Assert.Equal([7], SgisIn(LiveLrs(hypervisor, 1)));
        Assert.Equal(workLive, LiveLrs(hypervisor, 0).ToArray());
        Assert.Equal([(Component.Personal, 0, 7), (Component.Personal, 1, 7)], hypervisor.GuestSgis);
        Assert.Null(validator!.FirstViolation);
    }

    [Theory]
    [InlineData(0x0000_0000_0501_0001UL, "Aff1 = 1: no such core")]
    [InlineData(0x0000_1000_0500_0001UL, "RS = 1: cores 16..31 do not exist")]
    [InlineData(0x00FF_00FF_0FFF_FFFFUL, "every affinity bit set")]
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL, "all ones (IRM set: broadcast, INTID 15 from the 4-bit field)")]
    [InlineData(0x0000_0000_F000_0002UL, "RES0 bits above the INTID field: still SGI 0")]
    public void HostileValues_AreDecodedWithinTheFields_AndNeverReachTheOtherPersona(ulong value, string why)
    {
        output.WriteLine($"0x{value:x16}: {why}");
        var (machine, hypervisor, validator) = BothPersonasOnTwoCores();
        var workBefore = Enumerable.Range(0, 2).Select(c => SavedLrs(hypervisor, Component.Work, c).ToArray()).ToArray();
        SendFromCore1(hypervisor, value);
        foreach (var line in hypervisor.Log.TakeLast(3))
            output.WriteLine(line);
        var request = SgiRequest.Decode(value);
        Assert.InRange(request.Intid, 0, 15);
        Assert.All(hypervisor.GuestSgis, s => Assert.Equal(Component.Personal, s.Persona));
        Assert.All(hypervisor.GuestSgis, s => Assert.InRange(s.Vcpu, 0, 1));
        var expected = request.Broadcast ? [0] : request.Targets(2).ToArray();
        Assert.Equal(expected, hypervisor.GuestSgis.Select(s => s.Vcpu));
        for (var c = 0; c < 2; c++)
            Assert.Equal(workBefore[c], SavedLrs(hypervisor, Component.Work, c).ToArray());
        Assert.Null(validator!.FirstViolation);
        // The host keeps running the guests afterwards.
        machine.Run(10_000);
        Assert.Null(validator.FirstViolation);
    }

    [Fact]
    public void Decode_ReadsEachField()
    {
        var r = SgiRequest.Decode((0xAUL << 24) | (3UL << 44) | (1UL << 40) | 0x8001);
        Assert.Equal(new SgiRequest(0xA, 0x8001, 3, 0, true), r);
        Assert.Equal([0, 15], SgiRequest.Decode(0x8001).Targets(16));
        Assert.Empty(SgiRequest.Decode(0x8001 | (2UL << 48)).Targets(16));
    }
}
