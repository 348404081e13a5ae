using System.Globalization;
using System.Text;

namespace Persona.Arm.Tests.Differential;

/// <summary>Builds one static AArch64 Linux program that runs a batch of sequences and writes their final state to stdout.</summary>
/// <remarks>Each sequence loads its registers and NZCV from a table, runs, then stores X0–X27 and NZCV; at the end the
/// program writes all register dumps, then all memory blocks, with write(2), and exits. The same ELF runs under
/// qemu-aarch64 and under our core, so both sides execute identical bytes.</remarks>
public static class BatchProgram
{
    /// <summary>Bytes of one register dump: X0–X27 and NZCV.</summary>
    public const int RegisterDumpBytes = 29 * 8;

    /// <summary>Bytes of one sequence's memory block.</summary>
    public const int MemoryBytes = 64 * 8;

    /// <summary>The address the program is linked at (RAM on our side; any free address under qemu-aarch64).</summary>
    public const ulong LinkAddress = 0x4000_0000;

    /// <summary>The assembly source for a batch.</summary>
    public static string Source(IReadOnlyList<TestSequence> batch)
    {
        var text = new StringBuilder();
        text.AppendLine(".text\n.global _start\n_start:");
        for (var i = 0; i < batch.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"adrp x29, regs_{i}\nadd x29, x29, :lo12:regs_{i}");
            text.AppendLine("ldr x30, [x29, #224]\nmsr nzcv, x30");
            for (var r = 0; r < 28; r += 2)
                text.AppendLine(CultureInfo.InvariantCulture, $"ldp x{r}, x{r + 1}, [x29, #{r * 8}]");
            text.AppendLine(CultureInfo.InvariantCulture, $"adrp x28, mem_{i}\nadd x28, x28, :lo12:mem_{i}\nadd x28, x28, #256");
            foreach (var instruction in batch[i].Instructions)
                text.AppendLine(instruction);
            text.AppendLine(CultureInfo.InvariantCulture, $"adrp x29, out_{i}\nadd x29, x29, :lo12:out_{i}");
            text.AppendLine("mrs x30, nzcv\nstr x30, [x29, #224]");
            for (var r = 0; r < 28; r += 2)
                text.AppendLine(CultureInfo.InvariantCulture, $"stp x{r}, x{r + 1}, [x29, #{r * 8}]");
        }
        AppendWrite(text, "out_0", batch.Count * RegisterDumpBytes);
        AppendWrite(text, "mem_0", batch.Count * MemoryBytes);
        text.AppendLine("mov x0, #0\nmov x8, #93\nsvc #0");
        text.AppendLine(".data\n.balign 16");
        for (var i = 0; i < batch.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"regs_{i}: .quad ");
            text.AppendLine(string.Join(", ", batch[i].Registers.Append(batch[i].Nzcv).Select(v => "0x" + v.ToString("x", CultureInfo.InvariantCulture))));
        }
        text.AppendLine(".balign 16");
        for (var i = 0; i < batch.Count; i++)
            text.AppendLine(CultureInfo.InvariantCulture, $"out_{i}: .zero {RegisterDumpBytes}");
        text.AppendLine(".balign 16");
        for (var i = 0; i < batch.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"mem_{i}: .quad ");
            text.AppendLine(string.Join(", ", batch[i].Memory.Select(v => "0x" + v.ToString("x", CultureInfo.InvariantCulture))));
        }
        return text.ToString();
    }

    private static void AppendWrite(StringBuilder text, string label, int length) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"mov x0, #1\nadrp x1, {label}\nadd x1, x1, :lo12:{label}\nldr x2, ={length}\nmov x8, #64\nsvc #0");
}
