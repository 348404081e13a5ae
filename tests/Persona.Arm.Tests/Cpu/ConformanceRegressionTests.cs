using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Cpu;

/// <summary>Regression tests for the divergences the QEMU conformance images found, and for the places where we keep to the
/// architecture where QEMU 7.2 does not (each says which).</summary>
public sealed class ConformanceRegressionTests
{
    // exceptions image: DCZID_EL0.DZP was always 0; QEMU (and the architecture) set it wherever DC ZVA would trap.
    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void DczidEl0_DzpBit_ReadsOneExactlyWhereDcZvaWouldTrap()
    {
        Assert.Equal(0x14UL, ReadDczid(exceptionLevel: 0, HcrBits.RW, dze: false));
        Assert.Equal(0x4UL, ReadDczid(exceptionLevel: 0, HcrBits.RW, dze: true));
        Assert.Equal(0x4UL, ReadDczid(exceptionLevel: 1, HcrBits.RW, dze: false));
        Assert.Equal(0x14UL, ReadDczid(exceptionLevel: 1, HcrBits.RW | HcrBits.TDZ, dze: true));
        Assert.Equal(0x4UL, ReadDczid(exceptionLevel: 2, HcrBits.RW | HcrBits.TDZ, dze: false));
    }

    // The architecture's ISS for a trapped MSR (immediate) holds the instruction's Op1 in [16:14] and Op2 in [19:17];
    // QEMU 7.2 swaps them (0x620793e4 for this instruction), so the exceptions image masks them and this test pins ours.
    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void MsrDaifSet_AtEl0WithoutUma_TrapsWithTheInstructionsOp1AndOp2()
    {
        var harness = new GuestHarness();
        harness.LoadCode("msr daifset, #2\nwfi");
        harness.Start(0);
        harness.RunToWfi();
        var record = Assert.Single(harness.Log.Records);
        Assert.Equal(0x620C_D3E4UL, record.Syndrome);
        Assert.Equal((0, 1), (record.FromLevel, record.ToLevel));
    }

    private static ulong ReadDczid(int exceptionLevel, HcrBits hcr, bool dze)
    {
        var harness = new GuestHarness();
        harness.LoadCode("mrs x0, dczid_el0\nwfi");
        harness.Start(exceptionLevel, hcr);
        var sctlr = harness.Core.ReadSystemRegister(SystemRegister.SctlrEl1);
        harness.Core.WriteSystemRegister(SystemRegister.SctlrEl1, dze ? sctlr | (ulong)SctlrBits.DZE : sctlr & ~(ulong)SctlrBits.DZE);
        harness.RunToWfi();
        Assert.Empty(harness.Log.Records);
        return harness.Core.GetX(0);
    }
}
