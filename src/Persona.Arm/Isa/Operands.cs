namespace Persona.Arm.Isa;

/// <summary>Operand fields of data-processing immediate instructions, decoded from the word on demand.</summary>
public readonly struct ImmediateOperands(uint word)
{
    /// <summary>The destination register Rd, bits [4:0].</summary>
    public int Rd => (int)(word & 31);

    /// <summary>The first source register Rn, bits [9:5].</summary>
    public int Rn => (int)((word >> 5) & 31);

    /// <summary>True for the 64-bit form (sf, bit 31).</summary>
    public bool Is64 => (int)word < 0;

    /// <summary>The 12-bit immediate of ADD/SUB, shifted left by 12 when bit 22 is set.</summary>
    public ulong AddSubImmediate => ((word >> 10) & 0xFFF) << (int)(((word >> 22) & 1) * 12);

    /// <summary>The N bit of a bitmask immediate (bit 22).</summary>
    public int N => (int)((word >> 22) & 1);

    /// <summary>immr, bits [21:16].</summary>
    public int Immr => (int)((word >> 16) & 63);

    /// <summary>imms, bits [15:10].</summary>
    public int Imms => (int)((word >> 10) & 63);

    /// <summary>The 16-bit immediate of MOVZ/MOVN/MOVK, bits [20:5].</summary>
    public ulong Imm16 => (word >> 5) & 0xFFFF;

    /// <summary>The hw shift field of MOVZ/MOVN/MOVK, bits [22:21].</summary>
    public int Hw => (int)((word >> 21) & 3);

    /// <summary>The signed 21-bit immediate of ADR/ADRP, immhi:immlo.</summary>
    public long PcRelativeImmediate => ((long)((word >> 5) & 0x7FFFF) << 45 >> 43) | ((word >> 29) & 3);
}

/// <summary>Operand fields of data-processing register and conditional instructions.</summary>
public readonly struct RegisterOperands(uint word)
{
    /// <summary>Rd, bits [4:0].</summary>
    public int Rd => (int)(word & 31);

    /// <summary>Rn, bits [9:5].</summary>
    public int Rn => (int)((word >> 5) & 31);

    /// <summary>Rm, bits [20:16].</summary>
    public int Rm => (int)((word >> 16) & 31);

    /// <summary>Ra, bits [14:10].</summary>
    public int Ra => (int)((word >> 10) & 31);

    /// <summary>True for the 64-bit form (sf, bit 31).</summary>
    public bool Is64 => (int)word < 0;

    /// <summary>The shift type of shifted-register forms, bits [23:22].</summary>
    public ShiftType Shift => (ShiftType)((word >> 22) & 3);

    /// <summary>The shift amount imm6, bits [15:10].</summary>
    public int ShiftAmount => (int)((word >> 10) & 63);

    /// <summary>The N (invert) bit of logical shifted-register forms, bit 21.</summary>
    public bool Invert => (word & (1u << 21)) != 0;

    /// <summary>The extend option of extended-register forms, bits [15:13].</summary>
    public ExtendType Extend => (ExtendType)((word >> 13) & 7);

    /// <summary>The left shift after extension, imm3 in bits [12:10].</summary>
    public int ExtendShift => (int)((word >> 10) & 7);

    /// <summary>The op bit (bit 30): subtract, or CSINV/CSNEG, or CCMP.</summary>
    public bool Op => (word & (1u << 30)) != 0;

    /// <summary>The S bit (bit 29): set flags.</summary>
    public bool SetFlags => (word & (1u << 29)) != 0;

    /// <summary>The condition field of conditional select/compare, bits [15:12].</summary>
    public int Condition => (int)((word >> 12) & 15);

    /// <summary>The o2 bit of conditional select (bit 10): increment or negate.</summary>
    public bool Op2 => (word & (1u << 10)) != 0;

    /// <summary>The 5-bit immediate of CCMP/CCMN (immediate), in the Rm field.</summary>
    public ulong Imm5 => (word >> 16) & 31;

    /// <summary>The NZCV value written when a conditional compare's condition fails, bits [3:0].</summary>
    public uint Nzcv => word & 15;

    /// <summary>The opcode field of 1- and 2-source instructions, bits [15:10].</summary>
    public int Opcode => (int)((word >> 10) & 63);

    /// <summary>The op31 field of 3-source instructions, bits [23:21].</summary>
    public int Op31 => (int)((word >> 21) & 7);

    /// <summary>The o0 bit of 3-source instructions (bit 15): subtract.</summary>
    public bool O0 => (word & (1u << 15)) != 0;

    /// <summary>The lsb field of EXTR, bits [15:10].</summary>
    public int ExtractLsb => (int)((word >> 10) & 63);
}

