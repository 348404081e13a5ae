using Persona.Spec.Model;

namespace Persona.Hypervisor.Devices;

/// <summary>The state of a modem line.</summary>
public enum LineStatus : uint
{
    /// <summary>No call.</summary>
    Idle = 0,

    /// <summary>A call is coming in and has not been answered.</summary>
    Ringing = 1,

    /// <summary>A call is in progress.</summary>
    Connected = 2,
}

/// <summary>A command the persona writes to its line's command register.</summary>
public enum ModemCommand : uint
{
    /// <summary>Place a call to the number register.</summary>
    Dial = 1,

    /// <summary>Answer the ringing call.</summary>
    Answer = 2,

    /// <summary>End the call.</summary>
    HangUp = 3,
}

/// <summary>Bits of the line's read-to-clear event register.</summary>
[Flags]
public enum ModemEvents : uint
{
    /// <summary>Nothing happened.</summary>
    None = 0,

    /// <summary>An incoming call rang.</summary>
    Ring = 1,

    /// <summary>The remote side hung up.</summary>
    RemoteHangUp = 2,
}

/// <summary>One persona's line of the platform's mediated modem: a small register window (status, command, number, events) the
/// hypervisor emulates on trapped accesses, and the network side (incoming calls, remote hang-ups) the scenario drives.</summary>
public sealed class ModemLine(Component persona)
{
    /// <summary>Offset of the line status register (read).</summary>
    public const ulong StatusRegister = 0x00;

    /// <summary>Offset of the command register (write).</summary>
    public const ulong CommandRegister = 0x04;

    /// <summary>Offset of the number register: the caller while ringing, the number to dial.</summary>
    public const ulong NumberRegister = 0x08;

    /// <summary>Offset of the read-to-clear event register.</summary>
    public const ulong EventsRegister = 0x0c;

    private ModemEvents events;

    /// <summary>The persona whose line this is.</summary>
    public Component Persona => persona;

    /// <summary>The line's state.</summary>
    public LineStatus Status { get; private set; }

    /// <summary>The caller's number (incoming) or the number dialled.</summary>
    public uint Number { get; private set; }

    /// <summary>The network rings this line; false when the line is busy.</summary>
    public bool Ring(uint caller)
    {
        if (Status != LineStatus.Idle)
            return false;
        Status = LineStatus.Ringing;
        Number = caller;
        events |= ModemEvents.Ring;
        return true;
    }

    /// <summary>The remote side ends the call; false when there was none.</summary>
    public bool RemoteHangUp()
    {
        if (Status == LineStatus.Idle)
            return false;
        Status = LineStatus.Idle;
        events |= ModemEvents.RemoteHangUp;
        return true;
    }

    /// <summary>A register read by the persona.</summary>
    public uint Read(ulong offset)
    {
        switch (offset)
        {
            case StatusRegister:
                return (uint)Status;
            case NumberRegister:
                return Number;
            case EventsRegister:
                var pending = events;
                events = ModemEvents.None;
                return (uint)pending;
            default:
                return 0;
        }
    }

    /// <summary>A register write by the persona; returns what it did, for the log.</summary>
    public string Write(ulong offset, uint value)
    {
        if (offset == NumberRegister)
        {
            Number = value;
            return $"number {value}";
        }
        if (offset != CommandRegister)
            return $"write 0x{value:x} to offset 0x{offset:x} ignored";
        switch ((ModemCommand)value)
        {
            case ModemCommand.Answer when Status == LineStatus.Ringing:
                Status = LineStatus.Connected;
                return "answered";
            case ModemCommand.Dial when Status == LineStatus.Idle:
                Status = LineStatus.Connected;
                return $"dialled {Number}";
            case ModemCommand.HangUp when Status != LineStatus.Idle:
                Status = LineStatus.Idle;
                return "hung up";
            default:
                return $"command {value} refused in state {Status}";
        }
    }
}
