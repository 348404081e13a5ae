using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Operations;

/// <summary>The remote wipe: ordered by IT, then stop, revoke, scrub, destroy the key, complete.</summary>
public static class WipeOperations
{
    private static readonly Parameter<Authority> Issuer = new("issuer");
    private static readonly Parameter<Device> D = new("d");
    private static readonly Parameter<Page> P = new("p");
    private static readonly Term<Component> Hypervisor = Lit(Component.Hypervisor);
    private static readonly Term<Component> Work = Lit(Component.Work);

    private static Term<bool> Wiping(State s) => s.Get(Fields.Wipe) == Lit(WipePhase.InProgress);

    private static Term<bool> WorkStopped(State s) => Wiping(s) & !s.Get(Fields.WorkRunnable);

    private static Term<bool> NothingOfWorkLeft(State s) => All(
        ForAll<Page>(p => !s.CanAccess(Work, p)),
        ForAll<Device>(d => !s.Holds(Work, d)));

    /// <summary>An authority orders the wipe; only the work management authority succeeds.</summary>
    public static readonly Operation Order = new(
        "orderWipe", "An authority orders a remote wipe of the work persona.",
        [Issuer], Work,
        s => (Issuer.Term == Lit(Authority.WorkManagement)) & (s.Get(Fields.Wipe) == Lit(WipePhase.Idle)),
        s => s.Set(Fields.Wipe, Lit(WipePhase.InProgress)).Set(Fields.WipeIssuer, Issuer));

    /// <summary>The hypervisor stops the work vCPUs (work must be in the background).</summary>
    public static readonly Operation StopWork = new(
        "wipeStopWork", "Stop the work persona's vCPUs on every core.",
        [], Hypervisor,
        s => Wiping(s) & (s.Get(Fields.Foreground) != Work),
        s => s.Set(Fields.WorkRunnable, false));

    /// <summary>The hypervisor revokes a quiesced work device, scrubbing it.</summary>
    public static readonly Operation RevokeDevice = new(
        "wipeRevokeDevice", "Revoke a quiesced work device: scrub it and clear its DMA reach.",
        [D], Hypervisor,
        s => WorkStopped(s) & s.Holds(Work, D) & s.Get(Fields.DeviceQuiesced).At(D),
        s => s.WithDevice(Fields.DeviceAssigned, D, false)
            .WithDevice(Fields.DeviceData, D, Lit(Label.Zero))
            .WithDevice(Fields.DmaReach, D, MapOf<Page, bool>(_ => false)));

    /// <summary>The hypervisor unmaps and scrubs a page the work persona owns, and takes it into its pool.</summary>
    public static readonly Operation ScrubPage = new(
        "wipeScrubPage", "Unmap a work-owned page, scrub it, and take it into the hypervisor's pool.",
        [P], Hypervisor,
        s => All(
            WorkStopped(s),
            s.IsOwner(Work, P),
            !s.DmaPinned(P),
            ForAll<Component>(c => ((c != Work) & (c != Hypervisor)).Implies(!s.CanAccess(c, P)))),
        s => s.WithPageState(Work, P, Lit(PageState.None))
            .WithMapped(Work, P, false)
            .WithPageState(Hypervisor, P, Lit(PageState.Owned))
            .Set(Fields.PoolOf, s.Get(Fields.PoolOf).With(P, Work))
            .WithContent(P, Lit(Label.Zero)));

    /// <summary>The hypervisor ends a borrow by the work persona, returning the page to its lender untouched.</summary>
    public static readonly Operation ReturnBorrowed = new(
        "wipeReturnBorrowed", "End a borrow by the work persona: the lender owns the page again, untouched.",
        [P], Hypervisor,
        s => WorkStopped(s) & (s.PageState(Work, P) == Lit(PageState.SharedBorrowed)),
        s =>
        {
            var lenderIsPersonal = s.PageState(Lit(Component.Personal), P) == Lit(PageState.SharedOwned);
            var lender = If(lenderIsPersonal, Lit(Component.Personal), Hypervisor);
            return s.WithPageState(Work, P, Lit(PageState.None))
                .WithMapped(Work, P, false)
                .WithPageState(lender, P, Lit(PageState.Owned))
                .Set(Fields.ChannelPage, s.Get(Fields.ChannelPage).With(P, false));
        });

    /// <summary>The hypervisor destroys the work key once nothing of the work persona remains reachable.</summary>
    public static readonly Operation DestroyKey = new(
        "wipeDestroyKey", "Destroy the work key (and scrub its material) once no work page or device remains.",
        [], Hypervisor,
        s => WorkStopped(s) & NothingOfWorkLeft(s),
        s => s.Set(Fields.WorkKey, Lit(KeyState.Destroyed))
            .Set(Fields.Content, MapOf<Page, Label>(p => If(s.Content(p) == Lit(Label.WorkKey), Lit(Label.Zero), s.Content(p)))));

    /// <summary>The hypervisor completes the wipe, clears the saved work context, and acknowledges to IT.</summary>
    public static readonly Operation Complete = new(
        "wipeComplete", "Clear the saved work context and acknowledge the wipe to IT.",
        [], Hypervisor,
        s => WorkStopped(s) & NothingOfWorkLeft(s) & (s.Get(Fields.WorkKey) == Lit(KeyState.Destroyed)),
        s => s.Set(Fields.Wipe, Lit(WipePhase.Complete))
            .Set(Fields.SavedContext, s.Get(Fields.SavedContext).With(Work, Lit(Label.Zero))));

    /// <summary>All wipe operations.</summary>
    public static IReadOnlyList<Operation> List => [Order, StopWork, RevokeDevice, ScrubPage, ReturnBorrowed, DestroyKey, Complete];
}
