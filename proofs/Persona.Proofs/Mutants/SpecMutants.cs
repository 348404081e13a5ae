using Persona.Spec;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Proofs.Mutants;

/// <summary>The seeded spec mutants: each breaks one definition, and each must make named obligations fail.</summary>
public static class SpecMutants
{
    /// <summary>Every mutant.</summary>
    public static IReadOnlyList<SpecMutant> All { get; } =
    [
        Make("share-without-owner-check", "share does not check that the sender owns the page",
            Break.DropCheck(PageOperations.Share, "pageState[from]"), "IND.share.MEM-1", "IND.share.MEM-4"),
        Make("share-without-scrub", "opening a channel page does not scrub it, so the borrower reads the lender's data",
            Break.ForgetUpdate(PageOperations.Share, Fields.Content), "IND.share.SHR-5", "IND.share.MEM-4"),
        Make("work-lends-to-personal", "share lets the work persona lend pages to the personal persona",
            Break.DropCheck(PageOperations.Share, "(to = Hypervisor)"), "IND.share.SHR-3"),
        Make("donate-without-scrub", "a donated page reaches the hypervisor's pool with its data",
            Break.ForgetUpdate(PageOperations.Donate, Fields.Content), "IND.donate.WIPE-5"),
        Make("reclaim-from-any-quota", "reclaim lets a persona take pages from the other persona's quota (an allocation covert channel)",
            Break.DropCheck(PageOperations.Reclaim, "poolOf"), "NI-1.reclaim.Personal", "NI-1.reclaim.Work"),
        Make("write-without-mapping", "a persona writes a page it has not mapped",
            Break.DropCheck(PageOperations.WritePage, "mapped[who]"), "IND.writePage.MEM-4"),
        Make("notification-carries-data", "postNotification writes the poster's own data instead of notification metadata",
            Break.Effect(PageOperations.PostNotification, s => s.WithContent(Var<Page>("p"), State.LabelOf(Var<Component>("who")))),
            "IND.postNotification.SHR-5"),
        Make("handoff-without-quiesce", "release hands a device back without quiescing it",
            Break.DropCheck(DeviceOperations.Release, "deviceQuiesced"), "IND.release.DEV-4"),
        Make("handoff-without-scrub", "release does not scrub the device's state",
            Break.ForgetUpdate(DeviceOperations.Release, Fields.DeviceData), "IND.release.DEV-3"),
        Make("dma-reach-kept-on-reassignment", "release does not clear the device's SMMU reach",
            Break.ForgetUpdate(DeviceOperations.Release, Fields.DmaReach), "IND.release.DMA-1"),
        Make("dma-map-foreign-page", "dmaMap does not check that the device's owner owns the page",
            Break.DropCheck(DeviceOperations.DmaMap, "deviceOwner"), "IND.dmaMap.DMA-1"),
        Make("grant-foreground-device-to-background", "grant gives a foreground device to the background persona",
            Break.DropCheck(DeviceOperations.Grant, "foreground"), "IND.grant.DEV-1"),
        Make("switch-keeps-old-context", "the world switch does not restore the target's context",
            Break.ForgetUpdate(SwitchOperations.SwitchTo, Fields.LiveContext), "IND.switchTo.SW-3"),
        Make("switch-restores-wrong-context", "the world switch restores the outgoing persona's saved context instead of the target's",
            Break.Effect(SwitchOperations.SwitchTo, s => SwitchOperations.SwitchTo.Effect(s)
                .Set(Fields.LiveContext, s.Get(Fields.SavedContext).At(s.Get(Fields.Foreground)))), "IND.switchTo.SW-3"),
        Make("wipe-ordered-by-anyone", "orderWipe does not check the issuer",
            Break.DropCheck(WipeOperations.Order, "issuer"), "IND.orderWipe.WIPE-1"),
        Make("wipe-forgets-to-scrub", "the wipe takes work pages into the pool without scrubbing them",
            Break.ForgetUpdate(WipeOperations.ScrubPage, Fields.Content), "IND.wipeScrubPage.WIPE-5"),
        Make("wipe-stops-foreground-work", "the wipe stops the work persona while it is in the foreground",
            Break.DropCheck(WipeOperations.StopWork, "foreground"), "IND.wipeStopWork.SW-4"),
        Make("wipe-completes-early", "the wipe is acknowledged while work pages or devices remain",
            Break.DropCheck(WipeOperations.Complete, "pageState"), "IND.wipeComplete.WIPE-3"),
        Make("wipe-scrubs-returned-page", "the wipe scrubs the pages work borrowed, destroying their lender's data",
            Break.Effect(WipeOperations.ReturnBorrowed, s => WipeOperations.ReturnBorrowed.Effect(s).WithContent(Var<Page>("p"), Lit(Label.Zero))),
            "WIPE-6.wipeReturnBorrowed"),
    ];

    private static SpecMutant Make(string name, string description, Operation broken, params string[] mustRefute) =>
        new(name, description, SpecModel.Default.With(broken), broken.Name, mustRefute);
}
