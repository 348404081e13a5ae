using Persona.Arm.Isa;

namespace Persona.Arm.Cpu;

/// <summary>Semantics of CRC32B/H/W/X and CRC32CB/H/W/X (ID_AA64ISAR0_EL1.CRC32 = 1).</summary>
public sealed partial class Core
{
    // The bit-reversed generator polynomials: CRC-32 (0x04C11DB7) and CRC-32C (0x1EDC6F41), as the Arm ARM's CRC32 uses them.
    private const uint Crc32ReflectedPolynomial = 0xEDB8_8320;
    private const uint Crc32CReflectedPolynomial = 0x82F6_3B78;

    // Opcode 0b010Csz of the 2-source group: sz selects 1, 2, 4 or 8 bytes of Rm, C the Castagnoli polynomial; only the
    // doubleword form is 64-bit (sf must equal sz == 3, else the encoding is unallocated).
    private void ExecuteCrc32(RegisterOperands f)
    {
        var size = f.Opcode & 3;
        if (f.Is64 != (size == 3))
        {
            Undefined();
            return;
        }
        var polynomial = (f.Opcode & 4) != 0 ? Crc32CReflectedPolynomial : Crc32ReflectedPolynomial;
        var crc = (uint)ReadX(f.Rn);
        var data = ReadX(f.Rm);
        // No initial or final inversion: the instruction is the inner step of a reflected CRC, bit 0 of Rm first.
        for (var bit = 0; bit < 8 << size; bit++)
        {
            var feedback = (crc ^ (uint)(data >> bit)) & 1;
            crc = (crc >> 1) ^ (feedback != 0 ? polynomial : 0);
        }
        WriteX(f.Rd, crc, false);
    }
}
