using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Rules;

/// <summary>The DEV- rules: device ownership, hand-off and storage.</summary>
public static class DeviceRules
{
    /// <summary>DEV-1.</summary>
    public static readonly Rule ForegroundDevicesFollowForeground = new(
        "DEV-1",
        "A device that follows the foreground (display, touch, audio) is assigned only to the foreground persona.",
        "The background persona must not draw on the screen, read touches or record audio.",
        s => ForAll<Device>(d => ((s.Get(Fields.DeviceKinds).At(d) == Lit(DeviceKind.Foreground)) & s.Get(Fields.DeviceAssigned).At(d))
            .Implies(s.Get(Fields.DeviceOwner).At(d) == s.Get(Fields.Foreground))));

    /// <summary>DEV-2.</summary>
    public static readonly Rule MediatedDevicesBelongToHypervisor = new(
        "DEV-2",
        "A mediated device (modem, storage, network) is always assigned to the hypervisor.",
        "The hypervisor multiplexes these per persona (a modem line, a partition); handing one to a persona hands it the other's line.",
        s => ForAll<Device>(d => (s.Get(Fields.DeviceKinds).At(d) == Lit(DeviceKind.Mediated)).Implies(
            s.Holds(Lit(Component.Hypervisor), d))));

    /// <summary>DEV-3.</summary>
    public static readonly Rule DeviceStateBelongsToOwner = new(
        "DEV-3",
        "A persona-assignable device's internal state holds only zeros or its current owner's data.",
        "Device buffers carry data across a hand-off unless scrubbed; this is the camera-frame-left-in-the-buffer bug.",
        s => ForAll<Device>(d => (s.Get(Fields.DeviceKinds).At(d) != Lit(DeviceKind.Mediated)).Implies(
            (s.Get(Fields.DeviceData).At(d) == Lit(Label.Zero)) |
            (s.Get(Fields.DeviceAssigned).At(d) & (s.Get(Fields.DeviceData).At(d) == State.LabelOf(s.Get(Fields.DeviceOwner).At(d)))))));

    /// <summary>DEV-4.</summary>
    public static readonly Rule UnassignedDevicesQuiescedAndScrubbed = new(
        "DEV-4",
        "A device between owners is quiesced and scrubbed.",
        "A device changes hands only after it is quiesced and its state is scrubbed; the unassigned state is the hand-off point.",
        s => ForAll<Device>(d => (!s.Get(Fields.DeviceAssigned).At(d)).Implies(
            s.Get(Fields.DeviceQuiesced).At(d) & (s.Get(Fields.DeviceData).At(d) == Lit(Label.Zero)))));

    /// <summary>DEV-5.</summary>
    public static readonly Rule PartitionsHoldOwnData = new(
        "DEV-5",
        "Each persona's storage partition holds only zeros or that persona's data.",
        "The storage mediator must never write one persona's blocks into the other's partition.",
        s => ForAll<Component>(c => (c != Lit(Component.Hypervisor)).Implies(
            (s.Get(Fields.Partition).At(c) == Lit(Label.Zero)) | (s.Get(Fields.Partition).At(c) == State.LabelOf(c)))));

    /// <summary>DEV-6.</summary>
    public static readonly Rule KeyOnlyInHypervisorPages = new(
        "DEV-6",
        "The work key's material lies only in pages the hypervisor owns exclusively.",
        "Only the hypervisor holds the work partition's key; a persona or device that reads it defeats the encryption.",
        s => ForAll<Page>(p => (s.Content(p) == Lit(Label.WorkKey)).Implies(
            s.PageState(Lit(Component.Hypervisor), p) == Lit(PageState.Owned))));

    /// <summary>All DEV- rules.</summary>
    public static IReadOnlyList<Rule> All =>
        [ForegroundDevicesFollowForeground, MediatedDevicesBelongToHypervisor, DeviceStateBelongsToOwner,
         UnassignedDevicesQuiescedAndScrubbed, PartitionsHoldOwnData, KeyOnlyInHypervisorPages];
}
