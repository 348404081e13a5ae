namespace Persona.Arm.Platform.Devices;

/// <summary>An ARM PrimeCell PL011 UART with transmit only: bytes written to UARTDR go to the output stream at once.</summary>
/// <remarks>The receive FIFO stays empty (no input in a deterministic run); the control registers keep what is written
/// so that drivers which read them back see their own values.</remarks>
public sealed class Pl011Uart(Stream output) : IMmioDevice
{
    private readonly uint[] controls = new uint[(int)Pl011Register.InterruptClear / 4 + 1];

    /// <inheritdoc />
    public bool TryRead(int coreId, ulong offset, int size, out ulong value)
    {
        value = offset switch
        {
            (ulong)Pl011Register.Data => 0,
            (ulong)Pl011Register.Flags => (ulong)(Pl011Flags.TransmitFifoEmpty | Pl011Flags.ReceiveFifoEmpty),
            (ulong)Pl011Register.RawInterruptStatus or (ulong)Pl011Register.MaskedInterruptStatus => 0,
            >= 0xFE0 and < 0x1000 => IdentificationByte((int)(offset - 0xFE0) / 4),
            < (ulong)Pl011Register.InterruptClear => controls[offset / 4],
            _ => 0,
        };
        return true;
    }

    /// <inheritdoc />
    public bool TryWrite(int coreId, ulong offset, int size, ulong value)
    {
        if (offset == (ulong)Pl011Register.Data)
        {
            var b = (byte)value;
            output.WriteByte(b);
            if (b == (byte)'\n')
                output.Flush();
        }
        else if (offset < (ulong)Pl011Register.InterruptClear && offset != (ulong)Pl011Register.Flags)
        {
            controls[offset / 4] = (uint)value;
        }
        return true;
    }

    // PeriphID0-3 then PCellID0-3, the values a PL011 r1p5 reports.
    private static ulong IdentificationByte(int index) =>
        index switch { 0 => 0x11, 1 => 0x10, 2 => 0x14, 3 => 0x00, 4 => 0x0D, 5 => 0xF0, 6 => 0x05, 7 => 0xB1, _ => 0 };
}

/// <summary>PL011 register offsets.</summary>
public enum Pl011Register : ulong
{
    /// <summary>UARTDR: transmit/receive data.</summary>
    Data = 0x000,

    /// <summary>UARTFR: FIFO and busy flags.</summary>
    Flags = 0x018,

    /// <summary>UARTIBRD: integer baud divisor.</summary>
    IntegerBaud = 0x024,

    /// <summary>UARTLCR_H: line control.</summary>
    LineControl = 0x02C,

    /// <summary>UARTCR: control.</summary>
    Control = 0x030,

    /// <summary>UARTIMSC: interrupt mask.</summary>
    InterruptMask = 0x038,

    /// <summary>UARTRIS: raw interrupt status.</summary>
    RawInterruptStatus = 0x03C,

    /// <summary>UARTMIS: masked interrupt status.</summary>
    MaskedInterruptStatus = 0x040,

    /// <summary>UARTICR: interrupt clear.</summary>
    InterruptClear = 0x044,
}

/// <summary>UARTFR bits.</summary>
[Flags]
public enum Pl011Flags : uint
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>RXFE: the receive FIFO is empty.</summary>
    ReceiveFifoEmpty = 1 << 4,

    /// <summary>TXFE: the transmit FIFO is empty.</summary>
    TransmitFifoEmpty = 1 << 7,
}
