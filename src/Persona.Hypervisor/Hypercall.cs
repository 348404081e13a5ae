namespace Persona.Hypervisor;

/// <summary>The hypercalls a persona makes with HVC #0: the function in x0, one argument in x1, the result in x0 (guests/persona/kernel.h).</summary>
public enum Hypercall : ulong
{
    /// <summary>Returns the caller's persona (0 personal, 1 work).</summary>
    Status = 0x100,

    /// <summary>Lends the page at IPA x1 to the other persona as a notification page.</summary>
    Share = 0x101,

    /// <summary>Takes back the lent page at IPA x1.</summary>
    Unshare = 0x102,

    /// <summary>Asks for device x1.</summary>
    RequestDevice = 0x103,

    /// <summary>Gives back device x1.</summary>
    ReleaseDevice = 0x104,

    /// <summary>Asks to bring the other persona to the foreground.</summary>
    Switch = 0x105,

    /// <summary>Returns the IPA where a page lent to the caller appears, or 0.</summary>
    Channel = 0x106,

    /// <summary>Lets device x1, which the caller holds, reach the caller's page at IPA x2 by DMA (IOVA = that IPA).</summary>
    DmaMap = 0x107,

    /// <summary>Takes the caller's page at IPA x2 out of device x1's DMA reach.</summary>
    DmaUnmap = 0x108,

    /// <summary>Rings the other persona's doorbell: the caller posted a note on the notification channel (guests/persona/alerts.c).</summary>
    Notify = 0x109,
}

/// <summary>What a hypercall returns in x0 (errors as small negative numbers, two's complement).</summary>
public enum HypercallResult : long
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>An argument is not a page the caller may name (unaligned, outside its RAM, unmapped).</summary>
    BadAddress = -1,

    /// <summary>The spec's guard refuses it (wrong owner, wrong state).</summary>
    Denied = -2,

    /// <summary>No such hypercall or device.</summary>
    Unknown = -3,

    /// <summary>No slot left (channel pages).</summary>
    NoSpace = -4,
}
