using Persona.Arm.Cpu;
using Persona.Arm.Platform;
using Persona.Spec.Model;
using Xunit.Abstractions;
using static Persona.Hypervisor.Tests.Hostile.A64;

namespace Persona.Hypervisor.Tests.Hostile;

/// <summary>Host bugs and decisions the hostile-guest fuzzer led to, each as a directed program under the fuzzer's run (validated,
/// strict, the same schedule) and compared with the idle run where that is the point.</summary>
public sealed class HostileRegressionTests(ITestOutputHelper output)
{
    private static readonly Lazy<HostileOutcome> Idle = new(() => HostileRun.Run(HostileProgramGenerator.Idle(1), wipe: false));

    private HostileOutcome Run(HostileProgram program)
    {
        var run = HostileRun.Run(program, wipe: false);
        output.WriteLine(program.Describe());
        output.WriteLine($"{run.Stop}, {run.Traps} traps; personal:\n{run.PersonalUart}");
        foreach (var line in run.Log.TakeLast(20))
            output.WriteLine(line);
        Assert.Null(run.HostException);
        Assert.Null(run.Violation);
        return run;
    }

    /// <summary>Bug (found by the fuzzer's first idle run, and by seeds ending in a masked spin): an external event waited for the
    /// guest's next trap, so a work persona that never traps (interrupts masked, spinning; or asleep with no timer) kept the user
    /// from switching back, calls from ringing and IT's wipe from starting. Fixed: posting an event rings the boot core's doorbell SGI.</summary>
    [Fact]
    public void WorkSpinningWithInterruptsMasked_CannotKeepTheUsersSwitchFromLanding()
    {
        var run = Run(HostileProgramGenerator.Directed("spin with every interrupt masked", [DaifSet(15), Branch(0)]));
        Assert.Equal(Idle.Value.PersonalUart, run.PersonalUart);
        Assert.Contains(run.Log, l => l.Contains("UserSwitch", StringComparison.Ordinal) && l.Contains("Work in the foreground", StringComparison.Ordinal));
        Assert.False(run.WorkHalted);
    }

    /// <summary>The same bug's other face: every core asleep with no timer due made the run stop (deadlock) before the next event.</summary>
    [Fact]
    public void WorkAsleepWithNoTimer_TheDayStillRunsToItsEnd()
    {
        var idle = Idle.Value;
        Assert.Null(idle.HostException);
        Assert.Null(idle.Violation);
        Assert.Contains("personal: day over, ticks 0x000000000000000c", idle.PersonalUart);
        Assert.Contains("personal: done, secret intact 0x0000000000000001", idle.PersonalUart);
    }

    /// <summary>Decision: a persona's PSCI SYSTEM_OFF stops that persona only; the handset stays on for the other, which finishes its day.</summary>
    [Fact]
    public void WorkSystemOff_StopsOnlyWork_AndPersonalFinishesItsDay()
    {
        var run = Run(HostileProgramGenerator.Directed("SMC PSCI SYSTEM_OFF", [.. Mov(0, 0x8400_0008), Smc(0)]));
        Assert.True(run.WorkHalted);
        Assert.Contains("Work: powered off", run.Log);
        Assert.Equal(Idle.Value.PersonalUart, run.PersonalUart);
        Assert.Equal(MachineStopReason.SystemOff, run.Stop?.Reason);
    }

    /// <summary>Decision (was: SYSTEM_RESET returned NOT_SUPPORTED, though PSCI says it never returns): a persona's SYSTEM_RESET stops
    /// that persona only, like SYSTEM_OFF; the handset is not reset and the personal persona's day goes on unchanged.</summary>
    [Fact]
    public void WorkSystemReset_StopsOnlyWork_AndNeverResetsTheHandset()
    {
        var run = Run(HostileProgramGenerator.Directed("SMC PSCI SYSTEM_RESET", [.. Mov(0, 0x8400_0009), Smc(0), .. Mov(5, 0x5EE), Udf(0)]));
        Assert.True(run.WorkHalted);
        Assert.Contains("Work: stopped: SYSTEM_RESET stops only the calling persona", run.Log);
        Assert.Equal(Idle.Value.PersonalUart, run.PersonalUart);
        Assert.Equal(MachineStopReason.SystemOff, run.Stop?.Reason);
    }

