using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;
using Xunit.Abstractions;

namespace Persona.Arm.Tests.Differential;

/// <summary>Differential tests: FsCheck-generated sequences run under qemu-aarch64 and under our core must end in the same registers, flags and memory.</summary>
public sealed class InstructionSemanticsDifferentialTests(ITestOutputHelper output)
{
    /// <summary>Batches per run, each one program.</summary>
    public const int Batches = 5;

    /// <summary>Sequences per batch.</summary>
    public const int SequencesPerBatch = 2000;

    /// <summary>The seed unless PERSONA_ARM_DIFF_SEED gives another.</summary>
    public const ulong DefaultSeed = 20261121;

    /// <summary>QEMU's "max" CPU without pointer authentication, so the PAC hints are NOPs on both sides as our ID registers say.</summary>
    public const string QemuCpu = "max,pauth=off";

    /// <summary>The sequences of one batch of a run: the same for the differential run and the coverage audit.</summary>
    public static TestSequence[] Batch(ulong seed, int batchIndex) =>
        InstructionGenerator.Sequence.Sample(SequencesPerBatch, new Rnd(seed + (ulong)batchIndex), 20).ToArray();

    [RequiresToolFact("qemu-aarch64", "qemu-user", "aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void GeneratedSequences_FinalRegistersFlagsAndMemory_MatchQemuUserMode()
    {
        var seed = SeedFromEnvironment();
        output.WriteLine($"seed {seed} (set PERSONA_ARM_DIFF_SEED to replay); {Batches} batches of {SequencesPerBatch} sequences");
        var qemu = DebianTool.Require("qemu-aarch64", "qemu-user");
        var total = 0;
        for (var batchIndex = 0; batchIndex < Batches; batchIndex++)
        {
            var batch = Batch(seed, batchIndex);
            var directory = Toolchain.NewWorkDirectory();
            try
            {
                var elfPath = Toolchain.AssembleAndLink(BatchProgram.Source(batch), directory, BatchProgram.LinkAddress);
                var expected = Toolchain.RunTool(qemu, $"-cpu {QemuCpu} {elfPath}", directory);
                var actual = new UserModeCore(File.ReadAllBytes(elfPath)).Run(50_000_000);
                AssertSameState(batch, expected, actual, seed, batchIndex);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
            total += batch.Length;
        }
        output.WriteLine($"{total} sequences matched");
        Assert.Equal(Batches * SequencesPerBatch, total);
    }

    /// <summary>The run's seed: PERSONA_ARM_DIFF_SEED when set, else the default.</summary>
    public static ulong SeedFromEnvironment() =>
        ulong.TryParse(Environment.GetEnvironmentVariable("PERSONA_ARM_DIFF_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    private static void AssertSameState(TestSequence[] batch, byte[] expected, byte[] actual, ulong seed, int batchIndex)
    {
        var length = batch.Length * (BatchProgram.RegisterDumpBytes + BatchProgram.MemoryBytes);
        Assert.True(expected.Length == length, $"qemu-aarch64 wrote {expected.Length} bytes, expected {length}");
        Assert.True(actual.Length == length, $"our core wrote {actual.Length} bytes, expected {length}");
        for (var i = 0; i < batch.Length; i++)
        {
            var registers = BatchProgram.RegisterDumpBytes;
            var registerOffset = i * registers;
            var memoryOffset = (batch.Length * registers) + (i * BatchProgram.MemoryBytes);
            for (var r = 0; r < 29; r++)
            {
                var want = BitConverter.ToUInt64(expected, registerOffset + (8 * r));
                var got = BitConverter.ToUInt64(actual, registerOffset + (8 * r));
                if (want != got)
                    Assert.Fail(Describe(batch[i], seed, batchIndex, i, $"{(r == 28 ? "NZCV" : "x" + r)}: qemu 0x{want:x16}, ours 0x{got:x16}"));
            }
            for (var b = 0; b < BatchProgram.MemoryBytes; b += 8)
            {
                var want = BitConverter.ToUInt64(expected, memoryOffset + b);
                var got = BitConverter.ToUInt64(actual, memoryOffset + b);
                if (want != got)
                    Assert.Fail(Describe(batch[i], seed, batchIndex, i, $"memory [x28{b - 256:+#;-#;+0}]: qemu 0x{want:x16}, ours 0x{got:x16}"));
            }
        }
    }

    private static string Describe(TestSequence sequence, ulong seed, int batchIndex, int index, string difference)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"seed {seed}, batch {batchIndex}, sequence {index}: {difference}");
        text.AppendLine(CultureInfo.InvariantCulture, $"initial NZCV 0x{sequence.Nzcv:x}");
        for (var r = 0; r < sequence.Registers.Length; r++)
            text.Append(CultureInfo.InvariantCulture, $"x{r}=0x{sequence.Registers[r]:x} ");
        text.AppendLine();
        foreach (var line in sequence.Instructions)
            text.AppendLine(line);
        return text.ToString();
    }
}
