using System.Buffers.Binary;

namespace Persona.Arm.Tests.Cpu.Support;

/// <summary>A minimal ELF64 PT_LOAD reader for test images built by <see cref="Toolchain"/> (the platform owns the real loader).</summary>
public static class ElfSegments
{
    /// <summary>Copies every PT_LOAD segment into the bus's RAM and returns the entry point.</summary>
    public static ulong LoadInto(TestBus bus, byte[] elf)
    {
        var entry = BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(24));
        var phoff = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(32));
        var phentsize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(54));
        var phnum = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(56));
        for (var i = 0; i < phnum; i++)
        {
            var header = elf.AsSpan(phoff + (i * phentsize));
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 1)
                continue;
            var offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
            var paddr = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
            var fileSize = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
            bus.Load(paddr, elf.AsSpan(offset, fileSize));
        }
        return entry;
    }
}