    /// <summary>Bug (found with seed 63 of the first generator: a self-modified loop of refused hypercalls, 61,089 traps in 2 million
    /// instructions; here the same loop written out): every refusal added a
    /// line to the hypervisor's log, and every injected interrupt or guest SGI an entry to its records, so a guest could grow the host's
    /// memory without bound for as long as it ran. Fixed: the log and the records keep at most <see cref="Hypervisor.MaxRecords"/>.</summary>
    [Fact]
    public void Seed63_RefusedHypercallLoop_CannotGrowTheHostsLogWithoutBound()
    {
        var run = Run(HostileProgramGenerator.Directed("refused hypercalls in a loop (as seed 63's self-modified storm)", [.. Mov(0, 0xDEAD), Hvc(0), Branch(-5)]));
        Assert.True(run.Traps > 2 * Hypervisor.MaxRecords, $"only {run.Traps} traps: the loop does not exercise the bound");
        Assert.Equal(Hypervisor.MaxRecords + 1, run.Log.Count);
        Assert.Contains("the log is full", run.Log[^1], StringComparison.Ordinal);
        Assert.Equal(Idle.Value.PersonalUart, run.PersonalUart);
    }

    /// <summary>EL2 and EL3 registers (and the GIC's hypervisor interface) read from EL1 are UNDEFINED: each MRS leaves its marker in
    /// place (the program's vector skips it), and writes leave the hypervisor's own registers as it set them.</summary>
    [Fact]
    public void El2AndEl3Registers_FromEl1_AreUndefined_NeitherReadNorWritten()
    {
        const ulong marker = 0x5AFE_5AFE_5AFE_5AFE;
        const int results = 0xD000;
        var probed = HostileTargets.SystemRegisters.Where(r => r.Encoding.Op1 >= 4).ToList();
        var body = new List<uint>();
        body.AddRange(Mov(27, HostileLayout.RegionOf(0) + results));
        for (var i = 0; i < probed.Count; i++)
        {
            body.AddRange(Mov(5, marker));
            body.Add(Mrs(probed[i].Encoding, 5));
            body.Add(LoadStore(false, 3, 5, 27, i));
            body.AddRange(Mov(6, 0xBAD0_0000 + (ulong)i));
            body.Add(Msr(probed[i].Encoding, 6));
        }
        var program = HostileProgramGenerator.Directed($"MRS and MSR of {probed.Count} EL2/EL3 registers", body);
        var (machine, hypervisor, validator) = Running.PersonaRun.Build(Spec.Platforms.DefaultPlatform.Load(), HostileRun.Options(1, null, wipe: false));
        HostileRun.Place(machine, hypervisor, program);
        Running.PersonaRun.RunWithEvents(machine, hypervisor, HostileRun.Options(1, null, wipe: false));
        Assert.Null(validator!.FirstViolation);
        var work = hypervisor.RamOf(Component.Work).Range;
        var at = (int)(work.Base - machine.Bus.Ram.Base + (HostileLayout.RegionOf(0) - HypervisorLayout.GuestRamIpa) + results);
        for (var i = 0; i < probed.Count; i++)
            Assert.True(BitConverter.ToUInt64(machine.Bus.Ram.Bytes, at + (i * 8)) == marker, $"MRS {probed[i].Name} from EL1 was not UNDEFINED");
        var core = hypervisor.BootCore;
        Assert.Equal(Hypervisor.GuestHcr, core.ReadSystemRegister(SystemRegister.HcrEl2));
        Assert.Equal(HypervisorLayout.Vtcr, core.ReadSystemRegister(SystemRegister.VtcrEl2));
        foreach (var register in new[] { SystemRegister.VbarEl2, SystemRegister.TpidrEl2, SystemRegister.SctlrEl2, SystemRegister.MdcrEl2, SystemRegister.CptrEl2, SystemRegister.HstrEl2 })
            Assert.False(core.ReadSystemRegister(register) is >= 0xBAD0_0000 and < 0xBAD1_0000, $"{register} took a value written from EL1");
    }
}
