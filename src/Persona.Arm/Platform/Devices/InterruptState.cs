namespace Persona.Arm.Platform.Devices;

/// <summary>The distributor-side state of one interrupt: enable, pending, active, group, priority, trigger and route.</summary>
internal struct InterruptState
{
    public bool Enabled;
    public bool PendingLatch;
    public bool Active;
    public bool Level;
    public bool Group1;
    public bool EdgeTriggered;
    public byte Priority;
    public ulong Route;

    /// <summary>A level-sensitive interrupt is pending while its line is high, or while software latched it pending.</summary>
    public readonly bool Pending => PendingLatch || (!EdgeTriggered && Level);
}
