using Persona.Spec.Concrete;
using Persona.Spec.Model;
using static Persona.Spec.Tests.TinyWorld;

namespace Persona.Spec.Tests;

/// <summary>One rule's cases on the tiny world: an edit of the boot state where the rule holds (with its premise true where it has one),
/// and edits that break it, one per part of the rule.</summary>
internal sealed record RuleCase(string RuleId, Func<ConcreteState, ConcreteState> Holding, IReadOnlyList<(string Why, Func<ConcreteState, ConcreteState> Edit)> Breaking);

/// <summary>The table of rule cases, keyed by rule id: every rule of <see cref="SpecModel.Default"/> must have a row.</summary>
internal static class RuleCases
{
    public static readonly IReadOnlyDictionary<string, RuleCase> ById = new RuleCase[]
    {
        Case("MEM-1", s => Lend(s, Component.Personal, Component.Work, PersonalPage),
            ("personal and work both own a page", s => s.WithPageState(Component.Work, PersonalPage, PageState.Owned)),
            ("the lender and a second owner", s => Lend(s, Component.Personal, Component.Work, PersonalPage).WithPageState(Component.Hypervisor, PersonalPage, PageState.Owned))),
        Case("MEM-2", s => s.WithMapped(Component.Hypervisor, HypervisorPage, true),
            ("personal maps a work page", s => s.WithMapped(Component.Personal, WorkPage, true)),
            ("work keeps a mapping of a page it gave away", s => s.WithPageState(Component.Work, WorkPage, PageState.None))),
        Case("MEM-3", s => s.WithMapped(Component.Hypervisor, HypervisorPage, true),
            ("personal maps a hypervisor page", s => s.WithMapped(Component.Personal, HypervisorPage, true)),
            ("work borrows a hypervisor-owned page", s => s.WithPageState(Component.Work, KeyPage, PageState.SharedBorrowed))),
        Case("MEM-4", s => s.WithContent(PersonalPage, Label.Notification).WithContent(WorkPage, Label.Zero),
            ("a personal page holds work data", s => s.WithContent(PersonalPage, Label.Work)),
            ("a work page holds hypervisor data", s => s.WithContent(WorkPage, Label.Hypervisor)),
            ("a work page holds key material", s => s.WithContent(WorkPage2, Label.WorkKey))),
        Case("MEM-5", s => s.WithPageState(Component.Personal, PersonalPage, PageState.None).WithMapped(Component.Personal, PersonalPage, false)
                .WithPageState(Component.Hypervisor, PersonalPage, PageState.Owned).WithEntry(Fields.PoolOf, PersonalPage, Component.Personal)
                .WithContent(PersonalPage, Label.Zero),
            ("a page in the personal quota still holds personal data", s => s.WithContent(PersonalPoolPage, Label.Personal)),
            ("the work quota holds key material", s => s.WithContent(WorkPoolPage, Label.WorkKey)),
            ("a hypervisor page moved into the personal quota unscrubbed", s => s.WithEntry(Fields.PoolOf, HypervisorPage, Component.Personal))),
        Case("SHR-1", s => Lend(s, Component.Personal, Component.Work, PersonalPage),
            ("work borrows a page personal owns outright", s => s.WithPageState(Component.Work, PersonalPage, PageState.SharedBorrowed)),
            ("work borrows from itself", s => s.WithPageState(Component.Work, WorkPage, PageState.SharedBorrowed))),
        Case("SHR-2", s => Lend(s, Component.Work, Component.Hypervisor, WorkPage),
            ("personal lends a page nobody borrows", s => s.WithPageState(Component.Personal, PersonalPage, PageState.SharedOwned)),
            ("the borrower gave the page back but the lender still lends it",
                s => Lend(s, Component.Personal, Component.Work, PersonalPage).WithPageState(Component.Work, PersonalPage, PageState.None))),
        Case("SHR-3", s => Lend(s, Component.Work, Component.Hypervisor, WorkPage),
            ("work lends a page to personal", s => Lend(s, Component.Work, Component.Personal, WorkPage))),
        Case("SHR-4", s => Lend(s, Component.Personal, Component.Work, PersonalPage).WithEntry(Fields.ChannelPage, PersonalPage, true),
            ("personal lends work a page that is not a channel page", s => Lend(s, Component.Personal, Component.Work, PersonalPage)),
            ("a channel flag on a page only personal can access", s => s.WithEntry(Fields.ChannelPage, PersonalPage, true))),
        Case("SHR-5", s => Lend(s, Component.Personal, Component.Work, PersonalPage).WithEntry(Fields.ChannelPage, PersonalPage, true)
                .WithContent(PersonalPage, Label.Notification),
            ("a channel page holds personal data", s => s.WithEntry(Fields.ChannelPage, PersonalPage, true)),
            ("a channel page holds key material", s => s.WithEntry(Fields.ChannelPage, KeyPage, true))),
        Case("SHR-6", s => Lend(s, Component.Personal, Component.Hypervisor, PersonalPage),
            ("work and the hypervisor both borrow one page",
                s => Lend(s, Component.Personal, Component.Work, PersonalPage).WithPageState(Component.Hypervisor, PersonalPage, PageState.SharedBorrowed))),
        Case("SHR-7", s => Lend(s, Component.Personal, Component.Hypervisor, PersonalPage),
            ("the hypervisor lends its own page to personal", s => Lend(s, Component.Hypervisor, Component.Personal, HypervisorPage)),
            ("the hypervisor marks the key page lent", s => s.WithPageState(Component.Hypervisor, KeyPage, PageState.SharedOwned))),
        Case("DEV-1", s => s.WithEntry(Fields.DeviceOwner, Display, Component.Work).WithField(Fields.Foreground, Component.Work),
            ("work comes to the foreground while personal keeps the display", s => s.WithField(Fields.Foreground, Component.Work)),
            ("the display is handed to the background persona", s => s.WithEntry(Fields.DeviceOwner, Display, Component.Work))),
        Case("DEV-2", s => s.WithEntry(Fields.DeviceQuiesced, Modem, false),
            ("the modem is handed to work", s => s.WithEntry(Fields.DeviceOwner, Modem, Component.Work)),
            ("the modem is unassigned", s => s.WithEntry(Fields.DeviceAssigned, Modem, false))),
        Case("DEV-3", s => s.WithEntry(Fields.DeviceData, Camera, Label.Work).WithEntry(Fields.DeviceData, Display, Label.Personal),
            ("the camera, held by work, holds a personal frame", s => s.WithEntry(Fields.DeviceData, Camera, Label.Personal)),
            ("an unassigned camera still holds work data", s => s.WithEntry(Fields.DeviceData, Camera, Label.Work).WithEntry(Fields.DeviceAssigned, Camera, false))),
        Case("DEV-4", s => s.WithEntry(Fields.DeviceAssigned, Camera, false),
            ("an unassigned camera is still running", s => s.WithEntry(Fields.DeviceAssigned, Camera, false).WithEntry(Fields.DeviceQuiesced, Camera, false)),
            ("an unassigned display still holds a frame", s => s.WithEntry(Fields.DeviceAssigned, Display, false).WithEntry(Fields.DeviceData, Display, Label.Personal))),
        Case("DEV-5", s => s.WithEntry(Fields.Partition, Component.Work, Label.Zero).WithEntry(Fields.Partition, Component.Hypervisor, Label.Work),
            ("work blocks in the personal partition", s => s.WithEntry(Fields.Partition, Component.Personal, Label.Work)),
            ("notification metadata in the work partition", s => s.WithEntry(Fields.Partition, Component.Work, Label.Notification))),
        Case("DEV-6", s => s.WithContent(HypervisorPage, Label.WorkKey),
            ("key material in a personal page", s => s.WithContent(PersonalPage, Label.WorkKey)),
            ("the hypervisor lends the key page", s => s.WithPageState(Component.Hypervisor, KeyPage, PageState.SharedOwned))),
        Case("DMA-1", s => s.WithReach(Camera, WorkPage, true).WithReach(Modem, HypervisorPage, true),
            ("the work camera reaches a personal page", s => s.WithReach(Camera, PersonalPage, true)),
            ("a camera that is not a DMA master reaches a page", s => s.WithReach(Camera, WorkPage, true).WithEntry(Fields.DmaCapable, Camera, false)),
            ("an unassigned camera reaches a page", s => s.WithReach(Camera, WorkPage, true).WithEntry(Fields.DeviceAssigned, Camera, false)),
            ("the camera reaches a page work only lends", s => Lend(s.WithReach(Camera, WorkPage, true), Component.Work, Component.Hypervisor, WorkPage))),
        Case("DMA-2", s => s.WithReach(Camera, WorkPage, true).WithReach(Camera, WorkPage2, true).WithContent(WorkPage2, Label.Notification)
                .WithReach(Modem, KeyPage, true),
            ("the work camera reaches a page holding personal data", s => s.WithReach(Camera, WorkPage, true).WithContent(WorkPage, Label.Personal))),
        Case("DMA-3", s => s.WithReach(Camera, WorkPage, true).WithReach(Modem, HypervisorPage, true),
            ("the modem reaches a free page in the personal quota", s => s.WithReach(Modem, PersonalPoolPage, true)),
            ("the camera reaches a free page in the work quota", s => s.WithReach(Camera, WorkPoolPage, true)),
            ("a page the modem reaches is put in the work quota",
                s => s.WithReach(Modem, HypervisorPage, true).WithEntry(Fields.PoolOf, HypervisorPage, Component.Work))),
        Case("DMA-4", s => s.WithReach(Modem, HypervisorPage, true).WithReach(Camera, WorkPage, true),
            ("the modem reaches the key page", s => s.WithReach(Modem, KeyPage, true)),
            ("key material is copied into a page the camera reaches", s => s.WithReach(Camera, WorkPage, true).WithContent(WorkPage, Label.WorkKey))),
        Case("WIPE-1", s => s.WithField(Fields.Wipe, WipePhase.InProgress).WithField(Fields.WipeIssuer, Authority.WorkManagement),
            ("a wipe ordered by the personal user", s => s.WithField(Fields.Wipe, WipePhase.InProgress).WithField(Fields.WipeIssuer, Authority.PersonalUser)),
            ("a wipe completed with no issuer", s => s.WithField(Fields.Wipe, WipePhase.Complete))),
        Case("WIPE-2", s => s.WithField(Fields.Wipe, WipePhase.Complete).WithField(Fields.WorkRunnable, false),
            ("work still runnable after the wipe completed", s => s.WithField(Fields.Wipe, WipePhase.Complete))),
        Case("WIPE-3", Wiped,
            ("the key survives", s => Wiped(s).WithField(Fields.WorkKey, KeyState.Present)),
            ("the saved work context survives", s => Wiped(s).WithEntry(Fields.SavedContext, Component.Work, Label.Work)),
            ("work still owns a page", s => Wiped(s).WithPageState(Component.Work, WorkPage3, PageState.Owned)),
            ("work still has a mapping", s => Wiped(s).WithMapped(Component.Work, WorkPage3, true)),
            ("work data left in a quota page", s => Wiped(s).WithContent(WorkPoolPage, Label.Work)),
            ("work still holds the camera", s => Wiped(s).WithEntry(Fields.DeviceAssigned, Camera, true))),
        Case("WIPE-4", s => s.WithField(Fields.WorkKey, KeyState.Destroyed).WithField(Fields.Wipe, WipePhase.InProgress),
            ("the key destroyed with no wipe", s => s.WithField(Fields.WorkKey, KeyState.Destroyed))),
        Case("WIPE-5", s => Lend(s, Component.Work, Component.Hypervisor, WorkPage),
            ("work data in the personal quota", s => s.WithContent(PersonalPoolPage, Label.Work)),
            ("work data in a page work gave away", s => s.WithPageState(Component.Work, WorkPage, PageState.None))),
        Case("SW-1", s => s.WithEntry(Fields.DeviceAssigned, Display, false).WithField(Fields.Foreground, Component.Work),
            ("the hypervisor in the foreground", s => s.WithField(Fields.Foreground, Component.Hypervisor))),
        Case("SW-2", s => s.WithEntry(Fields.SavedContext, Component.Work, Label.Work).WithEntry(Fields.SavedContext, Component.Personal, Label.Personal)
                .WithEntry(Fields.SavedContext, Component.Hypervisor, Label.Work),
            ("work's registers saved in personal's slot", s => s.WithEntry(Fields.SavedContext, Component.Personal, Label.Work)),
            ("personal's registers saved in work's slot", s => s.WithEntry(Fields.SavedContext, Component.Work, Label.Personal))),
        Case("SW-3", s => s.WithField(Fields.LiveContext, Label.Personal),
            ("work's registers live while personal is in the foreground", s => s.WithField(Fields.LiveContext, Label.Work)),
            ("personal's registers live after work came to the foreground",
                s => s.WithField(Fields.LiveContext, Label.Personal).WithField(Fields.Foreground, Component.Work))),
        Case("SW-4", s => s.WithField(Fields.Foreground, Component.Work),
            ("a stopped work persona in the foreground", s => s.WithField(Fields.Foreground, Component.Work).WithField(Fields.WorkRunnable, false))),
    }.ToDictionary(c => c.RuleId);