/// <summary>Operand fields of branches.</summary>
public readonly struct BranchOperands(uint word)
{
    /// <summary>The register tested or branched to: Rt bits [4:0] for CB/TB, Rn bits [9:5] for BR/BLR/RET.</summary>
    public int Rt => (int)(word & 31);

    /// <summary>Rn, bits [9:5].</summary>
    public int Rn => (int)((word >> 5) & 31);

    /// <summary>True for the 64-bit form of CBZ/CBNZ (bit 31).</summary>
    public bool Is64 => (int)word < 0;

    /// <summary>The byte offset of B/BL: imm26 × 4, sign-extended.</summary>
    public long Offset26 => (long)((ulong)word << 38) >> 36;

    /// <summary>The byte offset of B.cond/CBZ/CBNZ: imm19 × 4, sign-extended.</summary>
    public long Offset19 => (long)((ulong)(word >> 5) << 45) >> 43;

    /// <summary>The byte offset of TBZ/TBNZ: imm14 × 4, sign-extended.</summary>
    public long Offset14 => (long)((ulong)(word >> 5) << 50) >> 48;

    /// <summary>The condition of B.cond, bits [3:0].</summary>
    public int Condition => (int)(word & 15);

    /// <summary>The bit TBZ/TBNZ tests: b5:b40.</summary>
    public int TestBit => (int)(((word >> 26) & 32) | ((word >> 19) & 31));
}

/// <summary>Operand fields of system instructions and exception generation.</summary>
public readonly struct SystemOperands(uint word)
{
    /// <summary>Rt, bits [4:0].</summary>
    public int Rt => (int)(word & 31);

    /// <summary>op2, bits [7:5].</summary>
    public int Op2 => (int)((word >> 5) & 7);

    /// <summary>CRm, bits [11:8].</summary>
    public int CRm => (int)((word >> 8) & 15);

    /// <summary>CRn, bits [15:12].</summary>
    public int CRn => (int)((word >> 12) & 15);

    /// <summary>op1, bits [18:16].</summary>
    public int Op1 => (int)((word >> 16) & 7);

    /// <summary>op0, bits [20:19].</summary>
    public int Op0 => (int)((word >> 19) & 3);

    /// <summary>The 16-bit immediate of SVC/HVC/SMC/BRK/HLT, bits [20:5].</summary>
    public int Imm16 => (int)((word >> 5) & 0xFFFF);

    /// <summary>The register or operation key, op0:op1:CRn:CRm:op2 as in bits [20:5].</summary>
    public int PackedKey => (int)((word >> 5) & 0xFFFF);
}

