using System.Globalization;
using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Isa;

/// <summary>The ID registers and the decoder agree: an instruction of an extension whose ID field reads 0 is UNDEFINED,
/// one of an advertised extension executes, and every advertised field names an instruction that shows it.</summary>
/// <remarks>The expectation is read from the core's own ID registers, so advertising a feature (or dropping one) without
/// changing the decoder fails here. FP/SIMD extensions (AES, SHA, RDM, FHM, JSCVT, SVE...) are out of scope: every
/// FP/SIMD instruction traps or is undefined.</remarks>
public sealed class ExtensionAgreementTests
{
    /// <summary>One instruction that exists only with the extension in an ID register field (bits [shift+3:shift]).</summary>
    public sealed record Probe(string Extension, SystemRegister IdRegister, int FieldShift, string Instruction, uint Word, int ExceptionLevel = 1);

    private const ulong UndefinedSyndrome = 0x0200_0000;

    public static readonly Probe[] Probes =
    [
        new("CRC32", SystemRegister.IdAa64Isar0El1, 16, "crc32b w0, w1, w2", 0x1AC24020),
        new("CRC32", SystemRegister.IdAa64Isar0El1, 16, "crc32cx w0, w1, x2", 0x9AC25C20),
        new("LSE atomics", SystemRegister.IdAa64Isar0El1, 20, "ldaddal x0, x1, [x2]", 0xF8E00041),
        new("LSE atomics", SystemRegister.IdAa64Isar0El1, 20, "casal x0, x1, [x2]", 0xC8E0FC41),
        new("FlagM", SystemRegister.IdAa64Isar0El1, 52, "cfinv", 0xD500401F),
        new("FlagM", SystemRegister.IdAa64Isar0El1, 52, "rmif x0, #3, #2", 0xBA018402),
        new("FlagM", SystemRegister.IdAa64Isar0El1, 52, "setf8 w0", 0x3A00080D),
        new("TLBI outer shareable and range", SystemRegister.IdAa64Isar0El1, 56, "tlbi vmalle1os", 0xD508811F),
        new("TLBI outer shareable and range", SystemRegister.IdAa64Isar0El1, 56, "tlbi rvae1, x0", 0xD5088620),
        new("RNDR", SystemRegister.IdAa64Isar0El1, 60, "mrs x0, rndr", 0xD53B2400),
        new("DC CVAP", SystemRegister.IdAa64Isar1El1, 0, "dc cvap, x0", 0xD50B7C20),
        new("Pointer authentication (address, IMPLEMENTATION DEFINED)", SystemRegister.IdAa64Isar1El1, 8, "pacia x0, x1", 0xDAC10020),
        new("Pointer authentication (address, IMPLEMENTATION DEFINED)", SystemRegister.IdAa64Isar1El1, 8, "retaa", 0xD65F0BFF),
        new("Pointer authentication (address, IMPLEMENTATION DEFINED)", SystemRegister.IdAa64Isar1El1, 8, "ldraa x0, [x1]", 0xF8200420),
        new("Pointer authentication (generic, IMPLEMENTATION DEFINED)", SystemRegister.IdAa64Isar1El1, 28, "pacga x0, x1, x2", 0x9AC23020),
        new("RCpc", SystemRegister.IdAa64Isar1El1, 20, "ldapr x0, [x1]", 0xF8BFC020),
        new("RCpc", SystemRegister.IdAa64Isar1El1, 20, "ldapur x0, [x1, #8]", 0xD9408020),
        new("SB", SystemRegister.IdAa64Isar1El1, 36, "sb", 0xD50330FF),
        new("Prediction restriction", SystemRegister.IdAa64Isar1El1, 40, "cfp rctx, x0", 0xD50B7380),
        new("RAS", SystemRegister.IdAa64Pfr0El1, 28, "mrs x0, erridr_el1", 0xD5385300),
        new("DIT", SystemRegister.IdAa64Pfr0El1, 48, "msr dit, #1", 0xD503415F),
        new("DIT", SystemRegister.IdAa64Pfr0El1, 48, "mrs x0, dit", 0xD53B42A0),
        new("SSBS", SystemRegister.IdAa64Pfr1El1, 4, "msr ssbs, #1", 0xD503413F),
        new("SSBS", SystemRegister.IdAa64Pfr1El1, 4, "mrs x0, ssbs", 0xD53B42C0),
        new("MTE", SystemRegister.IdAa64Pfr1El1, 8, "irg x0, x1", 0x9ADF1020),
        new("LOR", SystemRegister.IdAa64Mmfr1El1, 16, "ldlar x0, [x1]", 0xC8DF7C20),
        new("LOR", SystemRegister.IdAa64Mmfr1El1, 16, "stllr x0, [x1]", 0xC89F7C20),
        new("PAN", SystemRegister.IdAa64Mmfr1El1, 20, "msr pan, #1", 0xD500419F),
        new("PAN", SystemRegister.IdAa64Mmfr1El1, 20, "mrs x0, pan", 0xD5384260),
        new("VHE", SystemRegister.IdAa64Mmfr1El1, 8, "mrs x0, sctlr_el12", 0xD53D1000, ExceptionLevel: 2),
        new("UAO", SystemRegister.IdAa64Mmfr2El1, 4, "msr uao, #1", 0xD500407F),
    ];

