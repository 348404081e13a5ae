using Persona.Spec;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Platforms;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Proofs.Obligations;

/// <summary>Generates every proof obligation of a spec model: initiation on a platform, inductiveness, noninterference, wipe scoping.</summary>
public static class ObligationSet
{
    private static readonly Component[] Personas = [Component.Personal, Component.Work];

    /// <summary>All obligations, in a stable order.</summary>
    public static IReadOnlyList<Obligation> For(SpecModel model, Platform platform)
    {
        var list = new List<Obligation>();
        list.AddRange(Initiation(model, platform));
        list.AddRange(Inductiveness(model));
        list.AddRange(Noninterference(model));
        list.AddRange(WipeScoping(model));
        return list;
    }

    /// <summary>The platform's boot state satisfies each rule, for every memory layout, given the platform's device table.</summary>
    public static IEnumerable<Obligation> Initiation(SpecModel model, Platform platform)
    {
        var init = model.Initial();
        var facts = PlatformFacts.Of(platform);
        foreach (var rule in model.Rules)
            yield return new Obligation($"INIT.{rule.Id}", ObligationKind.Initiation, rule.Id, null, null, facts, rule.HoldsIn(init), init, null);
    }

    /// <summary>Each operation preserves each rule from any state where all rules hold (over all states, symbolically).</summary>
    public static IEnumerable<Obligation> Inductiveness(SpecModel model)
    {
        var s = State.Named("s");
        var rules = RulesIn(model, s);
        foreach (var op in model.Operations)
        {
            var after = op.Step(s);
            foreach (var rule in model.Rules)
                yield return new Obligation($"IND.{op.Name}.{rule.Id}", ObligationKind.Inductiveness, rule.Id, op, null, rules, rule.HoldsIn(after), s, after);
        }
    }

    /// <summary>Unwinding conditions for the policy "each persona interferes only with itself, except through the notification channel".</summary>
    public static IEnumerable<Obligation> Noninterference(SpecModel model)
    {
        var s = State.Named("s");
        var t = State.Named("t");
        foreach (var op in model.Operations.Where(IsPersonaOperation))
        {
            foreach (var c in Personas)
            {
                var observer = Lit(c);
                var actorIsObserver = new Hypothesis($"actor-is-{c}", op.Actor == observer);
                var sameView = new Hypothesis($"same-view-of-{c}", Observation.Same(s, t, observer, includeWorkStatus: true, ignoreChannel: false));
                List<Hypothesis> twoStates = [.. RulesIn(model, s), .. RulesIn(model, t), actorIsObserver, sameView];
                yield return new Obligation($"NI-1.{op.Name}.{c}", ObligationKind.OutputConsistency, "NI-1", op, c, twoStates,
                    op.Succeeds(s) == op.Succeeds(t), s, t);
                var afterS = op.Step(s);
                yield return new Obligation($"NI-2.{op.Name}.{c}", ObligationKind.StepConsistency, "NI-2", op, c, twoStates,
                    Observation.Same(afterS, op.Step(t), observer, includeWorkStatus: true, ignoreChannel: false), s, afterS);

                var declared = model.DeclaredFlows.Contains(op.Name);
                List<Hypothesis> oneState =
                [
                    .. RulesIn(model, s),
                    new Hypothesis($"actor-is-other-persona-than-{c}", (op.Actor != observer) & (op.Actor != Lit(Component.Hypervisor))),
                ];
                yield return new Obligation(
                    $"{(declared ? "NI-4" : "NI-3")}.{op.Name}.{c}",
                    declared ? ObligationKind.DeclaredChannel : ObligationKind.LocalRespect,
                    declared ? "NI-4" : "NI-3", op, c, oneState,
                    Observation.Same(s, afterS, observer, includeWorkStatus: true, ignoreChannel: declared), s, afterS);
            }
        }
    }

    /// <summary>Every wipe step leaves what the personal persona observes unchanged (but the work persona's public status).</summary>
    public static IEnumerable<Obligation> WipeScoping(SpecModel model)
    {
        var s = State.Named("s");
        var rules = RulesIn(model, s);
        foreach (var op in model.WipeSteps)
        {
            var after = op.Step(s);
            yield return new Obligation($"WIPE-6.{op.Name}", ObligationKind.WipeScoping, "WIPE-6", op, Component.Personal, rules,
                Observation.Same(s, after, Lit(Component.Personal), includeWorkStatus: false, ignoreChannel: false), s, after);
        }
    }

    private static bool IsPersonaOperation(Operation op) =>
        op.Actor.Expr is not EnumLiteral { } literal || literal.Ordinal != (int)Component.Hypervisor;

    private static List<Hypothesis> RulesIn(SpecModel model, State state) =>
        [.. model.Rules.Select(r => new Hypothesis($"{r.Id}@{state.Name}", r.HoldsIn(state)))];
}
