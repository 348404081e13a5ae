using Persona.Arm.Cpu;
using Persona.Cli.Verification;
using Persona.Hypervisor;
using Persona.Spec.Model;
using Persona.Spec.Platforms;

namespace Persona.Cli.Tests.Reports;

public sealed class TrapClassifierTests
{
    private static readonly Platform Handset = DefaultPlatform.Load();

    private static TrapRecord Trap(ExceptionClass ec, string description) =>
        new(1, 0, Component.Work, description, (ulong)ec << 26, 0x4000_0000, [], false);

    [Theory]
    [InlineData(ExceptionClass.Hvc64, "HVC 0x102(Unshare, 0x40002000) -> Ok", TrapClass.Hypercall, "Unshare")]
    [InlineData(ExceptionClass.Hvc64, "HVC 0x999(unknown, 0x0) -> Denied", TrapClass.Hypercall, "unknown")]
    [InlineData(ExceptionClass.DataAbortLowerEl, "data abort write IPA 0x9000000", TrapClass.DataAbort, "virtual UART write")]
    [InlineData(ExceptionClass.DataAbortLowerEl, "data abort read IPA 0x7000000000", TrapClass.DataAbort, "unmapped read (denied)")]
    [InlineData(ExceptionClass.DataAbortLowerEl, "data abort read IPA 0xfffffffffffffffffffff", TrapClass.DataAbort, "no valid syndrome")]
    [InlineData(ExceptionClass.WfxTrap, "WFI", TrapClass.WaitForInterrupt, "WFI")]
    [InlineData(ExceptionClass.Smc64, "SMC PSCI 0x84000008 (power off)", TrapClass.SecureMonitorCall, "PSCI 0x84000008 (power off)")]
    [InlineData(ExceptionClass.Unknown, "Irq interrupt", TrapClass.Interrupt, "IRQ")]
    [InlineData(ExceptionClass.SystemRegisterTrap, "unexpected SystemRegisterTrap", TrapClass.Other, "SystemRegisterTrap")]
    public void Classify_SortsEachTrapByItsSyndromeAndDescription(ExceptionClass ec, string description, TrapClass expected, string detail)
    {
        Assert.Equal((expected, detail), TrapClassifier.Classify(Trap(ec, description), Handset));
    }

    [Fact]
    public void Classify_ADataAbortOnADevicesWindow_NamesTheDevice()
    {
        var device = Handset.Devices[0];
        var trap = Trap(ExceptionClass.DataAbortLowerEl, $"data abort write IPA 0x{device.Mmio.Base:x}");
        Assert.Equal((TrapClass.DataAbort, $"{device.Name} write (denied)"), TrapClassifier.Classify(trap, Handset));
    }
}
