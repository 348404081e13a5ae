namespace Persona.Protocols.Testing;

/// <summary>The faults the engine may inject into one iteration of the protocols.</summary>
/// <param name="CoreOffline">Core 1 may go offline when the wipe's stop IPI reaches it.</param>
/// <param name="PowerLoss">The wipe coordinator may lose power once and restart fresh.</param>
/// <param name="LostMessages">One IPI to each core, and one wipe acknowledgement to IT, may be lost.</param>
/// <param name="HungDevice">The camera may never quiesce.</param>
public sealed record ProtocolFaults(bool CoreOffline, bool PowerLoss, bool LostMessages, bool HungDevice)
{
    /// <summary>Every fault enabled (the engine decides per iteration whether and when each strikes).</summary>
    public static ProtocolFaults All { get; } = new(true, true, true, true);

    /// <summary>No faults.</summary>
    public static ProtocolFaults None { get; } = new(false, false, false, false);
}
