using System.Numerics;
using Persona.Arm.Isa;

namespace Persona.Arm.Cpu;

/// <summary>The arithmetic shared by the data-processing semantics: AddWithCarry and flags, logical operations, shifts, extends.</summary>
public sealed partial class Core
{
    /// <summary>The Arm ARM's AddWithCarry, truncated to the operand size, optionally setting NZCV.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong AddWithCarry(ulong a, ulong b, ulong carry, bool is64, bool setFlags)
    {
        if (is64)
        {
            var result = a + b + carry;
            if (setFlags)
            {
                var carryOut = result < a || (carry != 0 && result == a);
                var overflow = ((a ^ result) & (b ^ result)) >> 63;
                nzcv = (uint)((result >> 63) << 31) | (result == 0 ? 1u << 30 : 0) | (carryOut ? 1u << 29 : 0) | ((uint)overflow << 28);
            }
            return result;
        }
        var a32 = (uint)a;
        var b32 = (uint)b;
        var wide = (ulong)a32 + b32 + carry;
        var result32 = (uint)wide;
        if (setFlags)
        {
            var overflow = ((a32 ^ result32) & (b32 ^ result32)) >> 31;
            nzcv = (result32 & 0x8000_0000) | (result32 == 0 ? 1u << 30 : 0) | ((uint)(wide >> 32) << 29) | (overflow << 28);
        }
        return result32;
    }

    private ulong Logical(ulong a, ulong b, LogicalOperation operation, bool is64)
    {
        var result = operation switch
        {
            LogicalOperation.And or LogicalOperation.AndSetFlags => a & b,
            LogicalOperation.Or => a | b,
            _ => a ^ b,
        };
        if (!is64)
            result = (uint)result;
        if (operation == LogicalOperation.AndSetFlags)
        {
            var negative = is64 ? result >> 63 : result >> 31;
            nzcv = ((uint)negative << 31) | (result == 0 ? 1u << 30 : 0);
        }
        return result;
    }

    private static ulong ShiftValue(ulong value, ShiftType shift, int amount, bool is64)
    {
        if (is64)
        {
            return shift switch
            {
                ShiftType.Lsl => value << amount,
                ShiftType.Lsr => value >> amount,
                ShiftType.Asr => (ulong)((long)value >> amount),
                _ => BitOperations.RotateRight(value, amount),
            };
        }
        var v = (uint)value;
        return shift switch
        {
            ShiftType.Lsl => v << amount,
            ShiftType.Lsr => v >> amount,
            ShiftType.Asr => (uint)((int)v >> amount),
            _ => BitOperations.RotateRight(v, amount),
        };
    }

    /// <summary>The Arm ARM's ExtendReg: extract by type, zero- or sign-extend, shift left.</summary>
    private static ulong ExtendValue(ulong value, ExtendType extend, int shift)
    {
        var extended = extend switch
        {
            ExtendType.Uxtb => value & 0xFF,
            ExtendType.Uxth => value & 0xFFFF,
            ExtendType.Uxtw => value & 0xFFFF_FFFF,
            ExtendType.Sxtb => (ulong)(sbyte)value,
            ExtendType.Sxth => (ulong)(short)value,
            ExtendType.Sxtw => (ulong)(int)value,
            _ => value,
        };
        return extended << shift;
    }

    private static ulong RotateRight(ulong value, int amount, int width) =>
        width == 64 ? BitOperations.RotateRight(value, amount) : BitOperations.RotateRight((uint)value, amount);

    private static ulong ReverseBits(ulong value)
    {
        ulong result = 0;
        for (var i = 0; i < 64; i++)
        {
            result = (result << 1) | (value & 1);
            value >>= 1;
        }
        return result;
    }

    private static long SignedDivide64(long n, long m) => m == 0 ? 0 : (n == long.MinValue && m == -1) ? long.MinValue : n / m;

    private static int SignedDivide32(int n, int m) => m == 0 ? 0 : (n == int.MinValue && m == -1) ? int.MinValue : n / m;

    /// <summary>The logical operations shared by the immediate and shifted-register forms.</summary>
    private enum LogicalOperation
    {
        And,
        Or,
        ExclusiveOr,
        AndSetFlags,
    }
}
