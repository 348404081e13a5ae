using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Persona.Arm.Memory;

namespace Persona.Arm.Cpu;

/// <summary>Data reads and writes of 1, 2, 4 or 8 bytes through the TLB fast path, with the slow path for misses, devices and page crossings.</summary>
public sealed partial class Core
{
    private const int FastTlbSize = 256;

    // A small direct-mapped cache of the main TLB for the current regime and EL's own privilege, checked first on every
    // data access. Tags are (VA page | generation); bumping the generation empties it on any change of regime, EL or TLB.
    private readonly FastTlbEntry[] fastTlb = new FastTlbEntry[FastTlbSize];
    private ulong fastGeneration = 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryRead(ulong va, int size, out ulong value)
    {
        ref var entry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(fastTlb), (nint)((va >> 12) & (FastTlbSize - 1)));
        var pageOffset = (long)(va & 0xFFF);
        if (entry.ReadTag == ((va & ~0xFFFUL) | fastGeneration) && pageOffset + size <= 4096)
        {
            value = ReadRam(entry.HostOffset + pageOffset, size);
            return true;
        }
        return TryReadSlow(va, size, exceptionLevel == 0, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryWrite(ulong va, int size, ulong value)
    {
        ref var entry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(fastTlb), (nint)((va >> 12) & (FastTlbSize - 1)));
        var pageOffset = (long)(va & 0xFFF);
        if (entry.WriteTag == ((va & ~0xFFFUL) | fastGeneration) && pageOffset + size <= 4096)
        {
            WriteRam(entry.HostOffset + pageOffset, size, value);
            return true;
        }
        return TryWriteSlow(va, size, exceptionLevel == 0, value);
    }

    // Empties the fast TLB (regime, EL or TLB contents changed).
    private void ForgetFastTlb()
    {
        if (++fastGeneration < 4096)
            return;
        Array.Clear(fastTlb);
        fastGeneration = 1;
    }

    // After a slow-path access at the EL's own privilege succeeded on a RAM page, caches the main TLB entry's permissions.
    private void FillFastTlb(ulong va, bool user)
    {
        if (user != (exceptionLevel == 0) || dataFastPathDisabled)
            return;
        ref var main = ref Tlb.Slot(va >> 12, tlbSalt);
        if (main.VirtualPage != va >> 12 || main.Context != contextTag || main.HostOffset < 0)
            return;
        var tag = (va & ~0xFFFUL) | fastGeneration;
        var shift = user ? 0 : 3;
        ref var entry = ref fastTlb[(int)((va >> 12) & (FastTlbSize - 1))];
        entry.ReadTag = ((int)main.Permissions & (1 << shift)) != 0 ? tag : 0;
        entry.WriteTag = ((int)main.Permissions & (2 << shift)) != 0 ? tag : 0;
        entry.HostOffset = main.HostOffset;
    }

    private struct FastTlbEntry
    {
        public ulong ReadTag;
        public ulong WriteTag;
        public long HostOffset;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryRead(ulong va, int size, bool user, out ulong value)
    {
        if (user == (exceptionLevel == 0))
            return TryRead(va, size, out value);
        var virtualPage = va >> 12;
        ref var entry = ref Tlb.Slot(virtualPage, tlbSalt);
        var pageOffset = (long)(va & 0xFFF);
        if (!dataFastPathDisabled && entry.VirtualPage == virtualPage && entry.Context == contextTag && (entry.Asid == currentAsid || entry.Asid == Tlb.GlobalAsid)
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
        if (user == (exceptionLevel == 0))
            return TryWrite(va, size, value);
        var virtualPage = va >> 12;
        ref var entry = ref Tlb.Slot(virtualPage, tlbSalt);
        var pageOffset = (long)(va & 0xFFF);
        if (!dataFastPathDisabled && entry.VirtualPage == virtualPage && entry.Context == contextTag && (entry.Asid == currentAsid || entry.Asid == Tlb.GlobalAsid)
            && (entry.Permissions & (user ? PagePermissions.UserWrite : PagePermissions.PrivilegedWrite)) != 0
            && entry.HostOffset >= 0 && pageOffset + size <= 4096)
        {
            WriteRam(entry.HostOffset + pageOffset, size, value);
            return true;
        }
        return TryWriteSlow(va, size, user, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryReadSlow(ulong va, int size, bool user, out ulong value)
    {
        value = 0;
        if (alignmentChecked && (va & (ulong)(size - 1)) != 0)
        {
            RaiseAlignmentFault(va, AccessKind.Read);
            return false;
        }
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
        ReportAccess(va, size, isWrite: false);
        if (hostOffset >= 0)
        {
            value = ReadRam(hostOffset, size);
            FillFastTlb(va, user);
            return true;
        }
        ref var entry = ref Tlb.Slot(va >> 12, tlbSalt);
        if (bus.TryReadDevice(CoreId, entry.PhysicalPage | (va & 0xFFF), size, out value))
            return true;
        RaiseExternalAbort(va, AccessKind.Read);
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryWriteSlow(ulong va, int size, bool user, ulong value)
    {
        if (alignmentChecked && (va & (ulong)(size - 1)) != 0)
        {
            RaiseAlignmentFault(va, AccessKind.Write);
            return false;
        }
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
        ReportAccess(va, size, isWrite: true);
        if (hostOffset >= 0)
        {
            WriteRam(hostOffset, size, value);
            FillFastTlb(va, user);
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
        ref var at = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ramBytes), (nint)offset);
        // Tested in order of frequency in compiled code: 8-byte accesses dominate.
        if (size == 8)
            return Unsafe.ReadUnaligned<ulong>(ref at);
        if (size == 4)
            return Unsafe.ReadUnaligned<uint>(ref at);
        return size == 2 ? Unsafe.ReadUnaligned<ushort>(ref at) : at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteRam(long offset, int size, ulong value)
    {
        ref var at = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ramBytes), (nint)offset);
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
