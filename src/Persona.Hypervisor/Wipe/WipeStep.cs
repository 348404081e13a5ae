namespace Persona.Hypervisor.Wipe;

/// <summary>The remote wipe's steps in the order they run (the protocol's, with release before the key as the spec's
/// <c>wipeDestroyKey</c> guard requires), as the journal records the next one to perform.</summary>
public enum WipeStep : byte
{
    /// <summary>No wipe ordered.</summary>
    None = 0,

    /// <summary>1. Stop the work vCPUs on every core (once every core has left the work persona).</summary>
    StopWork = 1,

    /// <summary>2. Revoke the devices the work persona holds.</summary>
    RevokeDevices = 2,

    /// <summary>3. Return borrowed pages and remove every work page from work's stage 2.</summary>
    Unmap = 3,

    /// <summary>4. Invalidate the work VMID's TLB entries on every core.</summary>
    InvalidateTlbs = 4,

    /// <summary>5. Scrub (zero) every work page.</summary>
    Scrub = 5,

    /// <summary>6. Release the pages into the work quota of the hypervisor's pool.</summary>
    Release = 6,

    /// <summary>7. Destroy the work key in the key store.</summary>
    DestroyKey = 7,

    /// <summary>8. Clear the work contexts and acknowledge to IT.</summary>
    Acknowledge = 8,

    /// <summary>The wipe is complete and acknowledged.</summary>
    Done = 9,
}
