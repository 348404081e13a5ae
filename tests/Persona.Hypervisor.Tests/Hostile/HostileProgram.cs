namespace Persona.Hypervisor.Tests.Hostile;

/// <summary>Where a hostile program lives in the work persona's guest-physical space (guests/persona/kernel.h HOSTILE_PROGRAM_IPA):
/// one 64 KiB region per vCPU holding its code, its own EL1 vector table, a data area (a stage-1 identity map, virtqueue rings and
/// descriptors with hostile contents) and its stack.</summary>
internal static class HostileLayout
{
    /// <summary>The boot vCPU's region (kernel.h HOSTILE_PROGRAM_IPA).</summary>
    public const ulong ProgramIpa = 0x4010_0000;

    /// <summary>The distance between two vCPUs' regions (kernel.h HOSTILE_SECONDARY_OFFSET).</summary>
    public const ulong VcpuStride = 0x1_0000;

    /// <summary>The bytes of code a program may take, from the start of its region.</summary>
    public const int CodeBytes = 0x8000;

    /// <summary>The program's EL1 vector table (2 KiB aligned).</summary>
    public const int VectorsOffset = 0x8000;

    /// <summary>A stage-1 level-1 table mapping the low 4 GiB one to one (1 GiB blocks).</summary>
    public const int IdentityTableOffset = 0x9000;

    /// <summary>A virtqueue descriptor table with hostile descriptors.</summary>
    public const int DescriptorsOffset = 0xA000;

    /// <summary>A virtqueue driver (available) ring with hostile indices.</summary>
    public const int DriverRingOffset = 0xB000;

    /// <summary>A virtqueue device (used) ring.</summary>
    public const int DeviceRingOffset = 0xC000;

    /// <summary>The program's stack top (the stack grows down towards the rings).</summary>
    public const int StackTop = 0xF000;

    /// <summary>The size of one vCPU's region.</summary>
    public const int RegionBytes = 0x1_0000;

    /// <summary>The base IPA of a vCPU's region.</summary>
    public static ulong RegionOf(int vcpu) => ProgramIpa + ((ulong)vcpu * VcpuStride);
}

/// <summary>One stretch of a hostile program: where it starts and what it attempts.</summary>
/// <param name="Ipa">The IPA of its first instruction.</param>
/// <param name="What">What it does, for a reader.</param>
internal sealed record HostileAction(ulong Ipa, string What)
{
    /// <inheritdoc/>
    public override string ToString() => $"0x{Ipa:x}: {What}";
}

/// <summary>A hostile program for the work persona, generated from a seed: one region image per vCPU, and a listing of what each
/// stretch of code attempts (printed when a property fails, so a reader sees the attack that broke it).</summary>
/// <param name="Seed">The seed it was generated from (the same seed always gives the same words).</param>
/// <param name="Regions">Per vCPU, the 64 KiB region image (code, vectors, data) to place at <see cref="HostileLayout.RegionOf"/>.</param>
/// <param name="Listing">Per vCPU, its actions in program order.</param>
internal sealed record HostileProgram(int Seed, byte[][] Regions, IReadOnlyList<HostileAction>[] Listing)
{
    /// <summary>The program's listing as text (for a test's output).</summary>
    public string Describe(int maxLines = 400) => string.Join('\n', Listing.SelectMany((lines, vcpu) =>
        lines.Take(maxLines).Select(l => $"vcpu{vcpu} {l}").Append(lines.Count > maxLines ? $"vcpu{vcpu} ... {lines.Count - maxLines} more" : "")));

    /// <summary>Where a PC is in a vCPU's program: "action k of n (what)", or where else it is.</summary>
    public string Locate(int vcpu, ulong pc)
    {
        var actions = Listing[vcpu];
        var region = HostileLayout.RegionOf(vcpu);
        if (pc < region || pc >= region + HostileLayout.RegionBytes)
            return $"outside its program region (PC 0x{pc:x})";
        if (pc >= region + HostileLayout.CodeBytes)
            return $"in its vectors or data (PC 0x{pc:x})";
        var index = actions.Count(a => a.Ipa <= pc) - 1;
        return index < 0 ? $"before its first action (PC 0x{pc:x})" : $"action {index} of {actions.Count} ({actions[index]}; PC 0x{pc:x})";
    }
}
