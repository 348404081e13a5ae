using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Cpu;

/// <summary>Interrupt routing (HCR_EL2.IMO/VI), masking by PSTATE, vector offsets, and WFI sleep and wake-up.</summary>
public sealed class InterruptTests
{
    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void VirtualIrq_FromHcrVi_TakenAtEl1CurrentSpxIrqVector_WhenUnmasked()
    {
        var harness = new GuestHarness();
        harness.LoadCode("nop\nnop\nmsr daifclr, #2\nnop\nnop");
        harness.Start(1, HcrBits.RW | HcrBits.IMO | HcrBits.VI);
        harness.Core.Run(4);
        var record = Assert.Single(harness.Log.Records);
        Assert.Equal((ExceptionKind.Irq, 1, 1), (record.Kind, record.FromLevel, record.ToLevel));
        Assert.Equal(GuestHarness.El1Vectors + 0x280, record.VectorAddress);
        Assert.Equal(GuestHarness.CodeAddress + 12, record.ReturnAddress);
        Assert.Equal(0UL, harness.Core.ReadSystemRegister(SystemRegister.EsrEl1));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void VirtualIrq_WithoutImo_IsNotTaken()
    {
        var harness = new GuestHarness();
        harness.LoadCode("msr daifclr, #2\nnop\nwfi");
        harness.Start(1, HcrBits.RW | HcrBits.VI);
        harness.RunToWfi();
        Assert.Empty(harness.Log.Records);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void PhysicalIrq_WithImo_TakenToEl2LowerVector_EvenWhenEl1MasksIrq()
    {
        var harness = new GuestHarness();
        harness.LoadCode("nop\nnop");
        harness.Start(1, HcrBits.RW | HcrBits.IMO);
        harness.Core.SetPhysicalInterrupt(irq: true, fiq: false);
        harness.Core.Run(1);
        var record = Assert.Single(harness.Log.Records);
        Assert.Equal((ExceptionKind.Irq, 2), (record.Kind, record.ToLevel));
        Assert.Equal(GuestHarness.El2Vectors + 0x480, record.VectorAddress);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Wfi_WithNothingPending_Sleeps_AndAnInterruptLineWakesIt()
    {
        var harness = new GuestHarness();
        harness.LoadCode("wfi\nmov x1, #5\nwfi");
        harness.Start(2);
        var first = harness.Core.Run(100);
        Assert.Equal(StopReason.WaitingForInterrupt, first.Reason);
        Assert.True(harness.Core.IsWaitingForInterrupt);
        Assert.Equal(StopReason.WaitingForInterrupt, harness.Core.Run(100).Reason);
        harness.Core.SetPhysicalInterrupt(irq: true, fiq: false);
        var second = harness.Core.Run(2);
        // PSTATE.I masks the IRQ at EL2, so it wakes the WFI without being taken, and the next WFI completes at once.
        Assert.Equal(new StepResult(2, StopReason.BudgetExhausted), second);
        Assert.False(harness.Core.IsWaitingForInterrupt);
        Assert.Equal(5UL, harness.Core.GetX(1));
        Assert.Empty(harness.Log.Records);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void PoweredOffCore_DoesNotRun_UntilPowerOn()
    {
        var harness = new GuestHarness();
        harness.LoadCode("mov x1, x0\nwfi");
        harness.Core.PowerOff();
        Assert.Equal(new StepResult(0, StopReason.PoweredOff), harness.Core.Run(10));
        harness.Core.PowerOn(GuestHarness.CodeAddress, 0xC0FFEE);
        harness.RunToWfi();
        Assert.Equal((0xC0FFEEUL, 2), (harness.Core.GetX(1), harness.Core.ExceptionLevel));
    }
}
