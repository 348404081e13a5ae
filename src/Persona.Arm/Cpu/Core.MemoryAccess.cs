using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Persona.Arm.Memory;

namespace Persona.Arm.Cpu;

/// <summary>Data reads and writes of 1, 2, 4 or 8 bytes through the TLB fast path, with the slow path for misses, devices and page crossings.</summary>
public sealed partial class Core
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryRead(ulong va, int size, out ulong value) => TryRead(va, size, exceptionLevel == 0, out value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryWrite(ulong va, int size, ulong value) => TryWrite(va, size, exceptionLevel == 0, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryRead(ulong va, int size, bool user, out ulong value)
    {
        var virtualPage = va >> 12;
        ref var entry = ref Tlb.Slot(virtualPage, tlbSalt);
        var pageOffset = (long)(va & 0xFFF);
        if (entry.VirtualPage == virtualPage && entry.Context == contextTag && (entry.Asid == currentAsid || entry.Asid == Tlb.GlobalAsid)
            && (entry.Permissions & (user ? PagePermissions.UserRead : PagePermissions.PrivilegedRead)) != 0
            && entry.HostOffset >= 0 && pageOffset + size <= 4096)
        {
            value = ReadRam(entry.HostOffset + pageOffset, size);
            return true;
        }
        return TryReadSlow(va, size, user, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryWrite(ulong va, int size, bool user, ulong value)
    {
        var virtualPage = va >> 12;
        ref var entry = ref Tlb.Slot(virtualPage, tlbSalt);
        var pageOffset = (long)(va & 0xFFF);
        if (entry.VirtualPage == virtualPage && entry.Context == contextTag && (entry.Asid == currentAsid || entry.Asid == Tlb.GlobalAsid)
            && (entry.Permissions & (user ? PagePermissions.UserWrite : PagePermissions.PrivilegedWrite)) != 0
            && entry.HostOffset >= 0 && pageOffset + size <= 4096)
        {
            WriteRam(entry.HostOffset + pageOffset, size, value);
            return true;
        }
        return TryWriteSlow(va, size, user, value);
    }

    private bool TryReadSlow(ulong va, int size, bool user, out ulong value)
    {
        value = 0;
        if ((va & 0xFFF) + (ulong)size > 4096)
        {
            // A page-crossing access: byte by byte, so each page is translated (and may fault) on its own.
            for (var i = 0; i < size; i++)
            {
                if (!TryRead(va + (ulong)i, 1, user, out var b))
                    return false;
                value |= b << (8 * i);
            }
            return true;
        }
        if (!TryTranslate(va, AccessKind.Read, user, out var hostOffset))
            return false;
        if (hostOffset >= 0)
        {
            value = ReadRam(hostOffset, size);
            return true;
        }
        ref var entry = ref Tlb.Slot(va >> 12, tlbSalt);
        if (bus.TryReadDevice(CoreId, entry.PhysicalPage | (va & 0xFFF), size, out value))
            return true;
        RaiseExternalAbort(va, AccessKind.Read);
        return false;
    }

    private bool TryWriteSlow(ulong va, int size, bool user, ulong value)
    {
        if ((va & 0xFFF) + (ulong)size > 4096)
        {
            // Translate both pages before writing any byte, so a fault on the second leaves memory unchanged.
            if (!TryTranslate(va, AccessKind.Write, user, out _) || !TryTranslate(va + (ulong)size - 1, AccessKind.Write, user, out _))
                return false;
            for (var i = 0; i < size; i++)
            {
                if (!TryWrite(va + (ulong)i, 1, user, (value >> (8 * i)) & 0xFF))
                    return false;
            }
            return true;
        }
        if (!TryTranslate(va, AccessKind.Write, user, out var hostOffset))
            return false;
        if (hostOffset >= 0)
        {
            WriteRam(hostOffset, size, value);
            return true;
        }
        ref var entry = ref Tlb.Slot(va >> 12, tlbSalt);
        if (bus.TryWriteDevice(CoreId, entry.PhysicalPage | (va & 0xFFF), size, value))
            return true;
        RaiseExternalAbort(va, AccessKind.Write);
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ReadRam(long offset, int size)
    {
        ref var at = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ram.Bytes), (nint)offset);
        return size switch
        {
            8 => Unsafe.ReadUnaligned<ulong>(ref at),
            4 => Unsafe.ReadUnaligned<uint>(ref at),
            2 => Unsafe.ReadUnaligned<ushort>(ref at),
            _ => at,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteRam(long offset, int size, ulong value)
    {
        ref var at = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ram.Bytes), (nint)offset);
        switch (size)
        {
            case 8: Unsafe.WriteUnaligned(ref at, value); break;
            case 4: Unsafe.WriteUnaligned(ref at, (uint)value); break;
            case 2: Unsafe.WriteUnaligned(ref at, (ushort)value); break;
            default: at = (byte)value; break;
        }
        var page = (int)(offset >> 12);
        if (codeCache.HoldsCode[page] != 0)
            codeCache.InvalidatePage(page);
    }
}
