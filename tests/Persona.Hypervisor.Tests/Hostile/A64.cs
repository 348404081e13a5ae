namespace Persona.Hypervisor.Tests.Hostile;

/// <summary>The few AArch64 encodings the hostile-program generator emits, from the Arm ARM's encoding diagrams (register numbers
/// 0-30, 31 = XZR or SP as the instruction defines).</summary>
public static class A64
{
    /// <summary>A system register or SYS operation by its encoding fields.</summary>
    public readonly record struct SysEncoding(int Op0, int Op1, int CRn, int CRm, int Op2)
    {
        /// <summary>The fields as they sit in an MSR/MRS/SYS word (bits 20:5 without Rt).</summary>
        public uint Bits => (uint)(((Op0 & 1) << 19) | ((Op1 & 7) << 16) | ((CRn & 15) << 12) | ((CRm & 15) << 8) | ((Op2 & 7) << 5));

        /// <inheritdoc/>
        public override string ToString() => $"s{Op0}_{Op1}_c{CRn}_c{CRm}_{Op2}";
    }

    public const uint Nop = 0xD503201F;
    public const uint Wfi = 0xD503207F;
    public const uint Wfe = 0xD503205F;
    public const uint Sev = 0xD503209F;
    public const uint Isb = 0xD5033FDF;
    public const uint DsbSy = 0xD5033F9F;
    public const uint Eret = 0xD69F03E0;

    public static uint Movz(int rd, ushort imm, int shift) => 0xD2800000u | ((uint)(shift / 16) << 21) | ((uint)imm << 5) | (uint)rd;

    public static uint Movk(int rd, ushort imm, int shift) => 0xF2800000u | ((uint)(shift / 16) << 21) | ((uint)imm << 5) | (uint)rd;

    /// <summary>MOVZ and three MOVKs: any 64-bit value into Xd.</summary>
    public static IEnumerable<uint> Mov(int rd, ulong value)
    {
        yield return Movz(rd, (ushort)value, 0);
        for (var shift = 16; shift < 64; shift += 16)
            yield return Movk(rd, (ushort)(value >> shift), shift);
    }

    /// <summary>ADD Xd|SP, Xn|SP, #imm12.</summary>
    public static uint AddImmediate(int rd, int rn, int imm12) => 0x91000000u | ((uint)(imm12 & 0xFFF) << 10) | ((uint)rn << 5) | (uint)rd;

    /// <summary>AND X28, X28, #0xFFFF_FFFF_FFCF_FFFF: clears SPSR's IL (bit 20) and SS (bit 21).</summary>
    public const uint ClearIllegalAndStepX28 = 0x926AF79C;

    /// <summary>AND X28, X28, #~3: aligns an address down to an instruction.</summary>
    public const uint AlignX28 = 0x927EF79C;

    /// <summary>SUBS Xd, Xn, #imm12.</summary>
    public static uint SubsImmediate(int rd, int rn, int imm12) => 0xF1000000u | ((uint)(imm12 & 0xFFF) << 10) | ((uint)rn << 5) | (uint)rd;

    /// <summary>B to an offset in instructions from this one.</summary>
    public static uint Branch(int words) => 0x14000000u | ((uint)words & 0x03FF_FFFF);

    /// <summary>B.NE to an offset in instructions from this one.</summary>
    public static uint BranchNotEqual(int words) => 0x54000001u | (((uint)words & 0x7FFFF) << 5);

    /// <summary>BR Xn.</summary>
    public static uint BranchRegister(int rn) => 0xD61F0000u | ((uint)rn << 5);

    /// <summary>ADR Xd, an offset in bytes from this instruction.</summary>
    public static uint Adr(int rd, int bytes) => 0x10000000u | (((uint)bytes & 3) << 29) | ((((uint)bytes >> 2) & 0x7FFFF) << 5) | (uint)rd;

    public static uint Msr(SysEncoding register, int rt) => 0xD5100000u | register.Bits | (uint)rt;

    public static uint Mrs(SysEncoding register, int rt) => 0xD5300000u | register.Bits | (uint)rt;

