namespace Persona.Protocols.Model;

/// <summary>How often each injected fault struck in one iteration, and how the protocols recovered (for tests that the faults are exercised).</summary>
public sealed class FaultCounters
{
    /// <summary>Cores that went offline.</summary>
    public int CoresOffline { get; set; }

    /// <summary>IPIs resent because no acknowledgement came.</summary>
    public int IpiResends { get; set; }

    /// <summary>Devices cut off at the SMMU because they did not quiesce in time.</summary>
    public int QuiesceTimeouts { get; set; }

    /// <summary>Restarts of the wipe coordinator after a power loss.</summary>
    public int CoordinatorRestarts { get; set; }

    /// <summary>Wipe acknowledgements sent again for a repeated command.</summary>
    public int WipeAcksResent { get; set; }
}
