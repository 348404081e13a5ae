using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Rules;

/// <summary>The DMA- rules: what each DMA master can reach through the SMMU.</summary>
public static class DmaRules
{
    /// <summary>DMA-1.</summary>
    public static readonly Rule DmaReachesOnlyOwnersPages = new(
        "DMA-1",
        "A device reaches by DMA only pages its current owner owns exclusively, and only if it is a DMA master.",
        "DMA bypasses the CPU's stage-2 tables; the SMMU must encode the same ownership (Hyperkernel's IOMMU rule, pKVM's __pkvm_use_dma).",
        s => ForAll<Device>(d => ForAll<Page>(p => s.Reaches(d, p).Implies(
            s.Get(Fields.DmaCapable).At(d) & s.Get(Fields.DeviceAssigned).At(d) &
            (s.PageState(s.Get(Fields.DeviceOwner).At(d), p) == Lit(PageState.Owned))))));

    /// <summary>DMA-2.</summary>
    public static readonly Rule DmaNeverReachesForeignData = new(
        "DMA-2",
        "A persona's device reaches only pages holding zeros, its owner's data, or notification metadata.",
        "Even a correct ownership map is useless if the device can read what was left in a page: reach implies clean or own data.",
        s => ForAll<Device>(d => ForAll<Page>(p => (s.Reaches(d, p) & (s.Get(Fields.DeviceOwner).At(d) != Lit(Component.Hypervisor))).Implies(
            Any(s.Content(p) == Lit(Label.Zero), s.Content(p) == Lit(Label.Notification),
                s.Content(p) == State.LabelOf(s.Get(Fields.DeviceOwner).At(d)))))));

    /// <summary>DMA-3.</summary>
    public static readonly Rule DmaNeverReachesQuotaPages = new(
        "DMA-3",
        "No device reaches a free page waiting in a persona's memory quota.",
        "A page in a quota will be handed to that persona; a device still reaching it would write into the persona's memory later (pKVM refuses to donate DMA-mapped pages).",
        s => ForAll<Device>(d => ForAll<Page>(p => s.Reaches(d, p).Implies(
            !Observation.InQuota(s, Lit(Component.Personal), p) & !Observation.InQuota(s, Lit(Component.Work), p)))));

    /// <summary>DMA-4.</summary>
    public static readonly Rule NoDeviceReachesTheKey = new(
        "DMA-4",
        "No device, not even one the hypervisor mediates, reaches a page holding the work key.",
        "A mediated device (the modem, the network) is driven by firmware the hypervisor does not control; DMA access to the key page would let it read the key out.",
        s => ForAll<Device>(d => ForAll<Page>(p => (s.Content(p) == Lit(Label.WorkKey)).Implies(!s.Reaches(d, p)))));

    /// <summary>All DMA- rules.</summary>
    public static IReadOnlyList<Rule> All => [DmaReachesOnlyOwnersPages, DmaNeverReachesForeignData, DmaNeverReachesQuotaPages, NoDeviceReachesTheKey];
}
