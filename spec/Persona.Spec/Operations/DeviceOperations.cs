using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Operations;

/// <summary>The device broker's operations: quiesce, release (scrub), grant, use, and the SMMU's map and unmap.</summary>
public static class DeviceOperations
{
    private static readonly Parameter<Device> D = new("d");
    private static readonly Parameter<Component> Who = new("who");
    private static readonly Parameter<Page> P = new("p");
    private static readonly Term<Component> Hypervisor = Lit(Component.Hypervisor);

    /// <summary>The hypervisor stops a device: no request or DMA remains in flight.</summary>
    public static readonly Operation Quiesce = new(
        "quiesce", "Stop a device so that nothing is in flight.",
        [D], Hypervisor,
        s => s.Get(Fields.DeviceAssigned).At(D),
        s => s.WithDevice(Fields.DeviceQuiesced, D, true));

    /// <summary>The hypervisor takes a quiesced device from its owner, scrubbing its state and its SMMU reach.</summary>
    public static readonly Operation Release = new(
        "release", "Take a quiesced device from its owner: scrub its state and clear its DMA reach.",
        [D], Hypervisor,
        s => All(
            s.Get(Fields.DeviceAssigned).At(D),
            s.Get(Fields.DeviceQuiesced).At(D),
            s.Get(Fields.DeviceKinds).At(D) != Lit(DeviceKind.Mediated)),
        s => s.WithDevice(Fields.DeviceAssigned, D, false)
            .WithDevice(Fields.DeviceData, D, Lit(Label.Zero))
            .WithDevice(Fields.DmaReach, D, MapOf<Page, bool>(_ => false)));

    /// <summary>The hypervisor hands an unassigned device to a persona (a foreground device only to the foreground).</summary>
    public static readonly Operation Grant = new(
        "grant", "Hand an unassigned device to a persona.",
        [D, Who], Hypervisor,
        s => All(
            !s.Get(Fields.DeviceAssigned).At(D),
            s.Get(Fields.DeviceKinds).At(D) != Lit(DeviceKind.Mediated),
            Who.Term != Hypervisor,
            (s.Get(Fields.DeviceKinds).At(D) == Lit(DeviceKind.Foreground)).Implies(Who.Term == s.Get(Fields.Foreground)),
            (Who.Term == Lit(Component.Work)).Implies(s.Get(Fields.WorkRunnable))),
        s => s.WithDevice(Fields.DeviceAssigned, D, true)
            .WithDevice(Fields.DeviceOwner, D, Who)
            .WithDevice(Fields.DeviceQuiesced, D, true));

    /// <summary>The owner uses its device: it starts work and its buffers fill with the owner's data.</summary>
    public static readonly Operation Use = new(
        "useDevice", "The owning persona drives its device, filling its buffers with its data.",
        [Who, D], Who,
        s => All(
            Who.Term != Hypervisor,
            (Who.Term == Lit(Component.Work)).Implies(s.Get(Fields.WorkRunnable)),
            s.Holds(Who, D)),
        s => s.WithDevice(Fields.DeviceQuiesced, D, false)
            .WithDevice(Fields.DeviceData, D, State.LabelOf(Who)));

    /// <summary>The hypervisor lets a device reach a page by DMA (an SMMU mapping).</summary>
    public static readonly Operation DmaMap = new(
        "dmaMap", "Map a page into a device's SMMU tables.",
        [D, P], Hypervisor,
        s => All(
            s.Get(Fields.DmaCapable).At(D),
            s.Get(Fields.DeviceAssigned).At(D),
            s.PageState(s.Get(Fields.DeviceOwner).At(D), P) == Lit(PageState.Owned),
            !Observation.InQuota(s, Lit(Component.Personal), P),
            !Observation.InQuota(s, Lit(Component.Work), P),
            s.Content(P) != Lit(Label.WorkKey)),
        s => s.WithDevice(Fields.DmaReach, D, s.Get(Fields.DmaReach).At(D).With(P, true)));

    /// <summary>The hypervisor removes a page from a device's DMA reach.</summary>
    public static readonly Operation DmaUnmap = new(
        "dmaUnmap", "Remove a page from a device's SMMU tables.",
        [D, P], Hypervisor,
        s => s.Reaches(D, P),
        s => s.WithDevice(Fields.DmaReach, D, s.Get(Fields.DmaReach).At(D).With(P, false)));

    /// <summary>A persona's device copies its buffered data into a page it can reach by DMA.</summary>
    public static readonly Operation DmaTransfer = new(
        "dmaTransfer", "A persona's device writes its buffered data into a page through the SMMU.",
        [D, P], Hypervisor,
        s => s.Reaches(D, P) & (s.Get(Fields.DeviceOwner).At(D) != Hypervisor),
        s => s.WithContent(P, s.Get(Fields.DeviceData).At(D)));

    /// <summary>The storage mediator writes a persona's blocks to its partition (work blocks only while the key exists).</summary>
    public static readonly Operation WritePartition = new(
        "writePartition", "The storage mediator writes a persona's blocks to its own partition.",
        [Who], Who,
        s => All(
            Who.Term != Hypervisor,
            (Who.Term == Lit(Component.Work)).Implies(s.Get(Fields.WorkRunnable) & (s.Get(Fields.WorkKey) == Lit(KeyState.Present)))),
        s => s.Set(Fields.Partition, s.Get(Fields.Partition).With(Who, State.LabelOf(Who))));

    /// <summary>All device operations.</summary>
    public static IReadOnlyList<Operation> List => [Quiesce, Release, Grant, Use, DmaMap, DmaUnmap, DmaTransfer, WritePartition];
}
