using Persona.Arm.Contracts;

namespace Persona.Arm.Platform;

/// <summary>The machine's physical address space: one RAM region on the fast path, and MMIO windows dispatched by address.</summary>
public sealed class PhysicalBus : IPhysicalBus
{
    private MmioWindow[] windows = [];

    /// <summary>Creates a bus whose RAM is <paramref name="ram"/>.</summary>
    public PhysicalBus(RamRegion ram) => Ram = ram;

    /// <inheritdoc />
    public RamRegion Ram { get; }

    /// <summary>Maps <paramref name="device"/> at [<paramref name="baseAddress"/>, +<paramref name="size"/>); overlapping windows are a platform bug.</summary>
    public void Map(ulong baseAddress, ulong size, IMmioDevice device)
    {
        var window = new MmioWindow(baseAddress, size, device);
        foreach (var other in windows)
        {
            if (baseAddress < other.Base + other.Size && other.Base < baseAddress + size)
                throw new InvalidOperationException($"MMIO window 0x{baseAddress:X}+0x{size:X} overlaps 0x{other.Base:X}+0x{other.Size:X}");
        }
        if (Ram.Contains(baseAddress, 1) || (baseAddress < Ram.Base && baseAddress + size > Ram.Base))
            throw new InvalidOperationException($"MMIO window 0x{baseAddress:X}+0x{size:X} overlaps RAM");
        windows = [.. windows.Append(window).OrderBy(w => w.Base)];
    }

    /// <inheritdoc />
    public bool TryReadDevice(int coreId, ulong physicalAddress, int size, out ulong value)
    {
        if (Ram.Contains(physicalAddress, (ulong)size))
        {
            value = ReadRam(physicalAddress, size);
            return true;
        }
        if (Find(physicalAddress, size) is { } window)
            return window.Device.TryRead(coreId, physicalAddress - window.Base, size, out value);
        value = 0;
        return false;
    }

    /// <inheritdoc />
    public bool TryWriteDevice(int coreId, ulong physicalAddress, int size, ulong value)
    {
        if (Ram.Contains(physicalAddress, (ulong)size))
        {
            WriteRam(physicalAddress, size, value);
            return true;
        }
        return Find(physicalAddress, size) is { } window && window.Device.TryWrite(coreId, physicalAddress - window.Base, size, value);
    }

    private MmioWindow? Find(ulong address, int size)
    {
        foreach (var window in windows)
        {
            if (address >= window.Base && address - window.Base < window.Size)
                return address - window.Base + (ulong)size <= window.Size ? window : null;
        }
        return null;
    }

    private ulong ReadRam(ulong address, int size)
    {
        var span = Ram.Bytes.AsSpan((int)(address - Ram.Base), size);
        ulong value = 0;
        for (var i = size - 1; i >= 0; i--)
            value = (value << 8) | span[i];
        return value;
    }

    private void WriteRam(ulong address, int size, ulong value)
    {
        // Not a core's store (those never reach the bus for RAM): a hypervisor or device writing, so decoded code must go.
        var span = Ram.SpanForWrite(address, size);
        for (var i = 0; i < size; i++)
            span[i] = (byte)(value >> (8 * i));
    }
}

/// <summary>One MMIO window on the bus.</summary>
/// <param name="Base">The first physical address of the window.</param>
/// <param name="Size">The window's length in bytes.</param>
/// <param name="Device">The device that answers in it.</param>
public sealed record MmioWindow(ulong Base, ulong Size, IMmioDevice Device);
