using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Rules;

/// <summary>The WIPE- rules: who can order a remote wipe, and what it must reach and leave alone.</summary>
public static class WipeRules
{
    /// <summary>WIPE-1.</summary>
    public static readonly Rule OnlyWorkManagementOrders = new(
        "WIPE-1",
        "A wipe is in progress or complete only if the work persona's management authority ordered it.",
        "IT can wipe the work side; nobody else (the user, the work guest itself, the personal side) may destroy it.",
        s => (s.Get(Fields.Wipe) != Lit(WipePhase.Idle)).Implies(s.Get(Fields.WipeIssuer) == Lit(Authority.WorkManagement)));

    /// <summary>WIPE-2.</summary>
    public static readonly Rule WipedWorkNeverRuns = new(
        "WIPE-2",
        "Once a wipe has completed, the work persona never runs again.",
        "A work vCPU running during or after the wipe could re-create the data being destroyed.",
        s => (s.Get(Fields.Wipe) == Lit(WipePhase.Complete)).Implies(!s.Get(Fields.WorkRunnable)));

    /// <summary>WIPE-3.</summary>
    public static readonly Rule CompletedWipeLeavesNothing = new(
        "WIPE-3",
        "After a completed wipe nothing of the work persona is reachable: no page, mapping, device, saved context, key or work data in memory.",
        "This is what IT is promised when the wipe is acknowledged.",
        s => (s.Get(Fields.Wipe) == Lit(WipePhase.Complete)).Implies(All(
            s.Get(Fields.WorkKey) == Lit(KeyState.Destroyed),
            s.Get(Fields.SavedContext).At(Lit(Component.Work)) == Lit(Label.Zero),
            ForAll<Page>(p => !s.CanAccess(Lit(Component.Work), p) & !s.IsMapped(Lit(Component.Work), p) & (s.Content(p) != Lit(Label.Work))),
            ForAll<Device>(d => !s.Holds(Lit(Component.Work), d)))));

    /// <summary>WIPE-4.</summary>
    public static readonly Rule KeyDestroyedOnlyByWipe = new(
        "WIPE-4",
        "The work key is destroyed only by an ordered wipe.",
        "Destroying the key is irreversible data loss for the work persona; only the wipe may do it.",
        s => (s.Get(Fields.WorkKey) == Lit(KeyState.Destroyed)).Implies(s.Get(Fields.Wipe) != Lit(WipePhase.Idle)));

    /// <summary>WIPE-5.</summary>
    public static readonly Rule WorkDataOnlyInWorkPages = new(
        "WIPE-5",
        "A page holding work data is accessible to the work persona: a page leaves the work persona only scrubbed.",
        "Every work page is scrubbed before anyone else can map it (pKVM zeroes reclaimed memory; MVP scrubs released pages).",
        s => ForAll<Page>(p => (s.Content(p) == Lit(Label.Work)).Implies(s.CanAccess(Lit(Component.Work), p))));

    /// <summary>All WIPE- rules.</summary>
    public static IReadOnlyList<Rule> All =>
        [OnlyWorkManagementOrders, WipedWorkNeverRuns, CompletedWipeLeavesNothing, KeyDestroyedOnlyByWipe, WorkDataOnlyInWorkPages];
}
