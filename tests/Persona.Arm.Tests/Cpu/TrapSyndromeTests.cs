using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Cpu;

/// <summary>Traps from EL1 to EL2: the syndromes are the values QEMU produced for the same instructions (reference §2.2).</summary>
public sealed class TrapSyndromeTests
{
    private static GuestHarness GuestAtEl1(string code, HcrBits hcr)
    {
        var harness = new GuestHarness();
        harness.LoadCode(code);
        harness.Start(1, HcrBits.RW | hcr);
        return harness;
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Hvc_FromEl1_TakenToEl2LowerVectorWithImmediateAndNextReturnAddress()
    {
        var harness = GuestAtEl1("hvc #0x1234", HcrBits.None);
        harness.RunToWfi();
        var record = Assert.Single(harness.Log.Records);
        Assert.Equal(0x5A001234UL, record.Syndrome);
        Assert.Equal((1, 2), (record.FromLevel, record.ToLevel));
        Assert.Equal(GuestHarness.CodeAddress + 4, record.ReturnAddress);
        Assert.Equal(GuestHarness.El2Vectors + 0x400, record.VectorAddress);
        Assert.Equal(0x3C5UL, record.SavedProgramStatus);
        Assert.Equal(0x5A001234UL, harness.Core.ReadSystemRegister(SystemRegister.EsrEl2));
        Assert.Equal(0x3C9UL, harness.Core.Pstate);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void MsrSctlrEl1_WithTvm_TrapsWithSysRegSyndromeAtTheInstruction()
    {
        var harness = GuestAtEl1("msr sctlr_el1, x0", HcrBits.TVM);
        harness.RunToWfi();
        Assert.Equal(0x62300400UL, harness.Last.Syndrome);
        Assert.Equal(GuestHarness.CodeAddress, harness.Last.ReturnAddress);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void MsrSctlrEl1_WithoutTvm_WritesTheRegister()
    {
        var harness = GuestAtEl1("msr sctlr_el1, x0\nwfi", HcrBits.None);
        harness.Core.SetX(0, 0x30D0_0800);
        harness.RunToWfi();
        Assert.Empty(harness.Log.Records);
        Assert.Equal(0x30D0_0800UL, harness.Core.ReadSystemRegister(SystemRegister.SctlrEl1));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void MrsIdAa64Mmfr0_WithTid3_TrapsAsRead()
    {
        var harness = GuestAtEl1("mrs x1, id_aa64mmfr0_el1", HcrBits.TID3);
        harness.RunToWfi();
        Assert.Equal(0x6230002FUL, harness.Last.Syndrome);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Wfi_WithTwi_TrapsWithConditionFields()
    {
        var harness = GuestAtEl1("wfi", HcrBits.TWI);
        harness.RunToWfi();
        Assert.Equal(0x07E00000UL, harness.Last.Syndrome);
        Assert.Equal(GuestHarness.CodeAddress, harness.Last.ReturnAddress);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Wfe_WithTwe_TrapsWithTiOne()
    {
        var harness = GuestAtEl1("wfe", HcrBits.TWE);
        harness.RunToWfi();
        Assert.Equal(0x07E00001UL, harness.Last.Syndrome);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Smc_WithTsc_TrapsWithElrAtTheSmc()
    {
        var harness = GuestAtEl1("smc #0x55", HcrBits.TSC);
        harness.RunToWfi();
        Assert.Equal(0x5E000055UL, harness.Last.Syndrome);
        Assert.Equal(GuestHarness.CodeAddress, harness.Last.ReturnAddress);
        Assert.Empty(harness.Platform.FirmwareCalls);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Smc_WithoutTsc_GoesToPlatformFirmware()
    {
        var harness = GuestAtEl1("movz x0, #0x8400, lsl #16\nadd x0, x0, #8\nsmc #0\nwfi", HcrBits.None);
        harness.Platform.ClaimFirmwareCalls = true;
        harness.RunToWfi();
        Assert.Empty(harness.Log.Records);
        Assert.Equal((0, 0x84000008UL, true), Assert.Single(harness.Platform.FirmwareCalls));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Smc_NotClaimedByFirmware_IsUndefined()
    {
        var harness = GuestAtEl1("smc #0", HcrBits.None);
        harness.RunToWfi();
        Assert.Equal(0x02000000UL, harness.Last.Syndrome);
        Assert.Equal(1, harness.Last.ToLevel);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void FpInstruction_WithCpacrFpenClear_TrapsToEl1WithEc07()
    {
        var harness = GuestAtEl1("fmov d0, x1", HcrBits.None);
        harness.RunToWfi();
        Assert.Equal((1, 0x1FE00000UL), (harness.Last.ToLevel, harness.Last.Syndrome));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void FpInstruction_WithCptrTfp_TrapsToEl2WithEc07()
    {
        var harness = GuestAtEl1("fmov d0, x1", HcrBits.None);
        harness.Core.WriteSystemRegister(SystemRegister.CpacrEl1, 3UL << 20);
        harness.Core.WriteSystemRegister(SystemRegister.CptrEl2, 0x33FF | (1UL << 10));
        harness.RunToWfi();
        Assert.Equal((2, 0x1FE00000UL), (harness.Last.ToLevel, harness.Last.Syndrome));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void UnallocatedEncoding_AtEl1_IsUndefinedAtEl1CurrentSpxVector()
    {
        var harness = GuestAtEl1(".inst 0x00000000", HcrBits.None);
        harness.RunToWfi();
        Assert.Equal(0x02000000UL, harness.Last.Syndrome);
        Assert.Equal(GuestHarness.El1Vectors + 0x200, harness.Last.VectorAddress);
        Assert.Equal(0x02000000UL, harness.Core.ReadSystemRegister(SystemRegister.EsrEl1));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Svc_FromEl0_GoesToEl1_OrToEl2WithTge()
    {
        var harness = new GuestHarness();
        harness.LoadCode("svc #7");
        harness.Start(0);
        harness.RunToWfi();
        Assert.Equal((0, 1, 0x56000007UL), (harness.Last.FromLevel, harness.Last.ToLevel, harness.Last.Syndrome));
        Assert.Equal(GuestHarness.El1Vectors + 0x400, harness.Last.VectorAddress);
        Assert.Equal(GuestHarness.CodeAddress + 4, harness.Last.ReturnAddress);

        harness.Start(0, HcrBits.RW | HcrBits.TGE);
        harness.RunToWfi();
        Assert.Equal((0, 2), (harness.Last.FromLevel, harness.Last.ToLevel));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Eret_ToHigherLevel_IsIllegalReturnThenIllegalStateException()
    {
        var harness = GuestAtEl1("eret", HcrBits.None);
        harness.Core.WriteSystemRegister(SystemRegister.SpsrEl1, 0x3C9);
        harness.Core.WriteSystemRegister(SystemRegister.ElrEl1, GuestHarness.CodeAddress + 0x40);
        harness.RunToWfi();
        Assert.Equal(0x0E << 26 | 1 << 25, (long)harness.Last.Syndrome);
        Assert.Equal(GuestHarness.CodeAddress + 0x40, harness.Last.ReturnAddress);
        Assert.Equal((1, 1), (harness.Last.FromLevel, harness.Last.ToLevel));
        Assert.NotEqual(0UL, harness.Last.SavedProgramStatus & (1UL << 20));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void El2Handler_HandlesHvcInCSharp_AndGuestResumesAfterIt()
    {
        var harness = GuestAtEl1("hvc #9\nmov x1, x0\nwfi", HcrBits.None);
        var handler = new AnsweringHandler();
        harness.Core.El2Handler = handler;
        harness.RunToWfi();
        Assert.Equal(42UL, harness.Core.GetX(1));
        Assert.Equal(1, harness.Core.ExceptionLevel);
        Assert.Equal(0x5A000009UL, Assert.Single(handler.Seen).Syndrome);
    }

    private sealed class AnsweringHandler : IEl2Handler
    {
        public List<ExceptionRecord> Seen { get; } = [];

        public void HandleException(Core core, in ExceptionRecord record)
        {
            Seen.Add(record);
            core.SetX(0, 42);
        }
    }
}
