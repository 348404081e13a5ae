using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Rules;

/// <summary>The SHR- rules: lending and borrowing pages, and the notification channel.</summary>
public static class SharingRules
{
    /// <summary>SHR-1.</summary>
    public static readonly Rule BorrowerHasLender = new(
        "SHR-1",
        "A borrowed page has a lender: some other component holds it shared-owned.",
        "A borrow without a lender is memory no one can take back or account for (pKVM's page-state machine).",
        s => ForAll<Component>(c => ForAll<Page>(p => (s.PageState(c, p) == Lit(PageState.SharedBorrowed)).Implies(
            Exists<Component>(o => (o != c) & (s.PageState(o, p) == Lit(PageState.SharedOwned)))))));

    /// <summary>SHR-2.</summary>
    public static readonly Rule LenderHasBorrower = new(
        "SHR-2",
        "A lent page has a borrower: some other component holds it shared-borrowed.",
        "A lender without a borrower would refuse operations forever and hide a lost unshare.",
        s => ForAll<Component>(c => ForAll<Page>(p => (s.PageState(c, p) == Lit(PageState.SharedOwned)).Implies(
            Exists<Component>(o => (o != c) & (s.PageState(o, p) == Lit(PageState.SharedBorrowed)))))));

    /// <summary>SHR-3.</summary>
    public static readonly Rule WorkLendsOnlyToHypervisor = new(
        "SHR-3",
        "The work persona lends pages only to the hypervisor, never to the personal persona.",
        "A wipe must remove everything work owns without taking anything away from the personal side.",
        s => ForAll<Page>(p => (s.PageState(Lit(Component.Work), p) == Lit(PageState.SharedOwned)).Implies(
            !s.CanAccess(Lit(Component.Personal), p))));

    /// <summary>SHR-4.</summary>
    public static readonly Rule PersonasShareOnlyTheChannel = new(
        "SHR-4",
        "A page is a notification-channel page exactly when both personas can access it.",
        "The notification channel is the one declared flow between the personas; any other shared page is an undeclared channel, and a channel flag on an unshared page would exempt it from the channel's own rules.",
        s => ForAll<Page>(p => (s.CanAccess(Lit(Component.Personal), p) & s.CanAccess(Lit(Component.Work), p)) ==
            s.Get(Fields.ChannelPage).At(p)));

    /// <summary>SHR-5.</summary>
    public static readonly Rule ChannelCarriesOnlyNotifications = new(
        "SHR-5",
        "A notification-channel page holds only zeros or notification metadata.",
        "The channel declassifies notification metadata and nothing else.",
        s => ForAll<Page>(p => s.Get(Fields.ChannelPage).At(p).Implies(s.Content(p).IsOneOf(Label.Zero, Label.Notification))));

    /// <summary>SHR-6.</summary>
    public static readonly Rule OneBorrowerPerPage = new(
        "SHR-6",
        "A page has at most one borrower.",
        "Unshare and wipe return a page to its lender in one step; a second borrower would keep access to a page its lender owns again.",
        s => ForAll<Page>(p => ForAll<Component>(a => ForAll<Component>(b =>
            ((s.PageState(a, p) == Lit(PageState.SharedBorrowed)) & (s.PageState(b, p) == Lit(PageState.SharedBorrowed))).Implies(a == b)))));

    /// <summary>SHR-7.</summary>
    public static readonly Rule HypervisorNeverLends = new(
        "SHR-7",
        "The hypervisor never lends a page to a persona.",
        "Hypervisor pages hold page tables, contexts and keys; lending one, even briefly, exposes them.",
        s => ForAll<Page>(p => s.PageState(Lit(Component.Hypervisor), p) != Lit(PageState.SharedOwned)));

    /// <summary>All SHR- rules.</summary>
    public static IReadOnlyList<Rule> All =>
        [BorrowerHasLender, LenderHasBorrower, WorkLendsOnlyToHypervisor, PersonasShareOnlyTheChannel, ChannelCarriesOnlyNotifications, OneBorrowerPerPage, HypervisorNeverLends];
}