    /// <summary>The state where <paramref name="lender"/> lends page <paramref name="page"/> to <paramref name="borrower"/> (mapped for the borrower).</summary>
    public static ConcreteState Lend(ConcreteState s, Component lender, Component borrower, long page) =>
        s.WithPageState(lender, page, PageState.SharedOwned)
            .WithPageState(borrower, page, PageState.SharedBorrowed)
            .WithMapped(borrower, page, true);

    /// <summary>The boot state after a completed remote wipe, built by hand (OperationTests builds it with the wipe operations).</summary>
    public static ConcreteState Wiped(ConcreteState s)
    {
        foreach (var p in WorkPages)
        {
            s = s.WithPageState(Component.Work, p, PageState.None).WithMapped(Component.Work, p, false)
                .WithPageState(Component.Hypervisor, p, PageState.Owned).WithEntry(Fields.PoolOf, p, Component.Work).WithContent(p, Label.Zero);
        }
        return s.WithEntry(Fields.DeviceAssigned, Camera, false)
            .WithContent(KeyPage, Label.Zero)
            .WithField(Fields.WorkKey, KeyState.Destroyed)
            .WithField(Fields.WorkRunnable, false)
            .WithField(Fields.WipeIssuer, Authority.WorkManagement)
            .WithField(Fields.Wipe, WipePhase.Complete);
    }

    private static RuleCase Case(string id, Func<ConcreteState, ConcreteState> holding, params (string Why, Func<ConcreteState, ConcreteState> Edit)[] breaking) =>
        new(id, holding, breaking);
}
