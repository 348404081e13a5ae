using System.Diagnostics;
using Persona.Bench.Guest;
using Persona.TestSupport;

namespace Persona.Bench.Tests;

/// <summary>The committed micro-benchmark guest is exactly what its sources build to (reproducible: fixed flags, mapped paths, no build id).</summary>
public sealed class GuestImageTests
{
    [RequiresToolFact("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu", "make", "make")]
    public void CommittedMicrobenchImage_MatchesAFreshBuild()
    {
        DebianTool.Require("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu");
        var guest = Path.Combine(RepositoryRoot(), "guests", "microbench");
        var output = Directory.CreateTempSubdirectory("microbench");
        try
        {
            var make = Process.Start(new ProcessStartInfo("make", ["-C", guest, $"OUT={output.FullName}", "-B"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var log = make.StandardOutput.ReadToEnd() + make.StandardError.ReadToEnd();
            make.WaitForExit();
            Assert.True(make.ExitCode == 0, log);
            var committed = File.ReadAllBytes(Path.Combine(guest, "build", "microbench.elf"));
            Assert.Equal(committed, File.ReadAllBytes(Path.Combine(output.FullName, "microbench.elf")));
            Assert.Equal(committed, MicrobenchGuest.Image);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verification.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (Verification.sln) is not above the test binaries");
    }
}