    /// <summary>SYS #op1, Cn, Cm, #op2, Xt (DC, IC, TLBI, AT are aliases of it).</summary>
    public static uint Sys(SysEncoding operation, int rt) => 0xD5080000u | (operation.Bits & ~(1u << 19)) | (uint)rt;

    /// <summary>MSR DAIFSet, #imm4 (mask).</summary>
    public static uint DaifSet(int imm4) => 0xD50340DFu | ((uint)(imm4 & 15) << 8);

    /// <summary>MSR DAIFClr, #imm4 (unmask).</summary>
    public static uint DaifClear(int imm4) => 0xD50340FFu | ((uint)(imm4 & 15) << 8);

    /// <summary>MSR SPSel, #imm (0: SP_EL0, 1: SP_ELx).</summary>
    public static uint SpSel(int imm) => 0xD50040BFu | ((uint)(imm & 1) << 8);

    public static uint Hvc(ushort imm) => 0xD4000002u | ((uint)imm << 5);

    public static uint Smc(ushort imm) => 0xD4000003u | ((uint)imm << 5);

    public static uint Svc(ushort imm) => 0xD4000001u | ((uint)imm << 5);

    public static uint Brk(ushort imm) => 0xD4200000u | ((uint)imm << 5);

    public static uint Hlt(ushort imm) => 0xD4400000u | ((uint)imm << 5);

    /// <summary>UDF #imm16: permanently undefined.</summary>
    public static uint Udf(ushort imm) => imm;

    /// <summary>LDR/STR (unsigned scaled offset) of 1 &lt;&lt; <paramref name="sizeLog2"/> bytes; a load zero-extends into Xt.</summary>
    public static uint LoadStore(bool load, int sizeLog2, int rt, int rn, int scaledOffset) =>
        0x39000000u | ((uint)sizeLog2 << 30) | ((load ? 1u : 0u) << 22) | ((uint)(scaledOffset & 0xFFF) << 10) | ((uint)rn << 5) | (uint)rt;

    /// <summary>LDUR/STUR: an unscaled signed 9-bit byte offset (so any alignment).</summary>
    public static uint LoadStoreUnscaled(bool load, int sizeLog2, int rt, int rn, int byteOffset) =>
        0x38000000u | ((uint)sizeLog2 << 30) | ((load ? 1u : 0u) << 22) | (((uint)byteOffset & 0x1FF) << 12) | ((uint)rn << 5) | (uint)rt;

    /// <summary>LDP/STP of two X registers at a signed offset in 8-byte units (<paramref name="index"/>: 0 offset, 1 post-index, 3 pre-index).</summary>
    public static uint Pair(bool load, int rt, int rt2, int rn, int offset8, int index = 2) =>
        0xA8000000u | ((uint)index << 23) | ((load ? 1u : 0u) << 22) | (((uint)offset8 & 0x7F) << 15) | ((uint)rt2 << 10) | ((uint)rn << 5) | (uint)rt;

    /// <summary>LDXR/LDAXR of 1 &lt;&lt; <paramref name="sizeLog2"/> bytes.</summary>
    public static uint LoadExclusive(int sizeLog2, int rt, int rn, bool acquire) =>
        0x085F7C00u | ((uint)sizeLog2 << 30) | ((acquire ? 1u : 0u) << 15) | ((uint)rn << 5) | (uint)rt;

    /// <summary>STXR/STLXR Ws, Xt, [Xn].</summary>
    public static uint StoreExclusive(int sizeLog2, int rs, int rt, int rn, bool release) =>
        0x08007C00u | ((uint)sizeLog2 << 30) | ((uint)rs << 16) | ((release ? 1u : 0u) << 15) | ((uint)rn << 5) | (uint)rt;

    /// <summary>LDAR/STLR of 1 &lt;&lt; <paramref name="sizeLog2"/> bytes.</summary>
    public static uint AcquireRelease(bool load, int sizeLog2, int rt, int rn) =>
        (load ? 0x08DFFC00u : 0x089FFC00u) | ((uint)sizeLog2 << 30) | ((uint)rn << 5) | (uint)rt;
}
