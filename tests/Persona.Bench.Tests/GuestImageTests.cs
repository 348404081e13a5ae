using Persona.Bench.Guest;
using Persona.TestSupport;

namespace Persona.Bench.Tests;

/// <summary>The committed micro-benchmark guest is exactly what its sources build to (reproducible: fixed flags, mapped paths, no build id).</summary>
public sealed class GuestImageTests
{
    [RequiresToolFact("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu", "make", "make")]
    public void CommittedMicrobenchImage_MatchesAFreshBuild()
    {
        var guest = Path.Combine(Repository.Root, "guests", "microbench");
        var output = Repository.RebuildGuest(guest);
        try
        {
            var committed = File.ReadAllBytes(Path.Combine(guest, "build", "microbench.elf"));
            Assert.Equal(committed, File.ReadAllBytes(Path.Combine(output.FullName, "microbench.elf")));
            Assert.Equal(committed, MicrobenchGuest.Image);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
