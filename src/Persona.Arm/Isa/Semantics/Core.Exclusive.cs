using Persona.Arm.Isa;
using Persona.Arm.Memory;

namespace Persona.Arm.Cpu;

/// <summary>Semantics of exclusives (LDXR/STXR and pairs), acquire/release, and the LSE atomics (CAS, CASP, LD&lt;op&gt;, SWP).</summary>
/// <remarks>The exclusive monitor remembers the address, size and loaded value; a store-exclusive succeeds when the
/// monitor is armed for the same address and size and memory still holds that value. Cores run one at a time, so this
/// value check is how another core's intervening store makes it fail, deterministically.</remarks>
public sealed partial class Core
{
    private bool exclusiveArmed;
    private ulong exclusiveAddress;
    private int exclusiveBytes;
    private ulong exclusiveFirst;
    private ulong exclusiveSecond;

    private void ClearExclusiveMonitor() => exclusiveArmed = false;

    private bool CheckAligned(ulong address, int bytes, AccessKind kind)
    {
        if ((address & (ulong)(bytes - 1)) == 0)
            return true;
        RaiseAlignmentFault(address, kind);
        return false;
    }

    private void ExecuteLoadExclusive(uint word)
    {
        var f = new MemoryOperands(word);
        var bytes = 1 << f.Size;
        var address = ReadXOrSp(f.Rn);
        if (!CheckAligned(address, bytes, AccessKind.Read) || !TryRead(address, bytes, out var value))
            return;
        WriteX(f.Rt, value);
        ArmMonitor(address, bytes, value, 0);
    }

    private void ExecuteStoreExclusive(uint word)
    {
        var f = new MemoryOperands(word);
        var bytes = 1 << f.Size;
        var address = ReadXOrSp(f.Rn);
        if (!CheckAligned(address, bytes, AccessKind.Write))
            return;
        if (!exclusiveArmed || exclusiveAddress != address || exclusiveBytes != bytes)
        {
            exclusiveArmed = false;
            WriteX(f.Rs, 1);
            return;
        }
        if (!TryRead(address, bytes, out var current))
            return;
        var success = current == exclusiveFirst;
        if (success && !TryWrite(address, bytes, ReadX(f.Rt)))
            return;
        exclusiveArmed = false;
        WriteX(f.Rs, success ? 0UL : 1UL);
    }

    // LDXP/LDAXP: two registers of 4 or 8 bytes (size bit 30), aligned to the pair's total size.
    private void ExecuteLoadExclusivePair(uint word)
    {
        var f = new MemoryOperands(word);
        var bytes = (word & (1u << 30)) != 0 ? 8 : 4;
        var address = ReadXOrSp(f.Rn);
        if (!CheckAligned(address, 2 * bytes, AccessKind.Read)
            || !TryRead(address, bytes, out var first) || !TryRead(address + (ulong)bytes, bytes, out var second))
            return;
        WriteX(f.Rt, first);
        WriteX(f.Rt2, second);
        ArmMonitor(address, 2 * bytes, first, second);
    }

    private void ExecuteStoreExclusivePair(uint word)
    {
        var f = new MemoryOperands(word);
        var bytes = (word & (1u << 30)) != 0 ? 8 : 4;
        var address = ReadXOrSp(f.Rn);
        if (!CheckAligned(address, 2 * bytes, AccessKind.Write))
            return;
        if (!exclusiveArmed || exclusiveAddress != address || exclusiveBytes != 2 * bytes)
        {
            exclusiveArmed = false;
            WriteX(f.Rs, 1);
            return;
        }
        if (!TryRead(address, bytes, out var first) || !TryRead(address + (ulong)bytes, bytes, out var second))
            return;
        var success = first == exclusiveFirst && second == exclusiveSecond;
        if (success && (!TryWrite(address, bytes, ReadX(f.Rt)) || !TryWrite(address + (ulong)bytes, bytes, ReadX(f.Rt2))))
            return;
        exclusiveArmed = false;
        WriteX(f.Rs, success ? 0UL : 1UL);
    }

    private void ArmMonitor(ulong address, int bytes, ulong first, ulong second)
    {
        exclusiveArmed = true;
        exclusiveAddress = address;
        exclusiveBytes = bytes;
        exclusiveFirst = first;
        exclusiveSecond = second;
    }

