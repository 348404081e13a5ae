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
            yield return new Obligation($"INIT.{rule.Id}", ObligationKind.Initiation, rule.Id, rule.Sentence, null, null, facts, rule.HoldsIn(init), init, null);
    }

    /// <summary>Each operation preserves each rule from any state where all rules hold (over all states, symbolically).</summary>
    public static IEnumerable<Obligation> Inductiveness(SpecModel model)
    {
        var s = State.Named("s");
        var rules = RulesIn(model, s);
        foreach (var op in model.Operations)
        {
            // A failed operation changes nothing (Operation.Step), so the rules hold after it trivially; only success needs proof.
            var after = op.Effect(s);
            List<Hypothesis> premises = [.. rules, Guard(op, s)];
            foreach (var rule in model.Rules)
                yield return new Obligation($"IND.{op.Name}.{rule.Id}", ObligationKind.Inductiveness, rule.Id, rule.Sentence, op, null, premises, rule.HoldsIn(after), s, after);
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
                var sameView = new Hypothesis($"same-view-of-{c}", Observation.Same(s, t, observer, ViewScope.Noninterference));
                List<Hypothesis> twoStates = [.. RulesIn(model, s), .. RulesIn(model, t), actorIsObserver, sameView];

                // s and t play symmetric roles, so "succeeds in s implies succeeds in t" gives equality of outcomes.
                yield return new Obligation($"NI-1.{op.Name}.{c}", ObligationKind.OutputConsistency, "NI-1", RelationalProperties.Statement("NI-1"), op, c,
                    [.. twoStates, Guard(op, s)], op.Succeeds(t), s, t);

                // With NI-1, both succeed or both fail; when both fail nothing changes, so only joint success needs proof.
                var afterS = op.Effect(s);
                yield return new Obligation($"NI-2.{op.Name}.{c}", ObligationKind.StepConsistency, "NI-2", RelationalProperties.Statement("NI-2"), op, c,
                    [.. twoStates, Guard(op, s), Guard(op, t)],
                    Observation.Same(afterS, op.Effect(t), observer, ViewScope.Noninterference), afterS, op.Effect(t));

                var declared = model.DeclaredFlows.Contains(op.Name);
                List<Hypothesis> oneState =
                [
                    .. RulesIn(model, s),
                    new Hypothesis($"actor-is-other-persona-than-{c}", (op.Actor != observer) & (op.Actor != Lit(Component.Hypervisor))),
                    Guard(op, s),
                ];
                yield return new Obligation(
                    $"{(declared ? "NI-4" : "NI-3")}.{op.Name}.{c}",
                    declared ? ObligationKind.DeclaredChannel : ObligationKind.LocalRespect,
                    declared ? "NI-4" : "NI-3", RelationalProperties.Statement(declared ? "NI-4" : "NI-3"), op, c, oneState,
                    Observation.Same(s, afterS, observer, declared ? ViewScope.DeclaredChannel : ViewScope.Noninterference), s, afterS);
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
            var after = op.Effect(s);
            yield return new Obligation($"WIPE-6.{op.Name}", ObligationKind.WipeScoping, "WIPE-6", RelationalProperties.Statement("WIPE-6"), op, Component.Personal, [.. rules, Guard(op, s)],
                Observation.Same(s, after, Lit(Component.Personal), ViewScope.WipeScoping), s, after);
        }
    }

    private static Hypothesis Guard(Operation op, State state) => new($"guard-{op.Name}@{state.Name}", op.Guard(state));

    private static bool IsPersonaOperation(Operation op) =>
        op.Actor.Expr is not EnumLiteral { } literal || literal.Ordinal != (int)Component.Hypervisor;

    private static List<Hypothesis> RulesIn(SpecModel model, State state) =>
        [.. model.Rules.Select(r => new Hypothesis($"{r.Id}@{state.Name}", r.HoldsIn(state)))];
}
