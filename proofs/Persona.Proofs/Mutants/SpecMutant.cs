using Persona.Spec;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Terms;

namespace Persona.Proofs.Mutants;

/// <summary>A seeded bug in the spec: the default model with one definition broken, and the obligations that must catch it.</summary>
/// <param name="Name">A short name, e.g. share-without-owner-check.</param>
/// <param name="Description">What the bug is.</param>
/// <param name="Model">The broken model.</param>
/// <param name="Operation">The broken operation's name.</param>
/// <param name="MustRefute">Obligation ids that must come out refuted.</param>
public sealed record SpecMutant(string Name, string Description, SpecModel Model, string Operation, IReadOnlyList<string> MustRefute);

/// <summary>Generic ways to break one operation's single definition.</summary>
public static class Break
{
    /// <summary>The operation with one conjunct of its guard removed (a missing check).</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="conjunctText">Text the removed conjunct must contain when printed, so the mutant cannot silently drift.</param>
    public static Operation DropCheck(Operation operation, string conjunctText) => operation with
    {
        Guard = s =>
        {
            var guard = operation.Guard(s).Expr;
            var conjuncts = guard is And a ? a.Operands : [guard];
            var kept = conjuncts.Where(c => !Printer.Print(c).Contains(conjunctText, StringComparison.Ordinal)).ToArray();
            if (kept.Length != conjuncts.Count - 1)
                throw new InvalidOperationException($"{operation.Name}: exactly one guard conjunct must mention '{conjunctText}', found {conjuncts.Count - kept.Length}");
            return new Term<bool>(kept.Length == 1 ? kept[0] : new And(kept));
        },
    };

    /// <summary>The operation with its update of one field forgotten (a missing scrub, a missing table update).</summary>
    public static Operation ForgetUpdate<S>(Operation operation, Field<S> field) => operation with
    {
        Effect = s => operation.Effect(s).Set(field, s.Get(field)),
    };

    /// <summary>The operation with its effect replaced.</summary>
    public static Operation Effect(Operation operation, Func<State, State> effect) => operation with { Effect = effect };
}
