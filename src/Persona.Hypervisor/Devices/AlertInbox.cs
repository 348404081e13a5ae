namespace Persona.Hypervisor.Devices;

/// <summary>A persona's alert inbox, a window the hypervisor emulates at <see cref="DeviceLayout.AlertIpa"/>: the app alerts waiting
/// for the persona to post them on the notification channel (guests/persona/alerts.c), oldest first.</summary>
/// <remarks>Registers: <see cref="LengthRegister"/> (read: the oldest alert's length, 0 when none), <see cref="PopRegister"/> (write:
/// drop the oldest), <see cref="TextRegister"/> + 4·i (read: its byte i, 0 past its end).</remarks>
public sealed class AlertInbox
{
    /// <summary>The length register's offset.</summary>
    public const ulong LengthRegister = 0x00;

    /// <summary>The pop register's offset.</summary>
    public const ulong PopRegister = 0x04;

    /// <summary>The text window's offset (one byte per 32-bit register).</summary>
    public const ulong TextRegister = 0x100;

    /// <summary>The longest alert, in characters (a channel slot holds it with its terminating zero).</summary>
    public const int MaxLength = 120;

    /// <summary>How many alerts may wait; more are refused (the hypervisor logs it).</summary>
    public const int Capacity = 16;

    private readonly Queue<string> waiting = new();

    /// <summary>How many alerts wait.</summary>
    public int Count => waiting.Count;

    /// <summary>Adds an alert; false when the inbox is full.</summary>
    public bool Add(string text)
    {
        if (waiting.Count >= Capacity)
            return false;
        waiting.Enqueue(text);
        return true;
    }

    /// <summary>A read of a register (anything else reads as zero).</summary>
    public uint Read(ulong offset)
    {
        if (!waiting.TryPeek(out var oldest))
            return 0;
        if (offset == LengthRegister)
            return (uint)oldest.Length;
        if (offset >= TextRegister && (offset - TextRegister) % 4 == 0 && (offset - TextRegister) / 4 < (ulong)oldest.Length)
            return oldest[(int)((offset - TextRegister) / 4)];
        return 0;
    }

    /// <summary>A write of a register: the pop register drops the oldest alert, anything else is ignored.</summary>
    public void Write(ulong offset)
    {
        if (offset == PopRegister)
            waiting.TryDequeue(out _);
    }
}