    private void ExecuteLoadAcquire(uint word)
    {
        var f = new MemoryOperands(word);
        var size = f.Size;
        var address = ReadXOrSp(f.Rn);
        if (CheckAligned(address, 1 << size, AccessKind.Read) && TryRead(address, 1 << size, out var value))
            WriteX(f.Rt, value);
    }

    private void ExecuteStoreRelease(uint word)
    {
        var f = new MemoryOperands(word);
        var size = f.Size;
        var address = ReadXOrSp(f.Rn);
        if (CheckAligned(address, 1 << size, AccessKind.Write))
            TryWrite(address, 1 << size, ReadX(f.Rt));
    }

    private void ExecuteCompareAndSwap(uint word)
    {
        var f = new MemoryOperands(word);
        var bytes = 1 << f.Size;
        var mask = SizeMask(bytes);
        var address = ReadXOrSp(f.Rn);
        if (!CheckAligned(address, bytes, AccessKind.Write) || !TryRead(address, bytes, out var old))
            return;
        if (old == (ReadX(f.Rs) & mask))
        {
            if (!TryWrite(address, bytes, ReadX(f.Rt)))
                return;
        }
        else if (!TryTranslate(address, AccessKind.Write, exceptionLevel == 0, out _))
        {
            return;
        }
        WriteX(f.Rs, old);
    }

    // CASP: Rs and Rt name even-numbered register pairs; the pair is compared and swapped as one access.
    private void ExecuteCompareAndSwapPair(uint word)
    {
        var f = new MemoryOperands(word);
        if ((f.Rs & 1) != 0 || (f.Rt & 1) != 0)
        {
            Undefined();
            return;
        }
        var bytes = (word & (1u << 30)) != 0 ? 8 : 4;
        var mask = SizeMask(bytes);
        var address = ReadXOrSp(f.Rn);
        if (!CheckAligned(address, 2 * bytes, AccessKind.Write)
            || !TryRead(address, bytes, out var first) || !TryRead(address + (ulong)bytes, bytes, out var second))
            return;
        if (first == (ReadX(f.Rs) & mask) && second == (ReadX(f.Rs + 1) & mask))
        {
            if (!TryWrite(address, bytes, ReadX(f.Rt)) || !TryWrite(address + (ulong)bytes, bytes, ReadX(f.Rt + 1)))
                return;
        }
        else if (!TryTranslate(address, AccessKind.Write, exceptionLevel == 0, out _))
        {
            return;
        }
        WriteX(f.Rs, first);
        WriteX(f.Rs + 1, second);
    }

    private void ExecuteAtomicMemoryOperation(uint word)
    {
        var f = new MemoryOperands(word);
        var bytes = 1 << f.Size;
        var bits = 8 * bytes;
        var mask = SizeMask(bytes);
        var address = ReadXOrSp(f.Rn);
        if (!CheckAligned(address, bytes, AccessKind.Write) || !TryRead(address, bytes, out var old))
            return;
        var operand = ReadX(f.Rs) & mask;
        var signedOld = (long)SignExtend(old, bits);
        var signedOperand = (long)SignExtend(operand, bits);
        var result = f.AtomicOp switch
        {
            AtomicOperation.Add => old + operand,
            AtomicOperation.Clear => old & ~operand,
            AtomicOperation.ExclusiveOr => old ^ operand,
            AtomicOperation.Set => old | operand,
            AtomicOperation.SignedMax => signedOld > signedOperand ? old : operand,
            AtomicOperation.SignedMin => signedOld < signedOperand ? old : operand,
            AtomicOperation.UnsignedMax => old > operand ? old : operand,
            _ => old < operand ? old : operand,
        };
        if (!TryWrite(address, bytes, result & mask))
            return;
        WriteX(f.Rt, old);
    }

    private void ExecuteSwap(uint word)
    {
        var f = new MemoryOperands(word);
        var bytes = 1 << f.Size;
        var address = ReadXOrSp(f.Rn);
        if (!CheckAligned(address, bytes, AccessKind.Write) || !TryRead(address, bytes, out var old))
            return;
        if (!TryWrite(address, bytes, ReadX(f.Rs)))
            return;
        WriteX(f.Rt, old);
    }

    private static ulong SizeMask(int bytes) => bytes == 8 ? ulong.MaxValue : (1UL << (8 * bytes)) - 1;
}
