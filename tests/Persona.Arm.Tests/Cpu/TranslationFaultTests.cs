using Persona.Arm.Cpu;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Cpu;

/// <summary>Stage-1 and stage-2 aborts: syndromes (QEMU-checked where the reference gives them), FAR, HPFAR and routing.</summary>
public sealed class TranslationFaultTests
{
    // A guest at EL1 with stage 2 on: RAM identity-mapped RW in 2 MiB blocks, everything else unmapped.
    private static GuestHarness GuestWithStage2(string code, out ulong root)
    {
        var harness = new GuestHarness();
        root = harness.CreateStage2();
        harness.MapRamIdentityStage2(root);
        harness.LoadCode(code);
        harness.Start(1, HcrBits.RW | HcrBits.VM);
        return harness;
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void DataAbort_ToUnmappedIpa_ReportsTranslationFaultWithHpfar()
    {
        var harness = GuestWithStage2("str w2, [x3]", out _);
        harness.Core.SetX(3, 0x0900_0000);
        harness.RunToWfi();
        Assert.Equal(0x93820045UL, harness.Last.Syndrome);
        Assert.Equal(0x0900_0000UL, harness.Last.FaultAddress);
        Assert.Equal(0x90000UL, harness.Core.ReadSystemRegister(SystemRegister.HpfarEl2));
        Assert.Equal(GuestHarness.CodeAddress, harness.Last.ReturnAddress);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void ExceptionRecord_IntermediatePhysicalFaultAddress_IsTheHpfarValueWritten()
    {
        var harness = GuestWithStage2("ldrb w2, [x3]", out _);
        harness.Core.SetX(3, 0x0000_00AB_CDE0_1234);
        harness.RunToWfi();
        var hpfar = harness.Core.ReadSystemRegister(SystemRegister.HpfarEl2);
        Assert.Equal(0xAB_CDE0_1UL << 4, hpfar);
        Assert.Equal(hpfar, harness.Last.IntermediatePhysicalFaultAddress);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Load64_ToUnmappedIpa_ReportsSixtyFourBitRegisterSyndrome()
    {
        var harness = GuestWithStage2("ldr x10, [x3, #8]", out _);
        harness.Core.SetX(3, 0x0900_0000);
        harness.RunToWfi();
        Assert.Equal(0x93CA8005UL, harness.Last.Syndrome);
        Assert.Equal(0x0900_0008UL, harness.Last.FaultAddress);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void LoadPair_ToUnmappedIpa_HasNoValidInstructionSyndrome()
    {
        var harness = GuestWithStage2("ldp x6, x7, [x3]", out _);
        harness.Core.SetX(3, 0x0900_0000);
        harness.RunToWfi();
        Assert.Equal(0x92000005UL, harness.Last.Syndrome);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void HalfwordStore_ToReadOnlyStage2Block_ReportsPermissionFaultLevel1()
    {
        var harness = GuestWithStage2("strh w4, [x5]", out var root);
        harness.SetDescriptor(root, 2, GuestHarness.Stage2Leaf(0x4000_0000, s2ap: 1));
        harness.Core.SetX(5, 0x8000_0234);
        harness.RunToWfi();
        Assert.Equal(0x9344004DUL, harness.Last.Syndrome);
        Assert.Equal(0x8000_0234UL, harness.Last.FaultAddress);
        Assert.Equal(0x800000UL, harness.Core.ReadSystemRegister(SystemRegister.HpfarEl2));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Load_FromReadOnlyStage2Block_Succeeds()
    {
        var harness = GuestWithStage2("ldr x1, [x5]\nwfi", out var root);
        harness.SetDescriptor(root, 2, GuestHarness.Stage2Leaf(0x4000_0000, s2ap: 1));
        harness.Bus.Write64(GuestHarness.DataAddress, 0x1234_5678);
        harness.Core.SetX(5, 0x8000_0000 + (GuestHarness.DataAddress - 0x4000_0000));
        harness.RunToWfi();
        Assert.Empty(harness.Log.Records);
        Assert.Equal(0x1234_5678UL, harness.Core.GetX(1));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void BranchToUnmappedIpa_ReportsInstructionAbortAtTarget()
    {
        var harness = GuestWithStage2("blr x3", out _);
        harness.Core.SetX(3, 0x1000_0000);
        harness.RunToWfi();
        Assert.Equal(0x82000005UL, harness.Last.Syndrome);
        Assert.Equal(0x1000_0000UL, harness.Last.FaultAddress);
        Assert.Equal(0x1000_0000UL, harness.Last.ReturnAddress);
        Assert.Equal(0x100000UL, harness.Core.ReadSystemRegister(SystemRegister.HpfarEl2));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Stage2BlockWithoutAccessFlag_ReportsAccessFlagFault()
    {
        var harness = GuestWithStage2("ldr x1, [x3]", out var root);
        harness.MapStage2Block(root, 0x8000_0000, 0x4040_0000, accessFlag: false);
        harness.Core.SetX(3, 0x8000_0010);
        harness.RunToWfi();
        Assert.Equal(0x24UL << 26 | 1UL << 25 | 1UL << 24 | 3UL << 22 | 1UL << 16 | 1UL << 15 | 0x0A, harness.Last.Syndrome);
    }

    // Stage 1 at EL1: 39-bit VA (T0SZ 25), level-1 root with a 1 GiB identity block for RAM; other VAs unmapped.
    private static GuestHarness GuestWithStage1(string code, bool stage2, ulong stage1RootIpa = 0)
    {
        var harness = new GuestHarness();
        var root = harness.AllocateTable();
        harness.SetDescriptor(root, 1, 0x4000_0000 | 1 | (1 << 10));
        harness.LoadCode(code);
        var hcr = HcrBits.RW;
        if (stage2)
        {
            var stage2Root = harness.CreateStage2();
            harness.MapRamIdentityStage2(stage2Root);
            hcr |= HcrBits.VM;
        }
        harness.Start(1, hcr);
        harness.Core.WriteSystemRegister(SystemRegister.TcrEl1, 25);
        harness.Core.WriteSystemRegister(SystemRegister.Ttbr0El1, stage1RootIpa != 0 ? stage1RootIpa : root);
        harness.Core.WriteSystemRegister(SystemRegister.SctlrEl1, 1);
        return harness;
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Stage1TranslationFault_AtEl1_IsTakenToEl1WithoutInstructionSyndrome()
    {
        var harness = GuestWithStage1("str x1, [x2]", stage2: true);
        harness.Core.SetX(2, 0x8000_0008);
        harness.RunToWfi();
        Assert.Equal((1, 1), (harness.Last.FromLevel, harness.Last.ToLevel));
        Assert.Equal(0x25UL << 26 | 1UL << 25 | 1UL << 6 | 0x05, harness.Last.Syndrome);
        Assert.Equal(0x8000_0008UL, harness.Core.ReadSystemRegister(SystemRegister.FarEl1));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void Stage1TableInUnmappedIpa_FetchReportsStage2FaultOnWalk()
    {
        var harness = GuestWithStage1("nop", stage2: true, stage1RootIpa: 0x8000_0000);
        harness.RunToWfi();
        Assert.Equal(2, harness.Last.ToLevel);
        Assert.Equal(0x20UL << 26 | 1UL << 25 | 1UL << 7 | 0x05, harness.Last.Syndrome);
        Assert.Equal(GuestHarness.CodeAddress, harness.Last.FaultAddress);
        Assert.Equal(0x800000UL, harness.Core.ReadSystemRegister(SystemRegister.HpfarEl2));
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void AtS1e1r_WritesParWithPhysicalAddressOrFault()
    {
        var harness = GuestWithStage1("at s1e1r, x2\nmrs x3, par_el1\nat s1e1r, x4\nmrs x5, par_el1\nwfi", stage2: false);
        harness.Core.SetX(2, 0x4000_1234);
        harness.Core.SetX(4, 0x8000_0000);
        harness.RunToWfi();
        Assert.Equal(0x4000_1000UL, harness.Core.GetX(3) & 0x0000_FFFF_FFFF_F000);
        Assert.Equal(0UL, harness.Core.GetX(3) & 1);
        Assert.Equal(1UL | (0x05 << 1), harness.Core.GetX(5) & 0x7F);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void UnalignedLoad_WithSctlrA_IsAlignmentFault_WithoutItSucceeds()
    {
        var harness = new GuestHarness();
        harness.LoadCode("ldr x1, [x2]\nwfi");
        harness.Start(1);
        harness.Core.SetX(2, GuestHarness.DataAddress + 3);
        harness.RunToWfi();
        Assert.Empty(harness.Log.Records);

        harness.Start(1);
        harness.Core.WriteSystemRegister(SystemRegister.SctlrEl1, 0x00C50838 | 2);
        harness.Core.SetX(2, GuestHarness.DataAddress + 3);
        harness.RunToWfi();
        Assert.Equal(0x25UL << 26 | 1UL << 25 | 0x21, harness.Last.Syndrome);
        Assert.Equal(GuestHarness.DataAddress + 3, harness.Last.FaultAddress);
    }
}
