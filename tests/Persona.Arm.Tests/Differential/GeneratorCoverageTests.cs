using System.Globalization;
using System.Text;
using Persona.Arm.Isa;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;
using Xunit.Abstractions;

namespace Persona.Arm.Tests.Differential;

/// <summary>Coverage audit of the differential test: every row of the instruction table must be emitted by the sequences
/// the differential run executes, unless the row is listed below with the reason an EL0 Linux program cannot compare it.</summary>
/// <remarks>The rows come from <see cref="InstructionTable"/> and the words from assembling the very sequences of the run,
/// so a new row without a generator, or a generator that stops emitting a row, fails here.</remarks>
public sealed class GeneratorCoverageTests(ITestOutputHelper output)
{
    /// <summary>Rows that qemu-aarch64 cannot compare at EL0, each with its reason and where else it is checked.</summary>
    public static readonly IReadOnlyDictionary<InstructionId, string> NotComparableAtEl0 = new Dictionary<InstructionId, string>
    {
        [InstructionId.Eret] = "UNDEFINED at EL0; every conformance image returns to EL1 with it",
        [InstructionId.Svc] = "a Linux system call; the harness's write/exit use it, traps and exceptions images check its syndrome",
        [InstructionId.Hvc] = "UNDEFINED at EL0; traps and exceptions images",
        [InstructionId.Smc] = "UNDEFINED at EL0; traps (TSC) and exceptions images, PSCI in every image",
        [InstructionId.Brk] = "SIGTRAP under Linux; exceptions image checks its syndrome",
        [InstructionId.Hlt] = "SIGILL under Linux; exceptions image checks it is UNDEFINED",
        [InstructionId.Wfi] = "sleeps until an interrupt, which an EL0 program does not get; traps (TWI), vgic and smp images",
        [InstructionId.MsrImmediate] = "DAIF needs SCTLR_EL1.UMA, which Linux leaves 0; every other v8.0 field is EL1+; vgic, smp and exceptions images",
        [InstructionId.FpSimd] = "FP/SIMD execution is out of scope: trapped or UNDEFINED (traps image, ExtensionAgreementTests)",
        [InstructionId.FpSimdLoadStore] = "FP/SIMD execution is out of scope: trapped or UNDEFINED",
    };

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void EveryInstructionTableRow_IsEmittedByTheDifferentialSequences_OrHasAReason()
    {
        var seed = InstructionSemanticsDifferentialTests.SeedFromEnvironment();
        var source = new StringBuilder(".text\n");
        for (var batch = 0; batch < InstructionSemanticsDifferentialTests.Batches; batch++)
        {
            foreach (var sequence in InstructionSemanticsDifferentialTests.Batch(seed, batch))
            {
                foreach (var line in sequence.Instructions.SelectMany(l => l.Split('\n')))
                    source.AppendLine(CodeOnly(line));
            }
        }
        var words = Toolchain.AssembleFlat(source.ToString(), 0x4000_0000);
        var counts = InstructionTable.Rows.ToDictionary(r => r, _ => 0);
        var undefined = new List<uint>();
        for (var offset = 0; offset + 4 <= words.Length; offset += 4)
        {
            var word = BitConverter.ToUInt32(words, offset);
            if (Persona.Arm.Isa.Decoder.FindRow(word) is { } row)
                counts[row]++;
            else
                undefined.Add(word);
        }

        output.WriteLine($"seed {seed}: {words.Length / 4} instruction words in {InstructionSemanticsDifferentialTests.Batches} batches");
        foreach (var (row, count) in counts)
        {
            var note = count == 0 && NotComparableAtEl0.TryGetValue(row.Id, out var reason) ? "excluded: " + reason : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Pattern}  {row.Id,-36} {count,7}  {note}"));
        }
        Assert.True(undefined.Count == 0, $"the generator emitted words no row decodes: {string.Join(", ", undefined.Take(10).Select(w => $"0x{w:x8}"))}");
        var missing = counts.Where(c => c.Value == 0 && !NotComparableAtEl0.ContainsKey(c.Key.Id)).Select(c => $"{c.Key.Id} ({c.Key.Pattern})").ToList();
        Assert.True(missing.Count == 0, "rows the differential sequences never execute: " + string.Join(", ", missing));
    }

    // Data in the code stream (literal pools, alignment padding) would decode as whatever its bits happen to be: keep labels only.
    private static string CodeOnly(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith(".balign", StringComparison.Ordinal))
            return "";
        var data = trimmed.IndexOf(".quad", StringComparison.Ordinal);
        return data < 0 ? line : trimmed[..data];
    }
}
