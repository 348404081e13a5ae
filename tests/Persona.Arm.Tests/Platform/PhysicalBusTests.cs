using Persona.Arm.Contracts;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;

namespace Persona.Arm.Tests.Platform;

public class PhysicalBusTests
{
    private sealed class RecordingDevice : IMmioDevice
    {
        public List<(ulong Offset, int Size, ulong Value)> Writes { get; } = [];

        public bool TryRead(int coreId, ulong offset, int size, out ulong value)
        {
            value = 0xA000 + offset;
            return true;
        }

        public bool TryWrite(int coreId, ulong offset, int size, ulong value)
        {
            Writes.Add((offset, size, value));
            return true;
        }
    }

    private static PhysicalBus NewBus() => new(new RamRegion(0x4000_0000, new byte[0x1000]));

    [Fact]
    public void Device_AccessInsideWindow_ReachesDeviceAtOffset()
    {
        var bus = NewBus();
        var device = new RecordingDevice();
        bus.Map(0x0900_0000, 0x1000, device);

        Assert.True(bus.TryReadDevice(0, 0x0900_0018, 4, out var value));
        Assert.Equal(0xA018UL, value);
        Assert.True(bus.TryWriteDevice(0, 0x0900_0004, 2, 0xBEEF));
        Assert.Equal((0x4UL, 2, 0xBEEFUL), Assert.Single(device.Writes));
    }

    [Fact]
    public void Device_UnmappedOrStraddlingAccess_IsAnExternalAbort()
    {
        var bus = NewBus();
        bus.Map(0x0900_0000, 0x1000, new RecordingDevice());

        Assert.False(bus.TryReadDevice(0, 0x0A00_0000, 4, out _));
        Assert.False(bus.TryWriteDevice(0, 0x0900_0FFE, 4, 0));
        Assert.False(bus.TryReadDevice(0, 0x0, 8, out _));
    }

    [Fact]
    public void Ram_ThroughDevicePath_IsLittleEndian()
    {
        var bus = NewBus();
        Assert.True(bus.TryWriteDevice(0, 0x4000_0010, 8, 0x1122_3344_5566_7788));
        Assert.Equal(0x88, bus.Ram.Bytes[0x10]);
        Assert.Equal(0x11, bus.Ram.Bytes[0x17]);
        Assert.True(bus.TryReadDevice(0, 0x4000_0012, 2, out var half));
        Assert.Equal(0x5566UL, half);
    }

    [Fact]
    public void Map_OverlappingWindows_IsRejected()
    {
        var bus = NewBus();
        bus.Map(0x0900_0000, 0x1000, new RecordingDevice());
        Assert.Throws<InvalidOperationException>(() => bus.Map(0x0900_0800, 0x1000, new RecordingDevice()));
        Assert.Throws<InvalidOperationException>(() => bus.Map(0x4000_0000, 0x1000, new RecordingDevice()));
    }

    [Fact]
    public void Uart_WritesToDataRegister_ReachTheOutputAndFlagsShowIdle()
    {
        using var output = new MemoryStream();
        var uart = new Pl011Uart(output);
        foreach (var b in "hi\n"u8.ToArray())
            uart.TryWrite(0, 0, 4, b);

        Assert.Equal("hi\n"u8.ToArray(), output.ToArray());
        uart.TryRead(0, (ulong)Pl011Register.Flags, 4, out var flags);
        Assert.Equal((ulong)(Pl011Flags.TransmitFifoEmpty | Pl011Flags.ReceiveFifoEmpty), flags);
        uart.TryRead(0, 0xFE0, 4, out var peripheralId0);
        Assert.Equal(0x11UL, peripheralId0);
    }
}
