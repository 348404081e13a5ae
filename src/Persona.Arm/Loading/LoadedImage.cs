namespace Persona.Arm.Loading;

/// <summary>An ELF image placed in guest RAM: where execution starts and which bytes were written.</summary>
/// <param name="ImagePath">The file it came from.</param>
/// <param name="EntryPoint">The physical address of the first instruction.</param>
/// <param name="Segments">The loadable segments, in file order.</param>
public sealed record LoadedImage(string ImagePath, ulong EntryPoint, IReadOnlyList<LoadedSegment> Segments);

/// <summary>One PT_LOAD segment as copied into RAM.</summary>
/// <param name="PhysicalAddress">Where the segment starts in guest-physical memory.</param>
/// <param name="FileSize">The bytes copied from the file.</param>
/// <param name="MemorySize">The bytes the segment occupies (the tail past <paramref name="FileSize"/> is zeroed).</param>
public readonly record struct LoadedSegment(ulong PhysicalAddress, ulong FileSize, ulong MemorySize);
