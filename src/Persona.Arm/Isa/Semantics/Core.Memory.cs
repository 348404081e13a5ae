using Persona.Arm.Isa;

namespace Persona.Arm.Cpu;

/// <summary>Semantics of single-register loads and stores, pairs and literals.</summary>
public sealed partial class Core
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ExecuteStoreUnsignedOffset(uint word)
    {
        var f = new MemoryOperands(word);
        var size = f.Size;
        TryWrite(ReadXOrSp(f.Rn) + (f.Imm12 << size), 1 << size, ReadX(f.Rt));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ExecuteLoadUnsignedOffset(uint word)
    {
        var f = new MemoryOperands(word);
        var size = f.Size;
        if (TryRead(ReadXOrSp(f.Rn) + (f.Imm12 << size), 1 << size, out var value))
            WriteX(f.Rt, value);
    }

    private void ExecuteLoadSignedUnsignedOffset(uint word)
    {
        var f = new MemoryOperands(word);
        LoadOrStore(f.Size, f.Opc, ReadXOrSp(f.Rn) + (f.Imm12 << f.Size), f.Rt, exceptionLevel == 0);
    }

    // STUR, and STR with post-index (mode 1: the access uses the old base) or pre-index (mode 3) writeback.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ExecuteStoreImmediate9(uint word)
    {
        var f = new MemoryOperands(word);
        var mode = f.Imm9Mode;
        var baseAddress = ReadXOrSp(f.Rn);
        var indexed = baseAddress + (ulong)f.Imm9;
        if (TryWrite(mode == 1 ? baseAddress : indexed, 1 << f.Size, ReadX(f.Rt)) && mode != 0)
            WriteXOrSp(f.Rn, indexed);
    }

    // LDUR, and LDR with post-index or pre-index writeback (zero-extending, any size).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ExecuteLoadImmediate9(uint word)
    {
        var f = new MemoryOperands(word);
        var mode = f.Imm9Mode;
        var baseAddress = ReadXOrSp(f.Rn);
        var indexed = baseAddress + (ulong)f.Imm9;
        if (!TryRead(mode == 1 ? baseAddress : indexed, 1 << f.Size, out var value))
            return;
        WriteX(f.Rt, value);
        if (mode != 0)
            WriteXOrSp(f.Rn, indexed);
    }

    // The rarer 9-bit-offset forms: sign-extending loads, PRFUM, and unprivileged LDTR/STTR (whose plain forms take this path too).
    private void ExecuteLoadStoreImmediate9(uint word)
    {
        var f = new MemoryOperands(word);
        var mode = f.Imm9Mode;
        var size = f.Size;
        var opc = f.Opc;
        var isPrefetch = size == 3 && opc == 2;
        if (isPrefetch && mode != 0)
        {
            Undefined();
            return;
        }
        var baseAddress = ReadXOrSp(f.Rn);
        var offset = (ulong)f.Imm9;
        var address = mode == 1 ? baseAddress : baseAddress + offset;
        var user = exceptionLevel == 0 || (mode == 2 && exceptionLevel == 1);
        // Plain loads and stores (the common case) skip the general size/opc switch.
        if (opc == 0 && mode != 2)
        {
            if (!TryWrite(address, 1 << size, ReadX(f.Rt)))
                return;
        }
        else if (opc == 1 && mode != 2)
        {
            if (!TryRead(address, 1 << size, out var value))
                return;
            WriteX(f.Rt, value);
        }
        else if (!LoadOrStore(size, opc, address, f.Rt, user))
        {
            return;
        }
        if (mode is 1 or 3)
            WriteXOrSp(f.Rn, baseAddress + offset);
    }

    private void ExecuteLoadStoreRegisterOffset(uint word)
    {
        var f = new MemoryOperands(word);
        var extend = f.Extend;
        if (((int)extend & 2) == 0)
        {
            Undefined();
            return;
        }
        var address = ReadXOrSp(f.Rn) + ExtendValue(ReadX(f.Rs), extend, f.ScaleIndex ? f.Size : 0);
        // Plain STR and zero-extending LDR (the common case) take the fast TLB path directly.
        switch (f.Opc)
        {
            case 0:
                TryWrite(address, 1 << f.Size, ReadX(f.Rt));
                break;
            case 1:
                if (TryRead(address, 1 << f.Size, out var value))
                    WriteX(f.Rt, value);
                break;
            default:
                LoadOrStore(f.Size, f.Opc, address, f.Rt, exceptionLevel == 0);
                break;
        }
    }

    /// <summary>The shared load/store of one register by size and opc: store, zero-extending load, sign-extending loads, PRFM.</summary>
    /// <returns>False when the access faulted or the encoding was undefined (no writeback then).</returns>
    private bool LoadOrStore(int size, int opc, ulong address, int rt, bool user)
    {
        var bytes = 1 << size;
        switch (opc)
        {
            case 0:
                return TryWrite(address, bytes, user, ReadX(rt));
            case 1:
                {
                    if (!TryRead(address, bytes, user, out var value))
                        return false;
                    WriteX(rt, value);
                    return true;
                }
            case 2 when size == 3:
                return true; // PRFM: a hint with no architectural effect.
            case 2 or 3 when size < 3 && !(opc == 3 && size == 2):
                {
                    var to64 = opc == 2;
                    if (!TryRead(address, bytes, user, out var value))
                        return false;
                    var extended = SignExtend(value, 8 * bytes);
                    WriteX(rt, extended, to64);
                    return true;
                }
            default:
                Undefined();
                return false;
        }
    }

    private void ExecuteLoadLiteral(uint word, InstructionId id)
    {
        var f = new MemoryOperands(word);
        var address = instructionPc + (ulong)f.Literal19;
        var (size, signed) = id switch
        {
            InstructionId.LdrLiteral32 => (2, false),
            InstructionId.LdrLiteral64 => (3, false),
            _ => (2, true),
        };
        if (!TryRead(address, 1 << size, out var value))
            return;
        WriteX(f.Rt, signed ? SignExtend(value, 32) : value);
    }

    // STP/LDP/STNP/LDNP/LDPSW in all addressing modes; both registers are read (or loaded) before anything is written back.
    private void ExecuteLoadStorePair(uint word, bool isLoad)
    {
        var f = new MemoryOperands(word);
        var opc = f.PairOpc;
        var mode = f.PairMode;
        if (opc == 3 || (opc == 1 && (!isLoad || mode == 0)))
        {
            Undefined();
            return;
        }
        var size = opc == 2 ? 3 : 2;
        var bytes = 1 << size;
        var offset = (ulong)(f.Imm7 << size);
        var baseAddress = ReadXOrSp(f.Rn);
        var address = mode == 1 ? baseAddress : baseAddress + offset;
        if (isLoad)
        {
            if (!TryRead(address, bytes, out var first) || !TryRead(address + (ulong)bytes, bytes, out var second))
                return;
            if (opc == 1)
            {
                first = SignExtend(first, 32);
                second = SignExtend(second, 32);
            }
            WriteX(f.Rt, first);
            WriteX(f.Rt2, second);
        }
        else
        {
            var first = ReadX(f.Rt);
            var second = ReadX(f.Rt2);
            if (!TryWrite(address, bytes, first) || !TryWrite(address + (ulong)bytes, bytes, second))
                return;
        }
        if (mode is 1 or 3)
            WriteXOrSp(f.Rn, baseAddress + offset);
    }

    private static ulong SignExtend(ulong value, int bits) => bits >= 64 ? value : (ulong)((long)(value << (64 - bits)) >> (64 - bits));
}
