using Persona.Spec.Model;
using Persona.Spec.Terms;

namespace Persona.Spec.Rules;

/// <summary>One isolation rule: an id, one plain sentence, why it exists, and its single definition as a predicate on a state.</summary>
/// <param name="Id">The rule's id, e.g. MEM-2 (listed in spec/isolation.md).</param>
/// <param name="Sentence">The rule in one plain sentence.</param>
/// <param name="Rationale">Why the rule exists.</param>
/// <param name="Definition">The rule as a term over a state: read symbolically by the proofs and concretely by the validator and monitors.</param>
public sealed record Rule(string Id, string Sentence, string Rationale, Func<State, Term<bool>> Definition)
{
    /// <summary>The rule's term over a state.</summary>
    public Term<bool> HoldsIn(State state) => Definition(state);

    /// <inheritdoc/>
    public override string ToString() => Id;
}
