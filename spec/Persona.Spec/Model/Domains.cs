namespace Persona.Spec.Model;

/// <summary>The three security domains: the two personas and the hypervisor.</summary>
public enum Component
{
    /// <summary>The personal persona (the user's own phone).</summary>
    Personal,

    /// <summary>The work persona, managed by IT.</summary>
    Work,

    /// <summary>The hypervisor itself (EL2).</summary>
    Hypervisor,
}

/// <summary>The ownership state of one page for one component, as in pKVM; the zero value is the least privilege.</summary>
public enum PageState
{
    /// <summary>No access (pKVM NOPAGE).</summary>
    None,

    /// <summary>Owned exclusively.</summary>
    Owned,

    /// <summary>Owned, and lent to another component as shared memory.</summary>
    SharedOwned,

    /// <summary>Borrowed from its owner as shared memory.</summary>
    SharedBorrowed,
}

/// <summary>Whose data a page, a device, a partition or a CPU context holds: the information-flow label.</summary>
public enum Label
{
    /// <summary>Scrubbed: zeros, no one's data.</summary>
    Zero,

    /// <summary>Personal data.</summary>
    Personal,

    /// <summary>Work data.</summary>
    Work,

    /// <summary>Hypervisor data (page tables, saved contexts).</summary>
    Hypervisor,

    /// <summary>The work storage key's material.</summary>
    WorkKey,

    /// <summary>Notification metadata: the one declared flow between the personas.</summary>
    Notification,
}

/// <summary>How a device is owned.</summary>
public enum DeviceKind
{
    /// <summary>Assigned to one component at a time, changing hands only by explicit hand-off (camera, GPS).</summary>
    Exclusive,

    /// <summary>Follows the foreground persona (display, touch, audio).</summary>
    Foreground,

    /// <summary>Owned by the hypervisor, which multiplexes it (modem lines, storage partitions, network).</summary>
    Mediated,
}

/// <summary>Where a remote wipe of the work persona stands.</summary>
public enum WipePhase
{
    /// <summary>No wipe ordered.</summary>
    Idle,

    /// <summary>Ordered and under way.</summary>
    InProgress,

    /// <summary>Done: nothing of the work persona remains reachable.</summary>
    Complete,
}

/// <summary>Who issues a command to the hypervisor.</summary>
public enum Authority
{
    /// <summary>No one (the initial value of the wipe's issuer).</summary>
    Nobody,

    /// <summary>The work persona's management authority (IT).</summary>
    WorkManagement,

    /// <summary>The handset's user, from the personal persona.</summary>
    PersonalUser,

    /// <summary>Software inside the work persona.</summary>
    WorkGuest,
}

/// <summary>Whether the work storage key exists.</summary>
public enum KeyState
{
    /// <summary>Held by the hypervisor.</summary>
    Present,

    /// <summary>Destroyed by a wipe; the work partition is unreadable.</summary>
    Destroyed,
}

/// <summary>What a platform memory region is for at boot.</summary>
public enum RegionKind
{
    /// <summary>Not part of RAM the spec tracks (no region).</summary>
    Unassigned,

    /// <summary>Hypervisor code and data.</summary>
    Hypervisor,

    /// <summary>RAM given to the personal persona.</summary>
    Personal,

    /// <summary>RAM given to the work persona.</summary>
    Work,

    /// <summary>Hypervisor-held free pages reserved for the personal persona (its memory quota).</summary>
    PersonalPool,

    /// <summary>Hypervisor-held free pages reserved for the work persona (its memory quota).</summary>
    WorkPool,

    /// <summary>The hypervisor's key store, holding the work partition's key.</summary>
    KeyStore,
}
