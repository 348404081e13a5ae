using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Rules;

/// <summary>The SW- rules: the foreground persona and the CPU contexts.</summary>
public static class SwitchRules
{
    /// <summary>SW-1.</summary>
    public static readonly Rule ForegroundIsPersona = new(
        "SW-1",
        "The foreground is always one of the two personas.",
        "The hypervisor has no screen of its own; a hypervisor foreground would leave the foreground devices ownerless.",
        s => s.Get(Fields.Foreground) != Lit(Component.Hypervisor));

    /// <summary>SW-2.</summary>
    public static readonly Rule SavedContextBelongsToOwner = new(
        "SW-2",
        "Each persona's saved CPU context holds only zeros or that persona's data.",
        "A switch that saves into, or restores from, the wrong slot hands one persona the other's registers.",
        s => ForAll<Component>(c => (c != Lit(Component.Hypervisor)).Implies(
            s.Get(Fields.SavedContext).At(c).IsOneOf(Label.Zero) | (s.Get(Fields.SavedContext).At(c) == State.LabelOf(c)))));

    /// <summary>SW-3.</summary>
    public static readonly Rule LiveContextBelongsToForeground = new(
        "SW-3",
        "The live CPU registers hold only zeros or the foreground persona's data.",
        "A switch that keeps the old context runs the new persona with the old one's registers.",
        s => (s.Get(Fields.LiveContext) == Lit(Label.Zero)) | (s.Get(Fields.LiveContext) == State.LabelOf(s.Get(Fields.Foreground))));

    /// <summary>SW-4.</summary>
    public static readonly Rule WorkForegroundOnlyWhileRunnable = new(
        "SW-4",
        "The work persona is in the foreground only while it may run.",
        "A stopped (wiped) work persona in the foreground would own the screen and touch with no one to drive them.",
        s => (s.Get(Fields.Foreground) == Lit(Component.Work)).Implies(s.Get(Fields.WorkRunnable)));

    /// <summary>All SW- rules.</summary>
    public static IReadOnlyList<Rule> All => [ForegroundIsPersona, SavedContextBelongsToOwner, LiveContextBelongsToForeground, WorkForegroundOnlyWhileRunnable];
}
