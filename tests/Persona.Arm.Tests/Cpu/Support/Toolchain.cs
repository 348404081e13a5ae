using System.Diagnostics;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Cpu.Support;

/// <summary>The Debian cross binutils and qemu-aarch64, run as child processes into a temporary directory.</summary>
public static class Toolchain
{
    /// <summary>The Debian package with aarch64-linux-gnu-as/ld/objcopy.</summary>
    public const string BinutilsPackage = "binutils-aarch64-linux-gnu";

    /// <summary>Assembles source (with LSE enabled) into raw bytes of its .text, linked at <paramref name="address"/>.</summary>
    public static byte[] AssembleFlat(string source, ulong address)
    {
        var dir = NewWorkDirectory();
        var elf = AssembleAndLink(source, dir, address);
        var bin = Path.Combine(dir, "out.bin");
        RunTool(DebianTool.Require("aarch64-linux-gnu-objcopy", BinutilsPackage), $"-O binary {elf} {bin}", dir);
        var bytes = File.ReadAllBytes(bin);
        Directory.Delete(dir, recursive: true);
        return bytes;
    }

    /// <summary>Assembles and links a static ELF (text at <paramref name="address"/>, data after it); returns the ELF path.</summary>
    public static string AssembleAndLink(string source, string directory, ulong address)
    {
        var asm = Path.Combine(directory, "prog.s");
        var obj = Path.Combine(directory, "prog.o");
        var elf = Path.Combine(directory, "prog.elf");
        var script = Path.Combine(directory, "link.ld");
        File.WriteAllText(asm, source);
        File.WriteAllText(script, $"ENTRY(_start)\nSECTIONS\n{{\n  . = 0x{address:X};\n  .text : {{ *(.text*) }}\n  . = ALIGN(4096);\n  .data : {{ *(.data*) *(.bss*) }}\n}}\n");
        RunTool(DebianTool.Require("aarch64-linux-gnu-as", BinutilsPackage), $"-march=armv8.1-a -o {obj} {asm}", directory);
        RunTool(DebianTool.Require("aarch64-linux-gnu-ld", BinutilsPackage), $"-static -T {script} -o {elf} {obj}", directory);
        return elf;
    }

    /// <summary>A fresh temporary directory for one build.</summary>
    public static string NewWorkDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "persona-arm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Runs a tool, failing with its stderr when it exits non-zero; returns stdout bytes.</summary>
    public static byte[] RunTool(string executable, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        using var stdout = new MemoryStream();
        var errorTask = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        process.WaitForExit();
        var error = errorTask.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(executable)} {arguments} exited {process.ExitCode}: {error}");
        return stdout.ToArray();
    }
}
