using System.Numerics;

namespace Persona.Smt;

/// <summary>A bit-vector term of a fixed width, with modular arithmetic and bitwise operators.</summary>
/// <remarks>Comparisons are methods (<c>Ult</c>, <c>Slt</c>, ...) because a bit-vector has no sign of its
/// own; operands of different widths are rejected by Z3 with an <see cref="SmtException"/>.</remarks>
public sealed class BitVecTerm : Term, ITypedTerm<BitVecTerm>
{
    internal BitVecTerm(SmtContext context, nint handle, Lifetime lifetime, BitVecSort sort)
        : base(context, handle, lifetime, sort)
    {
        Width = sort.Width;
    }

    /// <summary>The number of bits.</summary>
    public int Width { get; }

    /// <summary>Addition modulo 2^width.</summary>
    public static BitVecTerm operator +(BitVecTerm left, BitVecTerm right) => left.Context.BvAdd(left, right);

    /// <summary>Adds a constant of the same width.</summary>
    public static BitVecTerm operator +(BitVecTerm left, ulong right) => left + left.Same(right);

    /// <summary>Subtraction modulo 2^width.</summary>
    public static BitVecTerm operator -(BitVecTerm left, BitVecTerm right) => left.Context.BvSub(left, right);

    /// <summary>Subtracts a constant of the same width.</summary>
    public static BitVecTerm operator -(BitVecTerm left, ulong right) => left - left.Same(right);

    /// <summary>Two's complement negation.</summary>
    public static BitVecTerm operator -(BitVecTerm operand) => operand.Context.BvNeg(operand);

    /// <summary>Multiplication modulo 2^width.</summary>
    public static BitVecTerm operator *(BitVecTerm left, BitVecTerm right) => left.Context.BvMul(left, right);

    /// <summary>Multiplies by a constant of the same width.</summary>
    public static BitVecTerm operator *(BitVecTerm left, ulong right) => left * left.Same(right);

    /// <summary>Bitwise and.</summary>
    public static BitVecTerm operator &(BitVecTerm left, BitVecTerm right) => left.Context.BvAnd(left, right);

    /// <summary>Bitwise and with a constant (a mask) of the same width.</summary>
    public static BitVecTerm operator &(BitVecTerm left, ulong right) => left & left.Same(right);

    /// <summary>Bitwise or.</summary>
    public static BitVecTerm operator |(BitVecTerm left, BitVecTerm right) => left.Context.BvOr(left, right);

    /// <summary>Bitwise or with a constant of the same width.</summary>
    public static BitVecTerm operator |(BitVecTerm left, ulong right) => left | left.Same(right);

    /// <summary>Bitwise exclusive or.</summary>
    public static BitVecTerm operator ^(BitVecTerm left, BitVecTerm right) => left.Context.BvXor(left, right);

    /// <summary>Bitwise complement.</summary>
    public static BitVecTerm operator ~(BitVecTerm operand) => operand.Context.BvNot(operand);

    /// <summary>Shift left by a bit-vector amount (zero fill; amounts at or past the width give zero).</summary>
    public static BitVecTerm operator <<(BitVecTerm left, BitVecTerm right) => left.Context.BvShl(left, right);

    /// <summary>Shift left by a constant amount.</summary>
    public static BitVecTerm operator <<(BitVecTerm left, int right) => left << left.Same((ulong)right);

    /// <summary>Logical (zero-filling) shift right by a bit-vector amount.</summary>
    public static BitVecTerm operator >>>(BitVecTerm left, BitVecTerm right) => left.Context.BvLShr(left, right);

    /// <summary>Logical (zero-filling) shift right by a constant amount.</summary>
    public static BitVecTerm operator >>>(BitVecTerm left, int right) => left >>> left.Same((ulong)right);

    /// <summary>Arithmetic (sign-filling) shift right.</summary>
    public BitVecTerm AShr(BitVecTerm amount) => Context.BvAShr(this, amount);

    /// <summary>Unsigned division (division by zero gives all ones, as SMT-LIB2 defines).</summary>
    public BitVecTerm UDiv(BitVecTerm divisor) => Context.BvUDiv(this, divisor);

    /// <summary>Unsigned remainder (remainder by zero gives the dividend).</summary>
    public BitVecTerm URem(BitVecTerm divisor) => Context.BvURem(this, divisor);

    /// <summary>Unsigned less than.</summary>
    public BoolTerm Ult(BitVecTerm other) => Context.BvUlt(this, other);

    /// <summary>Unsigned less than or equal.</summary>
    public BoolTerm Ule(BitVecTerm other) => Context.BvUle(this, other);

    /// <summary>Unsigned greater than.</summary>
    public BoolTerm Ugt(BitVecTerm other) => Context.BvUgt(this, other);

    /// <summary>Unsigned greater than or equal.</summary>
    public BoolTerm Uge(BitVecTerm other) => Context.BvUge(this, other);

    /// <summary>Signed (two's complement) less than.</summary>
    public BoolTerm Slt(BitVecTerm other) => Context.BvSlt(this, other);

    /// <summary>Signed less than or equal.</summary>
    public BoolTerm Sle(BitVecTerm other) => Context.BvSle(this, other);

    /// <summary>Signed greater than.</summary>
    public BoolTerm Sgt(BitVecTerm other) => Context.BvSgt(this, other);

    /// <summary>Signed greater than or equal.</summary>
    public BoolTerm Sge(BitVecTerm other) => Context.BvSge(this, other);

    /// <summary>Unsigned less than a constant.</summary>
    public BoolTerm Ult(ulong other) => Ult(Same(other));

    /// <summary>Unsigned less than or equal to a constant.</summary>
    public BoolTerm Ule(ulong other) => Ule(Same(other));

    /// <summary>Unsigned greater than a constant.</summary>
    public BoolTerm Ugt(ulong other) => Ugt(Same(other));

    /// <summary>Unsigned greater than or equal to a constant.</summary>
    public BoolTerm Uge(ulong other) => Uge(Same(other));

    /// <summary>Bits <paramref name="high"/> down to <paramref name="low"/> (inclusive), a vector of high - low + 1 bits.</summary>
    public BitVecTerm Extract(int high, int low) => Context.Extract(this, high, low);

    /// <summary>This vector widened by <paramref name="extraBits"/> zero bits on the left.</summary>
    public BitVecTerm ZeroExtend(int extraBits) => Context.ZeroExtend(this, extraBits);

    /// <summary>This vector widened by <paramref name="extraBits"/> copies of its sign bit.</summary>
    public BitVecTerm SignExtend(int extraBits) => Context.SignExtend(this, extraBits);

    /// <summary>This vector as the high bits followed by <paramref name="low"/> as the low bits.</summary>
    public BitVecTerm Concat(BitVecTerm low) => Context.Concat(this, low);

    /// <summary>Equality with a vector of the same width.</summary>
    public BoolTerm Eq(BitVecTerm other) => Context.Eq(this, other);

    /// <summary>Equality with a constant of the same width.</summary>
    public BoolTerm Eq(ulong other) => Context.Eq(this, Same(other));

    /// <summary>Equality with a constant of the same width.</summary>
    public BoolTerm Eq(BigInteger other) => Context.Eq(this, Context.BitVecValue(other, Width));

    static bool ITypedTerm<BitVecTerm>.Accepts(Sort sort) => sort is BitVecSort;

    static BitVecTerm ITypedTerm<BitVecTerm>.FromTerm(Term term) => term as BitVecTerm ?? throw Mismatch(term, "(_ BitVec n)");

    private BitVecTerm Same(ulong value) => Context.BitVecValue(value, Width);
}
