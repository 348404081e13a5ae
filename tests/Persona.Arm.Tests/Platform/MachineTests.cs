using Persona.Arm.Contracts;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Tests.Platform;

public class MachineTests
{
    private readonly List<string> log = [];
    private readonly List<ScriptedCore> cores = [];

    private Machine NewMachine(int coreCount, IScheduler? scheduler = null) =>
        new(new MachineOptions { CoreCount = coreCount, RamSize = 1 << 20, Scheduler = scheduler }, Factory, Stream.Null);

    private IMachineCore Factory(int coreId, IPhysicalBus bus, IPlatformServices platform, IReadOnlyList<ISystemRegisterDevice> devices)
    {
        var core = new ScriptedCore(coreId, log);
        cores.Add(core);
        return core;
    }

    private static void Smc(Machine machine, ScriptedCore core, ulong function, ulong a1 = 0, ulong a2 = 0, ulong a3 = 0)
    {
        core.SetX(0, function);
        core.SetX(1, a1);
        core.SetX(2, a2);
        core.SetX(3, a3);
        Assert.True(machine.TryHandleFirmwareCall(core.CoreId, core, isSmc: true));
    }

    [Fact]
    public void RoundRobin_TwoCores_AlternateByQuantumAndTimeFollowsInstructions()
    {
        var machine = NewMachine(2, new RoundRobinScheduler(100));
        machine.Start(0x4008_0000);
        cores[0].Actions[50] = c => Smc(machine, c, 0xC400_0003, 1, 0x4008_1000, 1);
        cores[0].Actions[250] = c => Smc(machine, c, 0x8400_0008);

        var result = machine.Run();

        Assert.Equal(MachineStopReason.SystemOff, result.Reason);
        Assert.Equal(
            ["core0 on at 0x40080000 EL2", "core1 on at 0x40081000 EL2", "core0 ran 100", "core1 ran 100", "core0 ran 100", "core1 ran 100", "core0 ran 50"],
            log);
        Assert.Equal(450UL, result.Instructions);
        Assert.Equal(450UL, result.Ticks);
    }

    [Fact]
    public void AllCoresInWfi_FastForwardsToTheTimerDeadline()
    {
        var machine = NewMachine(1);
        machine.Start(0x4008_0000);
        var access = new SystemRegisterAccess(0, 2, 0, new SystemRegisterKey((int)TimerSystemRegister.CnthpCvalEl2));
        cores[0].Actions[10] = _ =>
        {
            machine.Timer.TryWrite(access, 5_000);
            machine.Timer.TryWrite(access with { Register = new SystemRegisterKey((int)TimerSystemRegister.CnthpCtlEl2) }, 1);
        };
        cores[0].WaitAt.Enqueue(20);
        cores[0].Actions[30] = c => Smc(machine, c, 0x8400_0008);
        machine.Gic.Distributor.TryWrite(0, 0, 4, 0x13);
        machine.Gic.Redistributors.TryWrite(0, 0x10080, 4, 0xFFFF_FFFF);
        machine.Gic.Redistributors.TryWrite(0, 0x10100, 4, 1u << PlatformMap.HypervisorTimerInterrupt);
        machine.Gic.TryWrite(new SystemRegisterAccess(0, 2, 0, new SystemRegisterKey((int)GicSystemRegister.IccPmrEl1)), 0xFF);
        machine.Gic.TryWrite(new SystemRegisterAccess(0, 2, 0, new SystemRegisterKey((int)GicSystemRegister.IccIgrpen1El1)), 1);

        var result = machine.Run();

        Assert.Equal(MachineStopReason.SystemOff, result.Reason);
        Assert.Equal(5_010UL, result.Ticks);
        Assert.Equal(30UL, result.Instructions);
        Assert.Contains("core0 woken", log);
        Assert.True(cores[0].Irq);
    }

    [Fact]
    public void SliceIsCutAtTimerDeadline_SoTheInterruptLandsOnTime()
    {
        var machine = NewMachine(1, new RoundRobinScheduler(1000));
        machine.Start(0x4008_0000);
        var access = new SystemRegisterAccess(0, 2, 0, new SystemRegisterKey((int)TimerSystemRegister.CnthpCvalEl2));
        machine.Timer.TryWrite(access, 123);
        machine.Timer.TryWrite(access with { Register = new SystemRegisterKey((int)TimerSystemRegister.CnthpCtlEl2) }, 1);

        machine.Run(maxInstructions: 500);

        Assert.Equal("core0 ran 123", log[1]);
    }

    [Fact]
    public void AllCoresWaitingWithNoTimer_IsADeadlock()
    {
        var machine = NewMachine(1);
        machine.Start(0x4008_0000);
        cores[0].WaitAt.Enqueue(7);
        var result = machine.Run();
        Assert.Equal(new MachineRunResult(MachineStopReason.Deadlock, 7, 7), result);
    }

    [Fact]
    public void InstructionBudget_StopsTheRunExactly()
    {
        var machine = NewMachine(2, new RoundRobinScheduler(64));
        machine.Start(0x4008_0000);
        var result = machine.Run(maxInstructions: 1000);
        Assert.Equal(MachineStopReason.InstructionLimit, result.Reason);
        Assert.Equal(1000UL, result.Instructions);
        Assert.Equal(1000UL, cores[0].Retired);
    }

    [Fact]
    public void SameOptions_ReproduceTheSameInterleaving()
    {
        List<string> Once()
        {
            log.Clear();
            cores.Clear();
            var machine = NewMachine(3, new RoundRobinScheduler(37));
            machine.Start(0x4008_0000);
            cores[0].Actions[5] = c => Smc(machine, c, 0xC400_0003, 2, 0x4008_2000, 2);
            cores[0].Actions[90] = c => Smc(machine, c, 0xC400_0003, 1, 0x4008_1000, 1);
            cores[0].WaitAt.Enqueue(100);
            machine.Run(maxInstructions: 2_000);
            return [.. log];
        }

        var first = Once();
        Assert.Equal(first, Once());
        Assert.Contains("core2 ran 37", first);
    }

    [Fact]
    public void SchedulerChoosingANonRunnableCore_IsRejected()
    {
        var machine = NewMachine(2, new FixedScheduler(1));
        machine.Start(0x4008_0000);
        Assert.Throws<InvalidOperationException>(() => machine.Run(10));
    }

    private sealed class FixedScheduler(int core) : IScheduler
    {
        public ScheduleSlice Next(IReadOnlyList<int> runnableCores, ulong ticks) => new(core, 10);
    }
}
