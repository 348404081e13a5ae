using System.Diagnostics;
using System.Text.RegularExpressions;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Conformance;

/// <summary>One bare-metal image under tests/images: its source, the cores it needs, and how to build it with the cross compiler.</summary>
internal sealed partial record ConformanceImage(string Name, string SourcePath, int Cores, bool NeedsDisk)
{
    /// <summary>tests/images in the repository.</summary>
    public static string ImagesDirectory { get; } = Path.Combine(Repository.Root, "tests", "images");

    /// <summary>Describes the image whose source is tests/images/<paramref name="name"/>.c.</summary>
    public static ConformanceImage Named(string name)
    {
        var source = Path.Combine(ImagesDirectory, name + ".c");
        var text = File.ReadAllText(source);
        var match = CoresMarker().Match(text);
        var cores = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        return new ConformanceImage(name, source, cores, text.Contains("persona-virtio-disk:", StringComparison.Ordinal));
    }

    /// <summary>The disk an image marked "persona-virtio-disk" gets: 64 KiB, sector 0 starting with "persona disk sector 0".</summary>
    public static string CreateDisk(string path)
    {
        var disk = new byte[64 * 1024];
        "persona disk sector 0"u8.CopyTo(disk);
        File.WriteAllBytes(path, disk);
        return path;
    }

    /// <summary>Compiles the image into <paramref name="outputDirectory"/> with the flags in flags.mk; returns the ELF path.</summary>
    public string Build(string gcc, string outputDirectory)
    {
        var flags = ReadFlags();
        var output = Path.Combine(outputDirectory, Name + ".elf");
        var common = Directory.GetFiles(Path.Combine(ImagesDirectory, "common"))
            .Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".S", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(ImagesDirectory, f));
        string[] arguments = [.. Split(flags["CFLAGS"]), .. Split(flags["LDFLAGS"]), "-o", output, .. common, Name + ".c"];
        var run = ToolRun.Execute(gcc, arguments, ImagesDirectory, TimeSpan.FromMinutes(2));
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"building {Name}: {gcc} exited {run.ExitCode}:\n{run.StandardError}");
        return output;
    }

    private static Dictionary<string, string> ReadFlags() =>
        File.ReadAllLines(Path.Combine(ImagesDirectory, "flags.mk"))
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());

    private static string[] Split(string flags) => flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"persona-cores:\s*(\d+)")]
    private static partial Regex CoresMarker();
}

/// <summary>Runs an external tool with a timeout and captures its output as bytes and text.</summary>
internal sealed record ToolRun(int ExitCode, byte[] StandardOutput, string StandardError)
{
    public static ToolRun Execute(string executable, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {executable}");
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }
        copy.Wait();
        return new ToolRun(process.ExitCode, stdout.ToArray(), stderr.Result);
    }
}
