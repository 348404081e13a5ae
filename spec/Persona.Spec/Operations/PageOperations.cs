using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Operations;

/// <summary>The page operations: share, unshare, donate, reclaim, and the persona's own writes.</summary>
public static class PageOperations
{
    private static readonly Parameter<Component> From = new("from");
    private static readonly Parameter<Component> To = new("to");
    private static readonly Parameter<Component> Who = new("who");
    private static readonly Parameter<Page> P = new("p");

    private static Term<bool> IsPersona(Term<Component> c) => c != Lit(Component.Hypervisor);

    /// <summary>A component lends a page it owns to another; between the personas this creates a notification-channel page.</summary>
    public static readonly Operation Share = new(
        "share", "Lend an owned page to another component (between personas: open a notification-channel page).",
        [From, To, P], From,
        s => All(
            From.Term != To.Term,
            IsPersona(From),
            (From.Term == Lit(Component.Work)).Implies(To.Term == Lit(Component.Hypervisor)),
            (To.Term == Lit(Component.Work)).Implies(s.Get(Fields.WorkRunnable)),
            s.PageState(From, P) == Lit(PageState.Owned),
            s.PageState(To, P) == Lit(PageState.None),
            !s.DmaPinned(P)),
        s =>
        {
            var betweenPersonas = IsPersona(To);
            return s.WithPageState(From, P, Lit(PageState.SharedOwned))
                .WithPageState(To, P, Lit(PageState.SharedBorrowed))
                .WithMapped(To, P, true)
                .Set(Fields.ChannelPage, s.Get(Fields.ChannelPage).With(P, betweenPersonas))
                .WithContent(P, If(betweenPersonas, Lit(Label.Zero), s.Content(P)));
        });

    /// <summary>The lender takes a lent page back; a channel page is scrubbed as it closes.</summary>
    public static readonly Operation Unshare = new(
        "unshare", "Take back a lent page from its borrower (a channel page is scrubbed).",
        [From, To, P], From,
        s => All(
            From.Term != To.Term,
            s.PageState(From, P) == Lit(PageState.SharedOwned),
            s.PageState(To, P) == Lit(PageState.SharedBorrowed),
            !s.DmaPinned(P)),
        s => s.WithPageState(From, P, Lit(PageState.Owned))
            .WithPageState(To, P, Lit(PageState.None))
            .WithMapped(To, P, false)
            .Set(Fields.ChannelPage, s.Get(Fields.ChannelPage).With(P, false))
            .WithContent(P, If(s.Get(Fields.ChannelPage).At(P), Lit(Label.Zero), s.Content(P))));

    /// <summary>A persona gives a page it owns to the hypervisor's pool; the hypervisor scrubs it.</summary>
    public static readonly Operation Donate = new(
        "donate", "Give an owned page to the hypervisor's pool (scrubbed on the way).",
        [From, P], From,
        s => All(
            IsPersona(From),
            s.PageState(From, P) == Lit(PageState.Owned),
            s.PageState(Lit(Component.Hypervisor), P) == Lit(PageState.None),
            !s.DmaPinned(P)),
        s => s.WithPageState(From, P, Lit(PageState.None))
            .WithMapped(From, P, false)
            .WithPageState(Lit(Component.Hypervisor), P, Lit(PageState.Owned))
            .Set(Fields.PoolOf, s.Get(Fields.PoolOf).With(P, From))
            .WithContent(P, Lit(Label.Zero)));

    /// <summary>A persona takes a page from its own quota in the hypervisor's pool; the page arrives scrubbed.</summary>
    public static readonly Operation Reclaim = new(
        "reclaim", "Take a page from the persona's own quota in the hypervisor's pool (scrubbed before it is mapped).",
        [To, P], To,
        s => All(
            IsPersona(To),
            (To.Term == Lit(Component.Work)).Implies(s.Get(Fields.WorkRunnable)),
            s.PageState(Lit(Component.Hypervisor), P) == Lit(PageState.Owned),
            s.Get(Fields.PoolOf).At(P) == To.Term,
            s.PageState(To, P) == Lit(PageState.None),
            s.Content(P) != Lit(Label.WorkKey),
            !s.DmaPinned(P)),
        s => s.WithPageState(Lit(Component.Hypervisor), P, Lit(PageState.None))
            .WithMapped(Lit(Component.Hypervisor), P, false)
            .WithPageState(To, P, Lit(PageState.Owned))
            .WithMapped(To, P, true)
            .WithContent(P, Lit(Label.Zero)));

    /// <summary>A running persona writes its data into a page it has mapped (not a channel page).</summary>
    public static readonly Operation WritePage = new(
        "writePage", "A persona stores its own data in a page it has mapped.",
        [Who, P], Who,
        s => All(
            IsPersona(Who),
            (Who.Term == Lit(Component.Work)).Implies(s.Get(Fields.WorkRunnable)),
            s.IsMapped(Who, P),
            !s.Get(Fields.ChannelPage).At(P)),
        s => s.WithContent(P, State.LabelOf(Who)));

    /// <summary>A persona posts notification metadata into a channel page it has mapped.</summary>
    public static readonly Operation PostNotification = new(
        "postNotification", "A persona posts notification metadata on the channel (the declared flow).",
        [Who, P], Who,
        s => All(
            IsPersona(Who),
            (Who.Term == Lit(Component.Work)).Implies(s.Get(Fields.WorkRunnable)),
            s.IsMapped(Who, P),
            s.Get(Fields.ChannelPage).At(P)),
        s => s.WithContent(P, Lit(Label.Notification)));

    /// <summary>All page operations.</summary>
    public static IReadOnlyList<Operation> List => [Share, Unshare, Donate, Reclaim, WritePage, PostNotification];
}