/// <summary>Operand fields of loads and stores.</summary>
public readonly struct MemoryOperands(uint word)
{
    /// <summary>Rt, bits [4:0].</summary>
    public int Rt => (int)(word & 31);

    /// <summary>Rn (base, SP when 31), bits [9:5].</summary>
    public int Rn => (int)((word >> 5) & 31);

    /// <summary>Rt2, bits [14:10].</summary>
    public int Rt2 => (int)((word >> 10) & 31);

    /// <summary>Rs (status or compare register), bits [20:16]; Rm for register offsets.</summary>
    public int Rs => (int)((word >> 16) & 31);

    /// <summary>The size field, bits [31:30]: log2 of the access size in bytes.</summary>
    public int Size => (int)(word >> 30);

    /// <summary>The opc field, bits [23:22].</summary>
    public int Opc => (int)((word >> 22) & 3);

    /// <summary>The 12-bit unsigned offset, bits [21:10] (unscaled).</summary>
    public ulong Imm12 => (word >> 10) & 0xFFF;

    /// <summary>The signed 9-bit offset, bits [20:12].</summary>
    public long Imm9 => (long)((ulong)word << 43) >> 55;

    /// <summary>The indexing mode of 9-bit forms, bits [11:10]: 0 unscaled, 1 post, 2 unprivileged, 3 pre.</summary>
    public int Imm9Mode => (int)((word >> 10) & 3);

    /// <summary>The signed 7-bit pair offset, bits [21:15] (unscaled).</summary>
    public long Imm7 => (long)((ulong)word << 42) >> 57;

    /// <summary>The pair addressing mode, bits [24:23]: 0 non-temporal, 1 post, 2 offset, 3 pre.</summary>
    public int PairMode => (int)((word >> 23) & 3);

    /// <summary>The opc field of pairs, bits [31:30].</summary>
    public int PairOpc => (int)(word >> 30);

    /// <summary>The load bit L (bit 22).</summary>
    public bool IsLoad => (word & (1u << 22)) != 0;

    /// <summary>The signed 19-bit literal offset × 4.</summary>
    public long Literal19 => (long)((ulong)(word >> 5) << 45) >> 43;

    /// <summary>The extend option of register offsets, bits [15:13].</summary>
    public ExtendType Extend => (ExtendType)((word >> 13) & 7);

    /// <summary>The S bit of register offsets (bit 12): scale the index by the access size.</summary>
    public bool ScaleIndex => (word & (1u << 12)) != 0;

    /// <summary>The acquire bit A of atomics (bit 23), or o0/L of exclusives.</summary>
    public bool Acquire => (word & (1u << 23)) != 0;

    /// <summary>The release bit R of atomics (bit 22).</summary>
    public bool Release => (word & (1u << 22)) != 0;

    /// <summary>The operation of LSE atomics, bits [14:12].</summary>
    public AtomicOperation AtomicOp => (AtomicOperation)((word >> 12) & 7);
}

/// <summary>The shift applied to the second operand of shifted-register forms.</summary>
public enum ShiftType
{
    /// <summary>Logical shift left.</summary>
    Lsl = 0,

    /// <summary>Logical shift right.</summary>
    Lsr = 1,

    /// <summary>Arithmetic shift right.</summary>
    Asr = 2,

    /// <summary>Rotate right (logical forms only).</summary>
    Ror = 3,
}

/// <summary>The extension applied to an index or extended-register operand.</summary>
public enum ExtendType
{
    /// <summary>Zero-extend a byte.</summary>
    Uxtb = 0,

    /// <summary>Zero-extend a halfword.</summary>
    Uxth = 1,

    /// <summary>Zero-extend a word.</summary>
    Uxtw = 2,

    /// <summary>No extension (64 bits).</summary>
    Uxtx = 3,

    /// <summary>Sign-extend a byte.</summary>
    Sxtb = 4,

    /// <summary>Sign-extend a halfword.</summary>
    Sxth = 5,

    /// <summary>Sign-extend a word.</summary>
    Sxtw = 6,

    /// <summary>No extension (64 bits), signed form.</summary>
    Sxtx = 7,
}

/// <summary>The operation of an LSE atomic memory instruction (opc field).</summary>
public enum AtomicOperation
{
    /// <summary>LDADD: add.</summary>
    Add = 0,

    /// <summary>LDCLR: bit clear.</summary>
    Clear = 1,

    /// <summary>LDEOR: exclusive or.</summary>
    ExclusiveOr = 2,

    /// <summary>LDSET: bit set.</summary>
    Set = 3,

    /// <summary>LDSMAX: signed maximum.</summary>
    SignedMax = 4,

    /// <summary>LDSMIN: signed minimum.</summary>
    SignedMin = 5,

    /// <summary>LDUMAX: unsigned maximum.</summary>
    UnsignedMax = 6,

    /// <summary>LDUMIN: unsigned minimum.</summary>
    UnsignedMin = 7,
}
