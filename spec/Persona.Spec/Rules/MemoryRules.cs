using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Rules;

/// <summary>The MEM- rules: who may own, map and read each page.</summary>
public static class MemoryRules
{
    /// <summary>MEM-1.</summary>
    public static readonly Rule ExclusiveOwner = new(
        "MEM-1",
        "Every page has at most one owner (a component that owns it exclusively or lends it).",
        "Two owners could each lend or donate the page, and one persona's data would reach the other.",
        s => ForAll<Page>(p => ForAll<Component>(a => ForAll<Component>(b =>
            (s.IsOwner(a, p) & s.IsOwner(b, p)).Implies(a == b)))));

    /// <summary>MEM-2.</summary>
    public static readonly Rule MappedOnlyIfAccessible = new(
        "MEM-2",
        "A page is mapped in a component's tables only while that component owns or borrows it.",
        "Stage-2 mappings are the hardware's reading of ownership; a stale mapping is access without ownership.",
        s => ForAll<Component>(c => ForAll<Page>(p => s.IsMapped(c, p).Implies(s.CanAccess(c, p)))));

    /// <summary>MEM-3.</summary>
    public static readonly Rule HypervisorPagesPrivate = new(
        "MEM-3",
        "A page the hypervisor owns exclusively is never mapped into, or accessible to, a persona.",
        "Hypervisor pages hold page tables, saved contexts and the work key; a persona that reaches one reaches everything.",
        s => ForAll<Page>(p => (s.PageState(Lit(Component.Hypervisor), p) == Lit(PageState.Owned)).Implies(
            ForAll<Component>(c => (c != Lit(Component.Hypervisor)).Implies(!s.CanAccess(c, p) & !s.IsMapped(c, p))))));

    /// <summary>MEM-4.</summary>
    public static readonly Rule PersonaSeesOnlyItsData = new(
        "MEM-4",
        "A page a persona can access holds only zeros, that persona's own data, or notification metadata.",
        "This is confidentiality stated on memory: whatever mapping exists, it never exposes the other persona's or the hypervisor's data.",
        s => ForAll<Component>(c => (c != Lit(Component.Hypervisor)).Implies(ForAll<Page>(p => s.CanAccess(c, p).Implies(
            Any(s.Content(p) == Lit(Label.Zero), s.Content(p) == State.LabelOf(c), s.Content(p) == Lit(Label.Notification)))))));

    /// <summary>MEM-5.</summary>
    public static readonly Rule QuotaPagesScrubbed = new(
        "MEM-5",
        "A free page in a persona's memory quota holds only zeros.",
        "Whatever a page held, it is scrubbed before it waits in a quota; a persona reclaiming it must not find the key or the other persona's data.",
        s => ForAll<Page>(p => ForAll<Component>(c => ((c != Lit(Component.Hypervisor)) & Observation.InQuota(s, c, p)).Implies(
            s.Content(p) == Lit(Label.Zero)))));

    /// <summary>All MEM- rules.</summary>
    public static IReadOnlyList<Rule> All => [ExclusiveOwner, MappedOnlyIfAccessible, HypervisorPagesPrivate, PersonaSeesOnlyItsData, QuotaPagesScrubbed];
}
