namespace Persona.Hypervisor.Running;

/// <summary>The two persona kernels embedded in this assembly (built from guests/persona).</summary>
public static class PersonaKernels
{
    /// <summary>The personal kernel's ELF bytes.</summary>
    public static byte[] Personal => Read("personal.elf");

    /// <summary>The work kernel's ELF bytes.</summary>
    public static byte[] Work => Read("work.elf");

    private static byte[] Read(string name)
    {
        using var stream = typeof(PersonaKernels).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the persona kernel {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
