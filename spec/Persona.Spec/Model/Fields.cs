using Persona.Spec.Terms;

namespace Persona.Spec.Model;

/// <summary>The state variables of the abstract hypervisor: the one list both readings use.</summary>
public static class Fields
{
    /// <summary>Each component's ownership state of each page (pKVM's page-state machine).</summary>
    public static readonly Field<Map<Component, Map<Page, PageState>>> PageStates = new("pageState");

    /// <summary>Whether each page is mapped in each component's stage-2 (or, for the hypervisor, its own) tables.</summary>
    public static readonly Field<Map<Component, Map<Page, bool>>> Mapped = new("mapped");

    /// <summary>Whose data each page holds.</summary>
    public static readonly Field<Map<Page, Label>> Content = new("content");

    /// <summary>Whose memory quota each hypervisor-held free page counts against (the hypervisor's own otherwise).</summary>
    /// <remarks>A shared free pool would let one persona see the other's allocations: a covert channel the NI proofs found.</remarks>
    public static readonly Field<Map<Page, Component>> PoolOf = new("poolOf");

    /// <summary>Which pages belong to the notification channel between the personas.</summary>
    public static readonly Field<Map<Page, bool>> ChannelPage = new("channelPage");

    /// <summary>Each device's ownership kind (fixed by the platform).</summary>
    public static readonly Field<Map<Device, DeviceKind>> DeviceKinds = new("deviceKind");

    /// <summary>Whether each device can master DMA (fixed by the platform).</summary>
    public static readonly Field<Map<Device, bool>> DmaCapable = new("dmaCapable");

    /// <summary>Whether each device is assigned to a component.</summary>
    public static readonly Field<Map<Device, bool>> DeviceAssigned = new("deviceAssigned");

    /// <summary>The component each assigned device belongs to.</summary>
    public static readonly Field<Map<Device, Component>> DeviceOwner = new("deviceOwner");

    /// <summary>Whether each device is quiesced (no operation or DMA in flight).</summary>
    public static readonly Field<Map<Device, bool>> DeviceQuiesced = new("deviceQuiesced");

    /// <summary>Whose data each device's internal state (buffers, registers) holds.</summary>
    public static readonly Field<Map<Device, Label>> DeviceData = new("deviceData");

    /// <summary>The SMMU: which pages each device can reach by DMA.</summary>
    public static readonly Field<Map<Device, Map<Page, bool>>> DmaReach = new("dmaReach");

    /// <summary>The persona in the foreground (on screen).</summary>
    public static readonly Field<Component> Foreground = new("foreground");

    /// <summary>Whose data the live CPU registers hold.</summary>
    public static readonly Field<Label> LiveContext = new("liveContext");

    /// <summary>Whose data each component's saved CPU context holds.</summary>
    public static readonly Field<Map<Component, Label>> SavedContext = new("savedContext");

    /// <summary>Whose data each component's storage partition holds.</summary>
    public static readonly Field<Map<Component, Label>> Partition = new("partition");

    /// <summary>Whether the work partition's key exists.</summary>
    public static readonly Field<KeyState> WorkKey = new("workKey");

    /// <summary>The remote wipe's phase.</summary>
    public static readonly Field<WipePhase> Wipe = new("wipe");

    /// <summary>Who ordered the wipe.</summary>
    public static readonly Field<Authority> WipeIssuer = new("wipeIssuer");

    /// <summary>Whether the work persona's vCPUs may run.</summary>
    public static readonly Field<bool> WorkRunnable = new("workRunnable");

    /// <summary>Every field, in a fixed order.</summary>
    public static readonly IReadOnlyList<IField> All =
    [
        PageStates, Mapped, Content, PoolOf, ChannelPage, DeviceKinds, DmaCapable, DeviceAssigned, DeviceOwner, DeviceQuiesced,
        DeviceData, DmaReach, Foreground, LiveContext, SavedContext, Partition, WorkKey, Wipe, WipeIssuer, WorkRunnable,
    ];
}