    // Fields that are not instruction extensions, or that say "implemented" with 0; each with its reason.
    private static readonly (SystemRegister Register, int Shift, string Reason)[] NotInstructionFields =
    [
        (SystemRegister.IdAa64Pfr0El1, 0, "EL0 handling (AArch64 only)"),
        (SystemRegister.IdAa64Pfr0El1, 4, "EL1 handling"),
        (SystemRegister.IdAa64Pfr0El1, 8, "EL2 handling"),
        (SystemRegister.IdAa64Pfr0El1, 12, "EL3 handling (none)"),
        (SystemRegister.IdAa64Pfr0El1, 16, "FP: out of scope, trapped or undefined"),
        (SystemRegister.IdAa64Pfr0El1, 20, "AdvSIMD: out of scope, trapped or undefined"),
        (SystemRegister.IdAa64Pfr0El1, 24, "GIC system registers: tested with the GIC"),
    ];

    private static readonly SystemRegister[] FeatureRegisters =
    [
        SystemRegister.IdAa64Pfr0El1, SystemRegister.IdAa64Pfr1El1, SystemRegister.IdAa64Isar0El1, SystemRegister.IdAa64Isar1El1,
        SystemRegister.IdAa64Mmfr1El1, SystemRegister.IdAa64Mmfr2El1,
    ];

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void ExtensionInstructions_UndefinedExactlyWhenTheirIdFieldIsZero()
    {
        var failures = new List<string>();
        foreach (var probe in Probes)
        {
            var harness = new GuestHarness();
            harness.LoadCode($".inst 0x{probe.Word:x8}\nwfi");
            harness.Start(probe.ExceptionLevel);
            harness.Core.SetX(1, GuestHarness.DataAddress);
            harness.Core.SetX(2, GuestHarness.DataAddress + 0x100);
            var field = (harness.Core.ReadSystemRegister(probe.IdRegister) >> probe.FieldShift) & 0xF;
            harness.RunToWfi();

            var undefined = harness.Log.Records.Any(r => r.Syndrome == UndefinedSyndrome && r.ReturnAddress == GuestHarness.CodeAddress);
            var what = $"{probe.Instruction} ({probe.Extension}, {probe.IdRegister}[{probe.FieldShift + 3}:{probe.FieldShift}] = {field})";
            if (field == 0 && !undefined)
                failures.Add($"{what}: not advertised, so it must be UNDEFINED; exceptions: {Describe(harness.Log.Records)}");
            if (field != 0 && harness.Log.Records.Count != 0)
                failures.Add($"{what}: advertised, so it must execute; exceptions: {Describe(harness.Log.Records)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryAdvertisedFeatureField_HasAProbeOrAReason()
    {
        var core = new GuestHarness().Core;
        foreach (var register in FeatureRegisters)
        {
            var value = core.ReadSystemRegister(register);
            for (var shift = 0; shift < 64; shift += 4)
            {
                if (((value >> shift) & 0xF) == 0 || NotInstructionFields.Any(f => f.Register == register && f.Shift == shift))
                    continue;
                Assert.True(Probes.Any(p => p.IdRegister == register && p.FieldShift == shift),
                    $"{register}[{shift + 3}:{shift}] = {(value >> shift) & 0xF} is advertised but no probe shows the instruction it adds");
            }
        }
    }

    // The walker's address-size faults and the core's bus checks use one physical size; the ID register must advertise it.
    [Fact]
    public void AdvertisedPhysicalAddressRange_IsTheOneTheWalkerEnforces()
    {
        var parange = (int)(new GuestHarness().Core.ReadSystemRegister(SystemRegister.IdAa64Mmfr0El1) & 0xF);
        Assert.Equal(Persona.Arm.Memory.TranslationTableWalker.ImplementedPhysicalAddressBits, Persona.Arm.Memory.TranslationTableWalker.PhysicalAddressSizeBits(parange));
        Assert.Equal(4, parange);
    }

    // Hints stay NOPs when their extension is absent: the architecture allocates them in the hint space for that.
    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void HintSpaceExtensions_ExecuteAsNops_LeavingEveryRegisterUnchanged()
    {
        foreach (var hint in new[] { "paciasp", "autiasp", "xpaclri", "bti c", "bti jc", "esb", "csdb", "dgh", "psb csync" })
        {
            var harness = new GuestHarness();
            harness.LoadCode($".arch armv8.6-a+pauth\n{hint}\nwfi");
            harness.Start(1);
            for (var r = 0; r < 31; r++)
                harness.Core.SetX(r, (0x1111_0000_0000_0000UL * (ulong)(r % 15)) + (ulong)r);
            var before = Enumerable.Range(0, 31).Select(r => harness.Core.GetX(r)).ToArray();
            harness.RunToWfi();
            Assert.True(harness.Log.Records.Count == 0, $"{hint}: {Describe(harness.Log.Records)}");
            Assert.Equal(before, Enumerable.Range(0, 31).Select(r => harness.Core.GetX(r)).ToArray());
        }
    }

    // ID_AA64PFR0_EL1.EL0/EL1/EL2 = 1 says "AArch64 only" (it said 2, AArch32 too, which the core never had): an ERET
    // to an AArch32 mode is then an illegal return, and the next instruction takes the illegal-execution-state exception.
    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void AArch32_IsNotAdvertised_AndAnEretToAnAArch32ModeIsAnIllegalReturn()
    {
        var harness = new GuestHarness();
        Assert.Equal(0x111UL, harness.Core.ReadSystemRegister(SystemRegister.IdAa64Pfr0El1) & 0xFFF);
        harness.LoadCode("adr x9, 1f\nmsr elr_el1, x9\nmov x10, #0x10\nmsr spsr_el1, x10\neret\n1: nop\nwfi");
        harness.Start(1);
        harness.RunToWfi();
        var record = Assert.Single(harness.Log.Records);
        Assert.Equal(0x3A00_0000UL, record.Syndrome);
        Assert.Equal((1, 1), (record.FromLevel, record.ToLevel));
        Assert.Equal(GuestHarness.CodeAddress + 20, record.ReturnAddress);
        Assert.Equal(1UL << 20, record.SavedProgramStatus & (1UL << 20));
    }

    private static string Describe(IEnumerable<ExceptionRecord> records) =>
        string.Join("; ", records.Select(r => string.Create(CultureInfo.InvariantCulture, $"ESR 0x{r.Syndrome:x} at 0x{r.ReturnAddress:x} EL{r.FromLevel}->EL{r.ToLevel}")).DefaultIfEmpty("none"));
}
