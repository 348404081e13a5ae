namespace Persona.Protocols;

/// <summary>The seeded protocol bugs: each flag turns one step of the one protocol definition into its broken variant.</summary>
[Flags]
public enum ProtocolBugs
{
    /// <summary>The correct protocols.</summary>
    None = 0,

    /// <summary>A page changes hands (wipe scrub, balloon donate) once the invalidation IPIs are sent, before every core acknowledged them.</summary>
    ReleaseBeforeAllAcks = 1 << 0,

    /// <summary>The device broker serves a request for a device it is still revoking, instead of queueing it.</summary>
    GrantDuringRevoke = 1 << 1,

    /// <summary>The wipe coordinator ignores a repeated wipe command once the wipe is complete, so a lost acknowledgement is never sent again.</summary>
    LostWipeAck = 1 << 2,

    /// <summary>The world-switch manager switches once it has sent the deschedule IPI, before core 0 acknowledged it.</summary>
    SwitchRacesIpi = 1 << 3,

    /// <summary>The wipe coordinator destroys the work key right after unmapping, while work pages are still mapped and owned.</summary>
    KeyDestroyedWhileMapped = 1 << 4,

    /// <summary>The wipe coordinator records the work vCPUs stopped once it has sent the stop IPIs and moves on without waiting for the acknowledgements.</summary>
    StopWithoutAck = 1 << 5,

    /// <summary>The device broker releases a device without waiting for it to quiesce (DMA may be in flight).</summary>
    RevokeWithoutQuiesce = 1 << 6,

    /// <summary>The device broker waits forever for a device that never quiesces (no timeout path).</summary>
    NoQuiesceTimeout = 1 << 7,

    /// <summary>Shoot-downs never resend a lost IPI.</summary>
    NoIpiRetry = 1 << 8,

    /// <summary>Shoot-downs wait for an acknowledgement from a core that went offline.</summary>
    AwaitOfflineCore = 1 << 9,

    /// <summary>After a power loss the wipe coordinator does not resume the wipe recorded in the hypervisor's state.</summary>
    WipeForgottenOnRestart = 1 << 10,

    /// <summary>The work persona posts the message body, not just the notification metadata, on the notification channel.</summary>
    ChannelCarriesBody = 1 << 11,
}
