using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using static Persona.Spec.Tests.TinyWorld;

namespace Persona.Spec.Tests;

/// <summary>One call of an operation with its arguments.</summary>
internal sealed record Call(Operation Op, (string Name, object Value)[] Args)
{
    public override string ToString() => SpecDriver.Describe(Op, Args);
}

/// <summary>A refused call: the calls that reach the state, the call whose guard is false there, and why.</summary>
internal sealed record Refusal(string Why, Call[] Setup, Call Call);

/// <summary>One operation's cases on the tiny world: a successful call from a reachable state with a check of its effect, and refused calls.</summary>
internal sealed record OperationCase(string Name, Call[] Setup, Call Success, Action<ConcreteState, ConcreteState> Effect, Refusal[] Refusals);

/// <summary>The table of operation cases, keyed by operation name: every operation of <see cref="SpecModel.Default"/> must have a row.</summary>
internal static class OperationCases
{
    private static readonly Call[] StoppedWork = [C(WipeOperations.Order, ("issuer", Authority.WorkManagement)), C(WipeOperations.StopWork)];

    /// <summary>Work has run in the foreground (so its saved context holds work registers) and personal is back in front.</summary>
    private static readonly Call[] WorkHasRun =
    [
        C(DeviceOperations.Release, ("d", Display)),
        C(SwitchOperations.SwitchTo, ("to", Component.Work)),
        C(SwitchOperations.Compute, ("who", Component.Work)),
        C(SwitchOperations.SwitchTo, ("to", Component.Personal)),
    ];

    /// <summary>A wipe up to the point where nothing of work is left but the key.</summary>
    private static readonly Call[] WipedButKey =
    [
        .. WorkHasRun, .. StoppedWork,
        C(WipeOperations.RevokeDevice, ("d", Camera)),
        .. WorkPages.Select(p => C(WipeOperations.ScrubPage, ("p", p))),
    ];

