using Persona.TestSupport;

namespace Persona.Hypervisor.Tests;

/// <summary>The committed persona kernels are exactly what their sources build to (reproducible: fixed flags, mapped paths, no build id).</summary>
public sealed class GuestImageTests
{
    [RequiresToolFact("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu", "make", "make")]
    public void CommittedKernelsMatchAFreshBuild()
    {
        var guests = Path.Combine(Repository.Root, "guests", "persona");
        var output = Repository.RebuildGuest(guests);
        try
        {
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
}
