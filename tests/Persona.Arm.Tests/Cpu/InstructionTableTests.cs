using Persona.Arm.Cpu;
using Persona.Arm.Isa;

namespace Persona.Arm.Tests.Cpu;

/// <summary>The instruction table is the single source of truth: complete, unshadowed, and decoding the reference's fixed encodings.</summary>
public sealed class InstructionTableTests
{
    [Fact]
    public void EveryInstructionId_HasATableRow_ExceptTheReservedOnes()
    {
        // NotDecoded marks an empty cache slot and Undefined is what no row matching means: neither is a row.
        var reserved = new[] { InstructionId.NotDecoded, InstructionId.Undefined };
        var withRows = InstructionTable.Rows.Select(r => r.Id).ToHashSet();
        Assert.All(Enum.GetValues<InstructionId>().Except(reserved), id => Assert.Contains(id, withRows));
    }

    [Fact]
    public void EveryRow_DecodesItsOwnPattern_SoNoRowIsShadowed()
    {
        foreach (var row in InstructionTable.Rows)
            Assert.Same(row, Decoder.FindRow(row.Value));
    }

    [Fact]
    public void Decoder_AgreesWithALinearScanOfTheTable_OnRandomWords()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var word = (uint)random.NextInt64(0, 1L << 32);
            var expected = InstructionTable.Rows.FirstOrDefault(r => r.Matches(word))?.Id ?? InstructionId.Undefined;
            Assert.Equal(expected, Decoder.Decode(word));
        }
    }

    [Theory]
    [InlineData(0xD4000001u, InstructionId.Svc)]
    [InlineData(0xD4000002u, InstructionId.Hvc)]
    [InlineData(0xD4000003u, InstructionId.Smc)]
    [InlineData(0xD4200000u, InstructionId.Brk)]
    [InlineData(0xD69F03E0u, InstructionId.Eret)]
    [InlineData(0xD503207Fu, InstructionId.Wfi)]
    [InlineData(0xD503205Fu, InstructionId.Wfe)]
    [InlineData(0xD503201Fu, InstructionId.Hint)]
    [InlineData(0xD503209Fu, InstructionId.Sev)]
    [InlineData(0xD5033F9Fu, InstructionId.Dsb)]
    [InlineData(0xD50330BFu, InstructionId.Dmb)]
    [InlineData(0xD5033FDFu, InstructionId.Isb)]
    [InlineData(0xD5033F5Fu, InstructionId.Clrex)]
    [InlineData(0xD5034FDFu, InstructionId.MsrImmediate)]
    [InlineData(0xD50041BFu, InstructionId.MsrImmediate)]
    [InlineData(0xD508871Fu, InstructionId.Sys)]
    [InlineData(0xD50C83DFu, InstructionId.Sys)]
    [InlineData(0xD50B7420u, InstructionId.Sys)]
    [InlineData(0xD508751Fu, InstructionId.Sys)]
    [InlineData(0xD50C7880u, InstructionId.Sys)]
    [InlineData(0xD5380000u, InstructionId.Mrs)]
    [InlineData(0xD5181000u, InstructionId.MsrRegister)]
    [InlineData(0x00000000u, InstructionId.Undefined)]
    public void ReferenceEncodings_DecodeToTheirInstruction(uint word, InstructionId expected) =>
        Assert.Equal(expected, Decoder.Decode(word));

    [Fact]
    public void SystemRegisterTable_HasOneRowPerRegister_InEnumOrder_WithUniqueEncodings()
    {
        Assert.Equal((int)SystemRegister.Count, SystemRegisterTable.Rows.Count);
        for (var i = 0; i < SystemRegisterTable.Rows.Count; i++)
            Assert.Equal((SystemRegister)i, SystemRegisterTable.Rows[i].Register);
        Assert.Equal(SystemRegisterTable.Rows.Count, SystemRegisterTable.Rows.Select(r => r.Key).Distinct().Count());
    }

    [Theory]
    [InlineData(1, 0b000000, 0, true, 0x1UL)]
    [InlineData(0, 0b111100, 0, true, 0x5555555555555555UL)]
    [InlineData(0, 0b000111, 0, false, 0xFFUL)]
    public void BitMasks_DecodeKnownLogicalImmediates(int n, int imms, int immr, bool is64, ulong expected)
    {
        Assert.True(BitMasks.TryDecode(n, imms, immr, true, is64, out var wmask, out _));
        Assert.Equal(expected, wmask);
    }

    [Fact]
    public void BitMasks_RejectAllOnesElement()
    {
        Assert.False(BitMasks.TryDecode(1, 0b111111, 0, true, true, out _, out _));
    }
}
