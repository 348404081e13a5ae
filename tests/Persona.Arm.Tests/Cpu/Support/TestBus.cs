using Persona.Arm.Contracts;

namespace Persona.Arm.Tests.Cpu.Support;

/// <summary>A bus for core tests: RAM at 0x4000_0000 and one scratch MMIO device that records accesses.</summary>
public sealed class TestBus(int ramBytes = 8 << 20) : IPhysicalBus
{
    /// <summary>The RAM base, as on QEMU virt.</summary>
    public const ulong RamBase = 0x4000_0000;

    /// <summary>The MMIO page that answers reads with 0 and records writes.</summary>
    public const ulong DevicePage = 0x0900_0000;

    public RamRegion Ram { get; } = new(RamBase, new byte[ramBytes]);

    /// <summary>Writes the device page received, in order (address, value).</summary>
    public List<(ulong Address, ulong Value)> DeviceWrites { get; } = [];

    public bool TryReadDevice(int coreId, ulong physicalAddress, int size, out ulong value)
    {
        value = 0;
        return physicalAddress >> 12 == DevicePage >> 12;
    }

    public bool TryWriteDevice(int coreId, ulong physicalAddress, int size, ulong value)
    {
        if (physicalAddress >> 12 != DevicePage >> 12)
            return false;
        DeviceWrites.Add((physicalAddress, value));
        return true;
    }

    /// <summary>Copies bytes into RAM at a physical address.</summary>
    public void Load(ulong physicalAddress, ReadOnlySpan<byte> bytes) => bytes.CopyTo(Ram.Bytes.AsSpan((int)(physicalAddress - RamBase)));

    /// <summary>Writes a little-endian 64-bit value into RAM.</summary>
    public void Write64(ulong physicalAddress, ulong value) =>
        BitConverter.TryWriteBytes(Ram.Bytes.AsSpan((int)(physicalAddress - RamBase), 8), value);

    /// <summary>Reads a little-endian 64-bit value from RAM.</summary>
    public ulong Read64(ulong physicalAddress) => BitConverter.ToUInt64(Ram.Bytes, (int)(physicalAddress - RamBase));
}

/// <summary>Platform services for core tests: a counter and a firmware that claims nothing unless told to.</summary>
public sealed class TestPlatform : IPlatformServices
{
    public ulong PhysicalCount { get; set; }

    public ulong CounterFrequency => Persona.Arm.Platform.PlatformMap.CounterFrequency;

    /// <summary>Firmware calls seen, as (core, x0, isSmc).</summary>
    public List<(int Core, ulong Function, bool IsSmc)> FirmwareCalls { get; } = [];

    /// <summary>When true, every firmware call is claimed and answers x0 = 0.</summary>
    public bool ClaimFirmwareCalls { get; set; }

    public bool TryHandleFirmwareCall(int coreId, IGeneralRegisters registers, bool isSmc)
    {
        FirmwareCalls.Add((coreId, registers.GetX(0), isSmc));
        if (!ClaimFirmwareCalls)
            return false;
        registers.SetX(0, 0);
        return true;
    }
}

/// <summary>Records every exception a core takes.</summary>
public sealed class ExceptionLog : Persona.Arm.Contracts.IExceptionObserver
{
    public List<ExceptionRecord> Records { get; } = [];

    public void OnExceptionTaken(in ExceptionRecord record) => Records.Add(record);
}
