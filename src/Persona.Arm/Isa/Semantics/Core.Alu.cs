using System.Numerics;
using Persona.Arm.Isa;

namespace Persona.Arm.Cpu;

/// <summary>Semantics of the integer data-processing instructions (immediate and register forms).</summary>
public sealed partial class Core
{
    private void ExecuteAdr(uint word)
    {
        var f = new ImmediateOperands(word);
        WriteX(f.Rd, instructionPc + (ulong)f.PcRelativeImmediate);
    }

    private void ExecuteAdrp(uint word)
    {
        var f = new ImmediateOperands(word);
        WriteX(f.Rd, (instructionPc & ~0xFFFUL) + (ulong)(f.PcRelativeImmediate << 12));
    }

    // ADD/ADDS/SUB/SUBS (immediate): Rn may be SP; Rd is SP unless flags are set.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ExecuteAddSubImmediate(uint word, bool subtract, bool setFlags)
    {
        var f = new ImmediateOperands(word);
        var operand = f.AddSubImmediate;
        var result = subtract
            ? AddWithCarry(ReadXOrSp(f.Rn), ~operand, 1, f.Is64, setFlags)
            : AddWithCarry(ReadXOrSp(f.Rn), operand, 0, f.Is64, setFlags);
        if (setFlags)
            WriteX(f.Rd, result);
        else
            WriteXOrSp(f.Rd, result);
    }

    private void ExecuteLogicalImmediate(uint word, LogicalOperation operation)
    {
        var f = new ImmediateOperands(word);
        var mask = BitMasks.LogicalImmediate(f.N, f.Imms, f.Immr, f.Is64);
        if (mask == 0)
        {
            Undefined();
            return;
        }
        var result = Logical(ReadX(f.Rn), mask, operation, f.Is64);
        if (operation == LogicalOperation.AndSetFlags)
            WriteX(f.Rd, result);
        else
            WriteXOrSp(f.Rd, result);
    }

    private void ExecuteMoveWide(uint word, InstructionId id)
    {
        var f = new ImmediateOperands(word);
        if (!f.Is64 && f.Hw >= 2)
        {
            Undefined();
            return;
        }
        var shift = f.Hw * 16;
        var value = f.Imm16 << shift;
        var result = id switch
        {
            InstructionId.Movn => ~value,
            InstructionId.Movz => value,
            _ => (ReadX(f.Rd) & ~(0xFFFFUL << shift)) | value,
        };
        WriteX(f.Rd, result, f.Is64);
    }

    // SBFM, BFM, UBFM: the Arm ARM's bitfield move with wmask/tmask from DecodeBitMasks.
    private void ExecuteBitfield(uint word, InstructionId id)
    {
        var f = new ImmediateOperands(word);
        var is64 = f.Is64;
        if (f.N != (is64 ? 1 : 0) || (!is64 && ((f.Immr | f.Imms) & 32) != 0)
            || !BitMasks.TryDecode(f.N, f.Imms, f.Immr, false, is64, out var wmask, out var tmask))
        {
            Undefined();
            return;
        }
        var width = is64 ? 64 : 32;
        var source = ReadX(f.Rn);
        var rotated = RotateRight(source, f.Immr, width);
        ulong result;
        switch (id)
        {
            case InstructionId.Ubfm:
                result = rotated & wmask & tmask;
                break;
            case InstructionId.Sbfm:
                var top = ((source >> f.Imms) & 1) != 0 ? ulong.MaxValue : 0;
                result = (top & ~tmask) | (rotated & wmask & tmask);
                break;
            default:
                var destination = ReadX(f.Rd);
                var bottom = (destination & ~wmask) | (rotated & wmask);
                result = (destination & ~tmask) | (bottom & tmask);
                break;
        }
        WriteX(f.Rd, result, is64);
    }

