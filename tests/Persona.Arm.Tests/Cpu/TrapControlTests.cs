using Persona.Arm.Cpu;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Cpu;

/// <summary>The other HCR_EL2 and SCTLR_EL1 trap controls: each traps when set and lets the instruction through when clear.</summary>
public sealed class TrapControlTests
{
    private const ulong Ec18 = 0x18UL << 26 | 1UL << 25;

    // Runs one instruction at the given EL twice, without and with the control; returns (records without, last record with).
    private static (int RecordsWithout, Persona.Arm.Contracts.ExceptionRecord With) RunBothWays(string instruction, int level, HcrBits control, HcrBits baseHcr = HcrBits.RW)
    {
        var harness = new GuestHarness();
        harness.LoadCode($"{instruction}\nwfi");
        harness.Start(level, baseHcr);
        harness.Core.WriteSystemRegister(SystemRegister.SctlrEl1, 0x00C50838 | (1UL << 9) | (1UL << 14) | (1UL << 15) | (1UL << 26));
        harness.Core.SetX(1, GuestHarness.DataAddress);
        harness.RunToWfi();
        var without = harness.Log.Records.Count;
        harness.Start(level, baseHcr | control);
        harness.Core.SetX(1, GuestHarness.DataAddress);
        harness.RunToWfi();
        return (without, harness.Last);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Tacr_TrapsActlrEl1()
    {
        var (without, with) = RunBothWays("mrs x0, actlr_el1", 1, HcrBits.TACR);
        Assert.Equal(0, without);
        Assert.Equal((2, Ec18 | 0x30_0000 | (1 << 17) | (1 << 10) | 1), (with.ToLevel, with.Syndrome));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Tid2_TrapsCtrEl0()
    {
        var (without, with) = RunBothWays("mrs x0, ctr_el0", 1, HcrBits.TID2);
        Assert.Equal(0, without);
        Assert.Equal((2, 0x18UL), (with.ToLevel, with.Syndrome >> 26));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Trvm_TrapsReadsOfTtbr0()
    {
        var (without, with) = RunBothWays("mrs x0, ttbr0_el1", 1, HcrBits.TRVM);
        Assert.Equal(0, without);
        Assert.Equal((2, 1UL), (with.ToLevel, with.Syndrome & 1));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Ttlb_TrapsTlbiAtEl1()
    {
        var (without, with) = RunBothWays("tlbi vmalle1", 1, HcrBits.TTLB);
        Assert.Equal(0, without);
        Assert.Equal((2, 0x18UL), (with.ToLevel, with.Syndrome >> 26));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Tdz_TrapsDcZva_WhichOtherwiseZeroesTheBlock()
    {
        var harness = new GuestHarness();
        harness.Bus.Write64(GuestHarness.DataAddress + 0x38, ulong.MaxValue);
        harness.LoadCode("dc zva, x1\nwfi");
        harness.Start(1);
        harness.Core.SetX(1, GuestHarness.DataAddress + 0x10);
        harness.RunToWfi();
        Assert.Equal(0UL, harness.Bus.Read64(GuestHarness.DataAddress + 0x38));
        var (_, with) = RunBothWays("dc zva, x1", 1, HcrBits.TDZ);
        Assert.Equal((2, 0x18UL), (with.ToLevel, with.Syndrome >> 26));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Hcd_MakesHvcUndefined()
    {
        var (without, with) = RunBothWays("hvc #0", 1, HcrBits.HCD);
        Assert.Equal(1, without);
        Assert.Equal((1, 0x02000000UL), (with.ToLevel, with.Syndrome));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Tge_RoutesEl0UndefinedToEl2()
    {
        var (without, with) = RunBothWays(".inst 0", 0, HcrBits.TGE);
        Assert.Equal(1, without);
        Assert.Equal((0, 2, 0x02000000UL), (with.FromLevel, with.ToLevel, with.Syndrome));
        Assert.Equal(GuestHarness.El2Vectors + 0x400, with.VectorAddress);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void El0_DaifAccess_TrapsToEl1UnlessSctlrUma()
    {
        var harness = new GuestHarness();
        harness.LoadCode("msr daifset, #2\nwfi");
        harness.Start(0);
        harness.RunToWfi();
        Assert.Equal((1, 0x18UL), (harness.Last.ToLevel, harness.Last.Syndrome >> 26));

        harness.Start(0);
        harness.Core.WriteSystemRegister(SystemRegister.SctlrEl1, 0x00C50838 | (1UL << 9) | (1UL << 16));
        harness.Log.Records.Clear();
        harness.Core.Run(2);
        Assert.Empty(harness.Log.Records);
        Assert.Equal(1UL << 7, harness.Core.Pstate & (1UL << 7));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void El2Register_FromEl1_IsUndefined()
    {
        var (without, _) = RunBothWays("mrs x0, hcr_el2", 1, HcrBits.None);
        Assert.Equal(1, without);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void UnalignedExclusive_IsAlignmentFault()
    {
        var harness = new GuestHarness();
        harness.LoadCode("ldxr x0, [x1]\nwfi");
        harness.Start(1);
        harness.Core.SetX(1, GuestHarness.DataAddress + 4);
        harness.RunToWfi();
        Assert.Equal(0x25UL << 26 | 1UL << 25 | 0x21, harness.Last.Syndrome);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void StoreExclusive_FailsAfterAnotherCoreWritesTheLocation()
    {
        var harness = new GuestHarness(cores: 2);
        harness.LoadCode("ldxr x0, [x1]\nwfi\nstxr w2, x3, [x1]\nwfi");
        harness.LoadCode("str x4, [x1]\nwfi", GuestHarness.CodeAddress + 0x1000);
        harness.Start(2, core: harness.Cores[0]);
        harness.Start(2, core: harness.Cores[1]);
        harness.Cores[1].Pc = GuestHarness.CodeAddress + 0x1000;
        foreach (var core in harness.Cores)
            core.SetX(1, GuestHarness.DataAddress);
        harness.Cores[1].SetX(4, 99);
        harness.RunToWfi(harness.Cores[0]);
        harness.RunToWfi(harness.Cores[1]);
        harness.Cores[0].Wake();
        harness.RunToWfi(harness.Cores[0]);
        Assert.Equal(1UL, harness.Cores[0].GetX(2));
        Assert.Equal(99UL, harness.Bus.Read64(GuestHarness.DataAddress));
    }
}
