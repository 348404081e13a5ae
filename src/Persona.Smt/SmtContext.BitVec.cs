using System.Globalization;
using System.Numerics;
using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>Bit-vector constants, values and operators.</summary>
public sealed partial class SmtContext
{
    /// <summary>A bit-vector constant of the given width.</summary>
    public BitVecTerm BitVec(string name, int width) => BitVecSort(width).Constant(name);

    /// <summary>The value <paramref name="value"/> as a vector of <paramref name="width"/> bits (reduced modulo 2^width).</summary>
    public BitVecTerm BitVecValue(ulong value, int width) =>
        (BitVecTerm)Wrap(Z3Native.Z3_mk_unsigned_int64(Handle, value, Use(BitVecSort(width))), $"bit-vector value {value}");

    /// <summary>The value <paramref name="value"/> (any size, negative in two's complement) as a vector of <paramref name="width"/> bits.</summary>
    public unsafe BitVecTerm BitVecValue(BigInteger value, int width)
    {
        var sort = BitVecSort(width);
        var modulus = BigInteger.One << width;
        var reduced = ((value % modulus) + modulus) % modulus;
        fixed (byte* text = Utf8.Terminated(reduced.ToString(CultureInfo.InvariantCulture)))
            return (BitVecTerm)Wrap(Z3Native.Z3_mk_numeral(Handle, text, Use(sort)), $"bit-vector value {value}");
    }

    internal unsafe BitVecTerm BvAdd(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvadd, a, b, "bvadd");

    internal unsafe BitVecTerm BvSub(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvsub, a, b, "bvsub");

    internal unsafe BitVecTerm BvMul(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvmul, a, b, "bvmul");

    internal unsafe BitVecTerm BvUDiv(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvudiv, a, b, "bvudiv");

    internal unsafe BitVecTerm BvURem(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvurem, a, b, "bvurem");

    internal unsafe BitVecTerm BvAnd(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvand, a, b, "bvand");

    internal unsafe BitVecTerm BvOr(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvor, a, b, "bvor");

    internal unsafe BitVecTerm BvXor(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvxor, a, b, "bvxor");

    internal unsafe BitVecTerm BvShl(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvshl, a, b, "bvshl");

    internal unsafe BitVecTerm BvLShr(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvlshr, a, b, "bvlshr");

    internal unsafe BitVecTerm BvAShr(BitVecTerm a, BitVecTerm b) => BvBinary(&Z3Native.Z3_mk_bvashr, a, b, "bvashr");

    internal BitVecTerm BvNot(BitVecTerm a) => (BitVecTerm)Wrap(Z3Native.Z3_mk_bvnot(Handle, Use(a)), "bvnot");

    internal BitVecTerm BvNeg(BitVecTerm a) => (BitVecTerm)Wrap(Z3Native.Z3_mk_bvneg(Handle, Use(a)), "bvneg");

    internal unsafe BoolTerm BvUlt(BitVecTerm a, BitVecTerm b) => BvCompare(&Z3Native.Z3_mk_bvult, a, b, "bvult");

    internal unsafe BoolTerm BvUle(BitVecTerm a, BitVecTerm b) => BvCompare(&Z3Native.Z3_mk_bvule, a, b, "bvule");

    internal unsafe BoolTerm BvUgt(BitVecTerm a, BitVecTerm b) => BvCompare(&Z3Native.Z3_mk_bvugt, a, b, "bvugt");

    internal unsafe BoolTerm BvUge(BitVecTerm a, BitVecTerm b) => BvCompare(&Z3Native.Z3_mk_bvuge, a, b, "bvuge");

    internal unsafe BoolTerm BvSlt(BitVecTerm a, BitVecTerm b) => BvCompare(&Z3Native.Z3_mk_bvslt, a, b, "bvslt");

    internal unsafe BoolTerm BvSle(BitVecTerm a, BitVecTerm b) => BvCompare(&Z3Native.Z3_mk_bvsle, a, b, "bvsle");

    internal unsafe BoolTerm BvSgt(BitVecTerm a, BitVecTerm b) => BvCompare(&Z3Native.Z3_mk_bvsgt, a, b, "bvsgt");

    internal unsafe BoolTerm BvSge(BitVecTerm a, BitVecTerm b) => BvCompare(&Z3Native.Z3_mk_bvsge, a, b, "bvsge");

    internal BitVecTerm Extract(BitVecTerm a, int high, int low)
    {
        if (low < 0 || high < low || high >= a.Width)
            throw new SmtException($"Cannot extract bits {high}..{low} from a {a.Width}-bit vector.");
        return (BitVecTerm)Wrap(Z3Native.Z3_mk_extract(Handle, (uint)high, (uint)low, Use(a)), $"extract {high} {low}");
    }

    internal BitVecTerm ZeroExtend(BitVecTerm a, int extraBits) =>
        (BitVecTerm)Wrap(Z3Native.Z3_mk_zero_ext(Handle, CheckedExtra(extraBits), Use(a)), $"zero_extend {extraBits}");

    internal BitVecTerm SignExtend(BitVecTerm a, int extraBits) =>
        (BitVecTerm)Wrap(Z3Native.Z3_mk_sign_ext(Handle, CheckedExtra(extraBits), Use(a)), $"sign_extend {extraBits}");

    internal BitVecTerm Concat(BitVecTerm high, BitVecTerm low) =>
        (BitVecTerm)Wrap(Z3Native.Z3_mk_concat(Handle, Use(high), Use(low)), "concat");

    private static uint CheckedExtra(int extraBits) =>
        extraBits >= 0 ? (uint)extraBits : throw new SmtException($"Cannot extend a bit-vector by {extraBits} bits.");

    private unsafe BitVecTerm BvBinary(delegate*<nint, nint, nint, nint> make, BitVecTerm a, BitVecTerm b, string operation) =>
        Wrap(make(Handle, Use(a), Use(b)), operation) as BitVecTerm
        ?? throw new SmtException(operation, "the result is not a bit-vector");

    private unsafe BoolTerm BvCompare(delegate*<nint, nint, nint, nint> make, BitVecTerm a, BitVecTerm b, string operation) =>
        MakeBool(make(Handle, Use(a), Use(b)), operation);
}
