namespace Persona.Arm.Platform;

/// <summary>The machine's only notion of time: a tick count that advances with executed instructions, never with the host clock.</summary>
/// <remarks>One tick is one period of the 62.5 MHz system counter. Because time depends only on what ran, a run reproduces bit for bit.</remarks>
public sealed class VirtualClock
{
    /// <summary>Ticks per retired instruction (the machine's <see cref="MachineOptions.TicksPerInstruction"/>).</summary>
    public ulong TicksPerInstruction { get; init; } = 1;

    /// <summary>The system count at the start of the running slice (CNTPCT without offset); see <see cref="TicksAfter"/> for the exact time mid-slice.</summary>
    public ulong Ticks { get; private set; }

    /// <summary>The system count once <paramref name="instructionsIntoSlice"/> more instructions of the running slice have retired.</summary>
    public ulong TicksAfter(ulong instructionsIntoSlice) => Ticks + (instructionsIntoSlice * TicksPerInstruction);

    /// <summary>Advances time by <paramref name="ticks"/>.</summary>
    public void Advance(ulong ticks) => Ticks += ticks;

    /// <summary>Moves time forward to <paramref name="ticks"/>; never backwards.</summary>
    public void AdvanceTo(ulong ticks) => Ticks = Math.Max(Ticks, ticks);
}
