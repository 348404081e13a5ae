using System.Diagnostics;
using Xunit;

namespace Persona.TestSupport;

/// <summary>The repository the tests run from, and rebuilds of its committed guest images.</summary>
public static class Repository
{
    /// <summary>The folder holding Verification.sln above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Builds a guest folder's images afresh (<c>make -B OUT=…</c>) into a new temporary folder, failing the test with
    /// make's output if the build fails; the caller deletes the folder.</summary>
    public static DirectoryInfo RebuildGuest(string guestFolder)
    {
        DebianTool.Require("make", "make");
        DebianTool.Require("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu");
        var output = Directory.CreateTempSubdirectory(Path.GetFileName(guestFolder));
        var make = Process.Start(new ProcessStartInfo("make", ["-C", guestFolder, $"OUT={output.FullName}", "-B"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = make.StandardOutput.ReadToEnd() + make.StandardError.ReadToEnd();
        make.WaitForExit();
        Assert.True(make.ExitCode == 0, log);
        return output;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verification.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Verification.sln above {AppContext.BaseDirectory}");
    }
}
