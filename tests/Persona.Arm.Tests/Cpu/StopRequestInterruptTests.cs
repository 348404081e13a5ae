using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Cpu;

/// <summary>A stop request and an interrupt raised together (a timer reprogrammed to an expired deadline ends the slice): the
/// run that reports the stop must not consume the interrupt, which is taken when the core runs again.</summary>
public sealed class StopRequestInterruptTests
{
    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void PhysicalIrq_RaisedWithAStopRequest_IsTakenOnTheNextRun()
    {
        var harness = new GuestHarness();
        harness.LoadCode("nop\nnop\nnop\nnop");
        harness.Start(1, HcrBits.RW | HcrBits.IMO);
        harness.Core.SetPhysicalInterrupt(irq: true, fiq: false);
        harness.Core.RequestStop();
        Assert.Equal(StopReason.StopRequested, harness.Core.Run(1).Reason);
        Assert.Empty(harness.Log.Records);
        harness.Core.Run(2);
        var record = Assert.Single(harness.Log.Records);
        Assert.Equal((ExceptionKind.Irq, 2), (record.Kind, record.ToLevel));
    }
}
