using Persona.Spec.Model;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Operations;

/// <summary>The world switch, and the foreground persona's computation.</summary>
public static class SwitchOperations
{
    private static readonly Parameter<Component> To = new("to");
    private static readonly Parameter<Component> Who = new("who");

    /// <summary>The hypervisor brings a persona to the foreground: saves the old context, restores the new one.</summary>
    public static readonly Operation SwitchTo = new(
        "switchTo", "Bring a persona to the foreground: save the live context, restore the target's.",
        [To], Lit(Component.Hypervisor),
        s => All(
            To.Term != Lit(Component.Hypervisor),
            To.Term != s.Get(Fields.Foreground),
            (To.Term == Lit(Component.Work)).Implies(s.Get(Fields.WorkRunnable)),
            ForAll<Device>(d => (s.Get(Fields.DeviceKinds).At(d) == Lit(DeviceKind.Foreground)).Implies(!s.Get(Fields.DeviceAssigned).At(d)))),
        s => s.Set(Fields.SavedContext, s.Get(Fields.SavedContext).With(s.Get(Fields.Foreground), s.Get(Fields.LiveContext)))
            .Set(Fields.LiveContext, s.Get(Fields.SavedContext).At(To))
            .Set(Fields.Foreground, To));

    /// <summary>The foreground persona runs, filling the live registers with its data.</summary>
    public static readonly Operation Compute = new(
        "compute", "The foreground persona runs and its data enters the live registers.",
        [Who], Who,
        s => All(
            Who.Term == s.Get(Fields.Foreground),
            (Who.Term == Lit(Component.Work)).Implies(s.Get(Fields.WorkRunnable))),
        s => s.Set(Fields.LiveContext, State.LabelOf(Who)));

    /// <summary>All switch operations.</summary>
    public static IReadOnlyList<Operation> List => [SwitchTo, Compute];
}
