using System.Diagnostics;
using Persona.TestSupport;

namespace Persona.Hypervisor.Tests;

/// <summary>The committed persona kernels are exactly what their sources build to (reproducible: fixed flags, mapped paths, no build id).</summary>
public sealed class GuestImageTests
{
    [RequiresToolFact("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu")]
    public void CommittedKernelsMatchAFreshBuild()
    {
        var guests = Path.Combine(RepositoryRoot(), "guests", "persona");
        var output = Directory.CreateTempSubdirectory("persona-kernels");
        try
        {
            var make = Process.Start(new ProcessStartInfo("make", ["-C", guests, $"OUT={output.FullName}", "-B"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var log = make.StandardOutput.ReadToEnd() + make.StandardError.ReadToEnd();
            make.WaitForExit();
            Assert.True(make.ExitCode == 0, log);
            foreach (var image in new[] { "personal.elf", "work.elf" })
            {
                var committed = File.ReadAllBytes(Path.Combine(guests, "build", image));
                Assert.Equal(committed, File.ReadAllBytes(Path.Combine(output.FullName, image)));
                Assert.Equal(committed, image == "work.elf" ? Running.PersonaKernels.Work : Running.PersonaKernels.Personal);
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verification.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (Verification.sln) is not above the test binaries");
    }
}
