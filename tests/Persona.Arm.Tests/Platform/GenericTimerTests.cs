using Persona.Arm.Contracts;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Tests.Platform;

public class GenericTimerTests
{
    private sealed class RecordingLines : IInterruptLines
    {
        public Dictionary<(int Core, int Id), bool> Levels { get; } = [];

        public void SetLevel(int coreId, int interruptId, bool level) => Levels[(coreId, interruptId)] = level;

        public bool High(int core, int id) => Levels.GetValueOrDefault((core, id));
    }

    private readonly VirtualClock clock = new();
    private readonly RecordingLines lines = new();
    private readonly GenericTimer timer;

    public GenericTimerTests() => timer = new GenericTimer(2, clock, lines);

    private ulong Read(TimerSystemRegister register, int core = 0)
    {
        Assert.True(timer.TryRead(new SystemRegisterAccess(core, 2, 0, new SystemRegisterKey((int)register)), out var value));
        return value;
    }

    private void Write(TimerSystemRegister register, ulong value, int core = 0) =>
        Assert.True(timer.TryWrite(new SystemRegisterAccess(core, 2, 0, new SystemRegisterKey((int)register)), value));

    [Fact]
    public void VirtualTimer_WithOffset_FiresWhenVirtualCountReachesCompare()
    {
        clock.Advance(10_000);
        Write(TimerSystemRegister.CntvoffEl2, 4_000);
        Assert.Equal(6_000UL, Read(TimerSystemRegister.CntvctEl0));
        Write(TimerSystemRegister.CntvCvalEl0, 6_500);
        Write(TimerSystemRegister.CntvCtlEl0, 1);
        Assert.False(lines.High(0, PlatformMap.VirtualTimerInterrupt));
        Assert.Equal(10_500UL, timer.NextDeadline());

        clock.Advance(499);
        timer.Update();
        Assert.False(lines.High(0, PlatformMap.VirtualTimerInterrupt));
        clock.Advance(1);
        timer.Update();
        Assert.True(lines.High(0, PlatformMap.VirtualTimerInterrupt));
        Assert.Equal(0b101UL, Read(TimerSystemRegister.CntvCtlEl0));
        Assert.Null(timer.NextDeadline());
    }

    [Fact]
    public void InterruptMask_KeepsStatusButDropsOutput()
    {
        Write(TimerSystemRegister.CntpCvalEl0, 0);
        Write(TimerSystemRegister.CntpCtlEl0, 1);
        Assert.True(lines.High(0, PlatformMap.PhysicalTimerInterrupt));
        Write(TimerSystemRegister.CntpCtlEl0, 0b11);
        Assert.False(lines.High(0, PlatformMap.PhysicalTimerInterrupt));
        Assert.Equal(0b111UL, Read(TimerSystemRegister.CntpCtlEl0));
    }

    [Fact]
    public void TimerValue_IsSigned32BitDistanceToCompare()
    {
        clock.Advance(1_000);
        Write(TimerSystemRegister.CnthpTvalEl2, 250);
        Assert.Equal(1_250UL, Read(TimerSystemRegister.CnthpCvalEl2));
        Write(TimerSystemRegister.CnthpTvalEl2, 0xFFFF_FF00); // -256
        Assert.Equal(1_000UL - 256, Read(TimerSystemRegister.CnthpCvalEl2));
        Assert.Equal(0xFFFF_FF00UL, Read(TimerSystemRegister.CnthpTvalEl2));
    }

    [Fact]
    public void Timers_ArePerCore_AndDriveThatCoresPpi()
    {
        Write(TimerSystemRegister.CnthpCvalEl2, 0, core: 1);
        Write(TimerSystemRegister.CnthpCtlEl2, 1, core: 1);
        Assert.True(lines.High(1, PlatformMap.HypervisorTimerInterrupt));
        Assert.False(lines.High(0, PlatformMap.HypervisorTimerInterrupt));
        Assert.Equal(PlatformMap.CounterFrequency, Read(TimerSystemRegister.CntfrqEl0));
    }

    [Fact]
    public void UnknownRegister_IsNotClaimed()
    {
        Assert.False(timer.TryRead(new SystemRegisterAccess(0, 2, 0, SystemRegisterKey.Of(3, 0, 1, 0, 0)), out _));
    }
}