    private void ExecuteExtr(uint word)
    {
        var f = new RegisterOperands(word);
        var is64 = f.Is64;
        var lsb = f.ExtractLsb;
        if ((((word >> 22) & 1) != 0) != is64 || (!is64 && lsb >= 32))
        {
            Undefined();
            return;
        }
        ulong result;
        if (is64)
            result = lsb == 0 ? ReadX(f.Rm) : (ReadX(f.Rm) >> lsb) | (ReadX(f.Rn) << (64 - lsb));
        else
            result = (((ReadX(f.Rn) & 0xFFFF_FFFF) << 32) | (ReadX(f.Rm) & 0xFFFF_FFFF)) >> lsb;
        WriteX(f.Rd, result, is64);
    }

    // The shifted Rm operand; an amount of 0 (MOV, CMP, plain EOR/ADD...) skips the shifter, which the JIT does not inline.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong ShiftedRegister(RegisterOperands f)
    {
        var value = ReadX(f.Rm);
        if (f.ShiftAmount == 0)
            return f.Is64 ? value : (uint)value;
        return ShiftValue(value, f.Shift, f.ShiftAmount, f.Is64);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ExecuteLogicalShifted(uint word, LogicalOperation operation)
    {
        var f = new RegisterOperands(word);
        if (!f.Is64 && f.ShiftAmount >= 32)
        {
            Undefined();
            return;
        }
        var operand = ShiftedRegister(f);
        if (f.Invert)
            operand = ~operand;
        WriteX(f.Rd, Logical(ReadX(f.Rn), operand, operation, f.Is64));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ExecuteAddSubShifted(uint word, bool subtract, bool setFlags)
    {
        var f = new RegisterOperands(word);
        if (f.Shift == ShiftType.Ror || (!f.Is64 && f.ShiftAmount >= 32))
        {
            Undefined();
            return;
        }
        var operand = ShiftedRegister(f);
        var result = subtract
            ? AddWithCarry(ReadX(f.Rn), ~operand, 1, f.Is64, setFlags)
            : AddWithCarry(ReadX(f.Rn), operand, 0, f.Is64, setFlags);
        WriteX(f.Rd, result);
    }

    private void ExecuteAddSubExtended(uint word)
    {
        var f = new RegisterOperands(word);
        if (f.ExtendShift > 4 || ((word >> 22) & 3) != 0)
        {
            Undefined();
            return;
        }
        var operand = ExtendValue(ReadX(f.Rm), f.Extend, f.ExtendShift);
        var result = f.Op
            ? AddWithCarry(ReadXOrSp(f.Rn), ~operand, 1, f.Is64, f.SetFlags)
            : AddWithCarry(ReadXOrSp(f.Rn), operand, 0, f.Is64, f.SetFlags);
        if (f.SetFlags)
            WriteX(f.Rd, result);
        else
            WriteXOrSp(f.Rd, f.Is64 ? result : (uint)result);
    }

    private void ExecuteAddSubCarry(uint word)
    {
        var f = new RegisterOperands(word);
        var operand = f.Op ? ~ReadX(f.Rm) : ReadX(f.Rm);
        WriteX(f.Rd, AddWithCarry(ReadX(f.Rn), operand, (nzcv >> 29) & 1, f.Is64, f.SetFlags));
    }

    private void ExecuteConditionalCompare(uint word, bool immediate)
    {
        var f = new RegisterOperands(word);
        if (!ConditionHolds(f.Condition))
        {
            nzcv = f.Nzcv << 28;
            return;
        }
        var operand = immediate ? f.Imm5 : ReadX(f.Rm);
        if (f.Op)
            AddWithCarry(ReadX(f.Rn), ~operand, 1, f.Is64, true);
        else
            AddWithCarry(ReadX(f.Rn), operand, 0, f.Is64, true);
    }

    private void ExecuteConditionalSelect(uint word)
    {
        var f = new RegisterOperands(word);
        ulong result;
        if (ConditionHolds(f.Condition))
        {
            result = ReadX(f.Rn);
        }
        else
        {
            var m = ReadX(f.Rm);
            result = (f.Op, f.Op2) switch
            {
                (false, false) => m,
                (false, true) => m + 1,
                (true, false) => ~m,
                _ => 0 - m,
            };
        }
        WriteX(f.Rd, result, f.Is64);
    }

    private void ExecuteDataProcessing2Source(uint word)
    {
        var f = new RegisterOperands(word);
        var is64 = f.Is64;
        var n = ReadX(f.Rn);
        var m = ReadX(f.Rm);
        var width = is64 ? 64 : 32;
        ulong result;
        switch (f.Opcode)
        {
            case 2:
                result = is64 ? (m == 0 ? 0 : n / m) : ((uint)m == 0 ? 0 : (uint)n / (uint)m);
                break;
            case 3:
                result = is64 ? (ulong)SignedDivide64((long)n, (long)m) : (uint)SignedDivide32((int)n, (int)m);
                break;
            case 8:
                result = n << (int)(m % (ulong)width);
                break;
            case 9:
                result = (is64 ? n : (uint)n) >> (int)(m % (ulong)width);
                break;
            case 10:
                result = is64 ? (ulong)((long)n >> (int)(m & 63)) : (uint)((int)n >> (int)(m & 31));
                break;
            case 11:
                result = RotateRight(n, (int)(m % (ulong)width), width);
                break;
            case >= 16 and <= 23:
                ExecuteCrc32(f);
                return;
            default:
                Undefined();
                return;
        }
        WriteX(f.Rd, result, is64);
    }

    private void ExecuteDataProcessing1Source(uint word)
    {
        var f = new RegisterOperands(word);
        var is64 = f.Is64;
        var n = ReadX(f.Rn);
        ulong result;
        switch (f.Opcode)
        {
            case 0:
                result = is64 ? ReverseBits(n) : ReverseBits(n << 32);
                break;
            case 1:
                result = ((n & 0x00FF00FF00FF00FF) << 8) | ((n >> 8) & 0x00FF00FF00FF00FF);
                break;
            case 2:
                var halves = is64 ? n : n & 0xFFFF_FFFF;
                result = ((ulong)System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)(halves >> 32)) << 32)
                    | System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)halves);
                break;
            case 3 when is64:
                result = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(n);
                break;
            case 4:
                result = is64 ? (ulong)BitOperations.LeadingZeroCount(n) : (ulong)BitOperations.LeadingZeroCount((uint)n);
                break;
            case 5:
                // CLS: leading bits equal to the sign bit, not counting it; the low 1 stops the count at width-1.
                result = is64
                    ? (ulong)BitOperations.LeadingZeroCount((n ^ (n << 1)) | 1)
                    : (ulong)BitOperations.LeadingZeroCount(((uint)n ^ ((uint)n << 1)) | 1);
                break;
            default:
                Undefined();
                return;
        }
        WriteX(f.Rd, result, is64);
    }

    private void ExecuteDataProcessing3Source(uint word)
    {
        var f = new RegisterOperands(word);
        var is64 = f.Is64;
        var n = ReadX(f.Rn);
        var m = ReadX(f.Rm);
        var a = ReadX(f.Ra);
        ulong result;
        switch ((f.Op31, f.O0))
        {
            case (0, false):
                result = a + (n * m);
                break;
            case (0, true):
                result = a - (n * m);
                break;
            case (1, var subtract) when is64:
                var signedProduct = (ulong)((long)(int)n * (int)m);
                result = subtract ? a - signedProduct : a + signedProduct;
                break;
            case (2, false) when is64:
                result = (ulong)Math.BigMul((long)n, (long)m, out _);
                break;
            case (5, var subtract) when is64:
                var unsignedProduct = (ulong)(uint)n * (uint)m;
                result = subtract ? a - unsignedProduct : a + unsignedProduct;
                break;
            case (6, false) when is64:
                result = Math.BigMul(n, m, out _);
                break;
            default:
                Undefined();
                return;
        }
        WriteX(f.Rd, result, is64);
    }
}