    public static readonly IReadOnlyDictionary<string, OperationCase> ByName = new OperationCase[]
    {
        new("share", [], C(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", PersonalPage)),
            (_, s) =>
            {
                Assert.Equal(PageState.SharedOwned, s.PageStateOf(Component.Personal, PersonalPage));
                Assert.Equal(PageState.SharedBorrowed, s.PageStateOf(Component.Work, PersonalPage));
                Assert.True(s.IsMapped(Component.Work, PersonalPage));
                Assert.True(s.IsChannel(PersonalPage));
                Assert.Equal(Label.Zero, s.ContentOf(PersonalPage));
            },
            [
                new("work lends only to the hypervisor", [], C(PageOperations.Share, ("from", Component.Work), ("to", Component.Personal), ("p", WorkPage))),
                new("a page a device reaches is pinned", [C(DeviceOperations.DmaMap, ("d", Display), ("p", PersonalPage))],
                    C(PageOperations.Share, ("from", Component.Personal), ("to", Component.Hypervisor), ("p", PersonalPage))),
                new("a stopped work persona borrows nothing", StoppedWork,
                    C(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", PersonalPage))),
            ]),
        new("unshare",
            [C(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", PersonalPage)),
             C(PageOperations.PostNotification, ("who", Component.Work), ("p", PersonalPage))],
            C(PageOperations.Unshare, ("from", Component.Personal), ("to", Component.Work), ("p", PersonalPage)),
            (_, s) =>
            {
                Assert.Equal(PageState.Owned, s.PageStateOf(Component.Personal, PersonalPage));
                Assert.Equal(PageState.None, s.PageStateOf(Component.Work, PersonalPage));
                Assert.False(s.IsMapped(Component.Work, PersonalPage));
                Assert.False(s.IsChannel(PersonalPage));
                Assert.Equal(Label.Zero, s.ContentOf(PersonalPage));
            },
            [
                new("only the lender takes a page back", [C(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", PersonalPage))],
                    C(PageOperations.Unshare, ("from", Component.Work), ("to", Component.Personal), ("p", PersonalPage))),
                new("a page that is not lent", [], C(PageOperations.Unshare, ("from", Component.Personal), ("to", Component.Work), ("p", PersonalPage))),
            ]),
        new("donate", [], C(PageOperations.Donate, ("from", Component.Personal), ("p", PersonalPage)),
            (_, s) =>
            {
                Assert.Equal(PageState.None, s.PageStateOf(Component.Personal, PersonalPage));
                Assert.False(s.IsMapped(Component.Personal, PersonalPage));
                Assert.Equal(PageState.Owned, s.PageStateOf(Component.Hypervisor, PersonalPage));
                Assert.Equal(Component.Personal, s.PoolOf(PersonalPage));
                Assert.Equal(Label.Zero, s.ContentOf(PersonalPage));
            },
            [
                new("a pinned page", [C(DeviceOperations.DmaMap, ("d", Display), ("p", PersonalPage))], C(PageOperations.Donate, ("from", Component.Personal), ("p", PersonalPage))),
                new("another persona's page", [], C(PageOperations.Donate, ("from", Component.Personal), ("p", WorkPage))),
            ]),
        new("reclaim", [], C(PageOperations.Reclaim, ("to", Component.Work), ("p", WorkPoolPage)),
            (_, s) =>
            {
                Assert.Equal(PageState.None, s.PageStateOf(Component.Hypervisor, WorkPoolPage));
                Assert.Equal(PageState.Owned, s.PageStateOf(Component.Work, WorkPoolPage));
                Assert.True(s.IsMapped(Component.Work, WorkPoolPage));
                Assert.Equal(Label.Zero, s.ContentOf(WorkPoolPage));
            },
            [
                new("key material is never handed out", [], C(PageOperations.Reclaim, ("to", Component.Personal), ("p", KeyPage))),
                new("the hypervisor does not reclaim from itself", [], C(PageOperations.Reclaim, ("to", Component.Hypervisor), ("p", WorkPoolPage))),
                new("a page in the other persona's quota", [], C(PageOperations.Reclaim, ("to", Component.Personal), ("p", WorkPoolPage))),
                new("a hypervisor page in no persona's quota", [], C(PageOperations.Reclaim, ("to", Component.Personal), ("p", HypervisorPage))),
                new("a page the hypervisor does not own", [], C(PageOperations.Reclaim, ("to", Component.Personal), ("p", WorkPage))),
            ]),
        new("writePage", [C(PageOperations.Reclaim, ("to", Component.Work), ("p", WorkPoolPage))], C(PageOperations.WritePage, ("who", Component.Work), ("p", WorkPoolPage)),
            (_, s) => Assert.Equal(Label.Work, s.ContentOf(WorkPoolPage)),
            [
                new("personal has not mapped a work page", [], C(PageOperations.WritePage, ("who", Component.Personal), ("p", WorkPage))),
                new("channel pages carry only notifications", [C(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", PersonalPage))],
                    C(PageOperations.WritePage, ("who", Component.Personal), ("p", PersonalPage))),
                new("a stopped work persona writes nothing", StoppedWork, C(PageOperations.WritePage, ("who", Component.Work), ("p", WorkPage))),
            ]),
        new("postNotification", [C(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", PersonalPage))],
            C(PageOperations.PostNotification, ("who", Component.Work), ("p", PersonalPage)),
            (_, s) => Assert.Equal(Label.Notification, s.ContentOf(PersonalPage)),
            [new("not a channel page", [], C(PageOperations.PostNotification, ("who", Component.Personal), ("p", PersonalPage2)))]),
        new("quiesce", [C(DeviceOperations.Use, ("who", Component.Work), ("d", Camera))], C(DeviceOperations.Quiesce, ("d", Camera)),
            (before, s) =>
            {
                Assert.False(before.IsQuiesced(Camera));
                Assert.True(s.IsQuiesced(Camera));
                Assert.Equal(Label.Work, s.DataOf(Camera));
            },
            [new("an unassigned device", [C(DeviceOperations.Release, ("d", Display))], C(DeviceOperations.Quiesce, ("d", Display)))]),
        new("release",
            [C(DeviceOperations.Use, ("who", Component.Personal), ("d", Display)), C(DeviceOperations.DmaMap, ("d", Display), ("p", PersonalPage)),
             C(DeviceOperations.Quiesce, ("d", Display))],
            C(DeviceOperations.Release, ("d", Display)),
            (_, s) =>
            {
                Assert.False(s.IsAssigned(Display));
                Assert.Equal(Label.Zero, s.DataOf(Display));
                Assert.False(s.Reaches(Display, PersonalPage));
            },
            [
                new("a device with work in flight", [C(DeviceOperations.Use, ("who", Component.Personal), ("d", Display))], C(DeviceOperations.Release, ("d", Display))),
                new("a mediated device", [], C(DeviceOperations.Release, ("d", Modem))),
            ]),
        new("grant", [C(DeviceOperations.Release, ("d", Camera))], C(DeviceOperations.Grant, ("d", Camera), ("who", Component.Personal)),
            (_, s) =>
            {
                Assert.True(s.IsAssigned(Camera));
                Assert.Equal(Component.Personal, s.OwnerOf(Camera));
                Assert.True(s.IsQuiesced(Camera));
            },
            [
                new("a foreground device goes only to the foreground", [C(DeviceOperations.Release, ("d", Display))],
                    C(DeviceOperations.Grant, ("d", Display), ("who", Component.Work))),
                new("an assigned device", [], C(DeviceOperations.Grant, ("d", Camera), ("who", Component.Personal))),
                new("never to the hypervisor", [C(DeviceOperations.Release, ("d", Camera))], C(DeviceOperations.Grant, ("d", Camera), ("who", Component.Hypervisor))),
                new("never to a stopped work persona", [C(DeviceOperations.Release, ("d", Camera)), .. StoppedWork],
                    C(DeviceOperations.Grant, ("d", Camera), ("who", Component.Work))),
            ]),
        new("useDevice", [], C(DeviceOperations.Use, ("who", Component.Work), ("d", Camera)),
            (_, s) =>
            {
                Assert.False(s.IsQuiesced(Camera));
                Assert.Equal(Label.Work, s.DataOf(Camera));
            },
            [
                new("personal does not hold the camera", [], C(DeviceOperations.Use, ("who", Component.Personal), ("d", Camera))),
                new("a stopped work persona", StoppedWork, C(DeviceOperations.Use, ("who", Component.Work), ("d", Camera))),
            ]),
        new("dmaMap", [], C(DeviceOperations.DmaMap, ("d", Camera), ("p", WorkPage)),
            (_, s) => Assert.True(s.Reaches(Camera, WorkPage)),
            [
                new("a page the device's owner does not own", [], C(DeviceOperations.DmaMap, ("d", Camera), ("p", PersonalPage))),
                new("an unassigned device", [C(DeviceOperations.Release, ("d", Camera))], C(DeviceOperations.DmaMap, ("d", Camera), ("p", WorkPage))),
                new("a page its owner only lends", [C(PageOperations.Share, ("from", Component.Work), ("to", Component.Hypervisor), ("p", WorkPage))],
                    C(DeviceOperations.DmaMap, ("d", Camera), ("p", WorkPage))),
                new("a free page waiting in a persona's quota", [], C(DeviceOperations.DmaMap, ("d", Modem), ("p", PersonalPoolPage))),
            ]),
        new("dmaUnmap", [C(DeviceOperations.DmaMap, ("d", Camera), ("p", WorkPage))], C(DeviceOperations.DmaUnmap, ("d", Camera), ("p", WorkPage)),
            (_, s) => Assert.False(s.Reaches(Camera, WorkPage)),
            [new("a page the device does not reach", [], C(DeviceOperations.DmaUnmap, ("d", Camera), ("p", WorkPage2)))]),
        new("dmaTransfer",
            [C(PageOperations.Reclaim, ("to", Component.Work), ("p", WorkPoolPage)), C(DeviceOperations.DmaMap, ("d", Camera), ("p", WorkPoolPage)),
             C(DeviceOperations.Use, ("who", Component.Work), ("d", Camera))],
            C(DeviceOperations.DmaTransfer, ("d", Camera), ("p", WorkPoolPage)),
            (before, s) =>
            {
                Assert.Equal(Label.Zero, before.ContentOf(WorkPoolPage));
                Assert.Equal(Label.Work, s.ContentOf(WorkPoolPage));
            },
            [
                new("a page the device does not reach", [], C(DeviceOperations.DmaTransfer, ("d", Camera), ("p", WorkPage))),
                new("the hypervisor's own device", [C(DeviceOperations.DmaMap, ("d", Modem), ("p", HypervisorPage))],
                    C(DeviceOperations.DmaTransfer, ("d", Modem), ("p", HypervisorPage))),
            ]),
        new("writePartition", [], C(DeviceOperations.WritePartition, ("who", Component.Work)),
            (_, s) =>
            {
                Assert.Equal(Label.Work, s.PartitionOf(Component.Work));
                Assert.Equal(Label.Personal, s.PartitionOf(Component.Personal));
            },
            [
                new("a stopped work persona", StoppedWork, C(DeviceOperations.WritePartition, ("who", Component.Work))),
                new("the hypervisor has no partition", [], C(DeviceOperations.WritePartition, ("who", Component.Hypervisor))),
            ]),
        new("switchTo", [C(SwitchOperations.Compute, ("who", Component.Personal)), C(DeviceOperations.Release, ("d", Display))],
            C(SwitchOperations.SwitchTo, ("to", Component.Work)),
            (_, s) =>
            {
                Assert.Equal(Component.Work, s.Foreground());
                Assert.Equal(Label.Personal, s.SavedContextOf(Component.Personal));
                Assert.Equal(Label.Zero, s.LiveContext());
            },
            [
                new("foreground devices still assigned", [], C(SwitchOperations.SwitchTo, ("to", Component.Work))),
                new("already in the foreground", [C(DeviceOperations.Release, ("d", Display))], C(SwitchOperations.SwitchTo, ("to", Component.Personal))),
                new("the hypervisor is never the foreground", [C(DeviceOperations.Release, ("d", Display))], C(SwitchOperations.SwitchTo, ("to", Component.Hypervisor))),
                new("a stopped work persona", [C(DeviceOperations.Release, ("d", Display)), .. StoppedWork], C(SwitchOperations.SwitchTo, ("to", Component.Work))),
            ]),
        new("compute", [], C(SwitchOperations.Compute, ("who", Component.Personal)),
            (_, s) => Assert.Equal(Label.Personal, s.LiveContext()),
            [new("work is in the background", [], C(SwitchOperations.Compute, ("who", Component.Work)))]),
        new("orderWipe", [], C(WipeOperations.Order, ("issuer", Authority.WorkManagement)),
            (_, s) =>
            {
                Assert.Equal(WipePhase.InProgress, s.Wipe());
                Assert.Equal(Authority.WorkManagement, (Authority)(int)s.Get(Fields.WipeIssuer));
            },
            [
                new("the personal user", [], C(WipeOperations.Order, ("issuer", Authority.PersonalUser))),
                new("the work guest", [], C(WipeOperations.Order, ("issuer", Authority.WorkGuest))),
                new("nobody", [], C(WipeOperations.Order, ("issuer", Authority.Nobody))),
                new("a second order", [C(WipeOperations.Order, ("issuer", Authority.WorkManagement))], C(WipeOperations.Order, ("issuer", Authority.WorkManagement))),
            ]),
        new("wipeStopWork", [C(WipeOperations.Order, ("issuer", Authority.WorkManagement))], C(WipeOperations.StopWork),
            (_, s) => Assert.False(s.WorkRunnable()),
            [
                new("no wipe ordered", [], C(WipeOperations.StopWork)),
                new("work in the foreground",
                    [C(DeviceOperations.Release, ("d", Display)), C(SwitchOperations.SwitchTo, ("to", Component.Work)), C(WipeOperations.Order, ("issuer", Authority.WorkManagement))],
                    C(WipeOperations.StopWork)),
            ]),
        new("wipeRevokeDevice",
            [C(DeviceOperations.Use, ("who", Component.Work), ("d", Camera)), C(DeviceOperations.DmaMap, ("d", Camera), ("p", WorkPage)),
             C(DeviceOperations.Quiesce, ("d", Camera)), .. StoppedWork],
            C(WipeOperations.RevokeDevice, ("d", Camera)),
            (_, s) =>
            {
                Assert.False(s.IsAssigned(Camera));
                Assert.Equal(Label.Zero, s.DataOf(Camera));
                Assert.False(s.Reaches(Camera, WorkPage));
            },
            [
                new("a device with work in flight", [C(DeviceOperations.Use, ("who", Component.Work), ("d", Camera)), .. StoppedWork], C(WipeOperations.RevokeDevice, ("d", Camera))),
                new("a personal device", StoppedWork, C(WipeOperations.RevokeDevice, ("d", Display))),
                new("work still running", [C(WipeOperations.Order, ("issuer", Authority.WorkManagement))], C(WipeOperations.RevokeDevice, ("d", Camera))),
            ]),
        new("wipeScrubPage", StoppedWork, C(WipeOperations.ScrubPage, ("p", WorkPage)),
            (_, s) =>
            {
                Assert.Equal(PageState.None, s.PageStateOf(Component.Work, WorkPage));
                Assert.False(s.IsMapped(Component.Work, WorkPage));
                Assert.Equal(PageState.Owned, s.PageStateOf(Component.Hypervisor, WorkPage));
                Assert.Equal(Component.Work, s.PoolOf(WorkPage));
                Assert.Equal(Label.Zero, s.ContentOf(WorkPage));
            },
            [
                new("work still running", [C(WipeOperations.Order, ("issuer", Authority.WorkManagement))], C(WipeOperations.ScrubPage, ("p", WorkPage))),
                new("a personal page", StoppedWork, C(WipeOperations.ScrubPage, ("p", PersonalPage))),
                new("a page the camera still reaches", [C(DeviceOperations.DmaMap, ("d", Camera), ("p", WorkPage)), .. StoppedWork], C(WipeOperations.ScrubPage, ("p", WorkPage))),
            ]),
        new("wipeReturnBorrowed",
            [C(PageOperations.Share, ("from", Component.Personal), ("to", Component.Work), ("p", PersonalPage)),
             C(PageOperations.PostNotification, ("who", Component.Personal), ("p", PersonalPage)), .. StoppedWork],
            C(WipeOperations.ReturnBorrowed, ("p", PersonalPage)),
            (_, s) =>
            {
                Assert.Equal(PageState.None, s.PageStateOf(Component.Work, PersonalPage));
                Assert.False(s.IsMapped(Component.Work, PersonalPage));
                Assert.Equal(PageState.Owned, s.PageStateOf(Component.Personal, PersonalPage));
                Assert.True(s.IsMapped(Component.Personal, PersonalPage));
                Assert.False(s.IsChannel(PersonalPage));
                Assert.Equal(Label.Notification, s.ContentOf(PersonalPage));
            },
            [new("a page work owns rather than borrows", StoppedWork, C(WipeOperations.ReturnBorrowed, ("p", WorkPage)))]),
        new("wipeDestroyKey", WipedButKey, C(WipeOperations.DestroyKey),
            (_, s) =>
            {
                Assert.Equal(KeyState.Destroyed, s.WorkKey());
                Assert.Equal(Label.Zero, s.ContentOf(KeyPage));
            },
            [new("work still owns pages", [.. StoppedWork, C(WipeOperations.RevokeDevice, ("d", Camera))], C(WipeOperations.DestroyKey))]),
        new("wipeComplete", [.. WipedButKey, C(WipeOperations.DestroyKey)], C(WipeOperations.Complete),
            (before, s) =>
            {
                Assert.Equal(Label.Work, before.SavedContextOf(Component.Work));
                Assert.Equal(WipePhase.Complete, s.Wipe());
                Assert.Equal(Label.Zero, s.SavedContextOf(Component.Work));
            },
            [new("the key is not destroyed", WipedButKey, C(WipeOperations.Complete))]),
    }.ToDictionary(c => c.Name);

    public static Call C(Operation op, params (string Name, object Value)[] args) => new(op, args);
}
