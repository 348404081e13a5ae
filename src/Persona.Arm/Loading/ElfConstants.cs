namespace Persona.Arm.Loading;

/// <summary>The ELF64 header fields and values the loader checks (System V ABI, AArch64 supplement).</summary>
internal static class ElfConstants
{
    public const int HeaderSize = 64;
    public const int ProgramHeaderSize = 56;
    public const byte ClassElf64 = 2;
    public const byte DataLittleEndian = 1;
    public const ushort MachineAarch64 = 183;
    public const ushort TypeExecutable = 2;
    public const uint SegmentLoad = 1;

    public const int IdentClass = 4;
    public const int IdentData = 5;
    public const int ObjectType = 16;
    public const int Machine = 18;
    public const int Entry = 24;
    public const int ProgramHeaderOffset = 32;
    public const int ProgramHeaderEntrySize = 54;
    public const int ProgramHeaderCount = 56;

    public const int SegmentType = 0;
    public const int SegmentOffset = 8;
    public const int SegmentPhysicalAddress = 24;
    public const int SegmentFileSize = 32;
    public const int SegmentMemorySize = 40;
}
