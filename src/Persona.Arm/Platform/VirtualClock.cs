namespace Persona.Arm.Platform;

/// <summary>The machine's only notion of time: a tick count that advances with executed instructions, never with the host clock.</summary>
/// <remarks>One tick is one period of the 62.5 MHz system counter. Because time depends only on what ran, a run reproduces bit for bit.</remarks>
public sealed class VirtualClock
{
    /// <summary>The current system count (CNTPCT without offset).</summary>
    public ulong Ticks { get; private set; }

    /// <summary>Advances time by <paramref name="ticks"/>.</summary>
    public void Advance(ulong ticks) => Ticks += ticks;

    /// <summary>Moves time forward to <paramref name="ticks"/>; never backwards.</summary>
    public void AdvanceTo(ulong ticks) => Ticks = Math.Max(Ticks, ticks);
}
