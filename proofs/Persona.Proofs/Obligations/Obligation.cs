using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Terms;

namespace Persona.Proofs.Obligations;

/// <summary>The kinds of proof obligation.</summary>
public enum ObligationKind
{
    /// <summary>The platform's boot state satisfies a rule.</summary>
    Initiation,

    /// <summary>An operation preserves a rule, from any state satisfying all rules.</summary>
    Inductiveness,

    /// <summary>NI-1: what an operation returns to a persona depends only on what that persona observes.</summary>
    OutputConsistency,

    /// <summary>NI-2: a persona's operation evolves that persona's view only as a function of that view.</summary>
    StepConsistency,

    /// <summary>NI-3: an operation of one persona leaves the other persona's view unchanged.</summary>
    LocalRespect,

    /// <summary>NI-4: a declared-flow operation changes the other persona's view only on notification-channel pages.</summary>
    DeclaredChannel,

    /// <summary>WIPE-6: a wipe step leaves everything the personal persona observes unchanged.</summary>
    WipeScoping,
}

/// <summary>A named premise of an obligation (a rule in a state, a platform fact, an observation).</summary>
/// <param name="Name">Its name, as it appears in unsat cores and SMT-LIB2 files.</param>
/// <param name="Term">The premise.</param>
public sealed record Hypothesis(string Name, Term<bool> Term);

/// <summary>One proof obligation: hypotheses that together imply a goal, stated in spec terms.</summary>
/// <param name="Id">A unique, file-name-safe id, e.g. IND.share.MEM-1.</param>
/// <param name="Kind">What sort of obligation it is.</param>
/// <param name="RuleId">The rule (or NI-/WIPE- property) it establishes.</param>
/// <param name="Statement">The rule or property in one sentence.</param>
/// <param name="Operation">The operation it is about, if any.</param>
/// <param name="Observer">The observing persona for relational obligations.</param>
/// <param name="Hypotheses">The premises.</param>
/// <param name="Goal">What must follow.</param>
/// <param name="PreState">The first state shown in a counterexample (before the operation).</param>
/// <param name="PostState">The second state shown in a counterexample (after the operation, or the other state), if any.</param>
public sealed record Obligation(
    string Id,
    ObligationKind Kind,
    string RuleId,
    string Statement,
    Operation? Operation,
    Component? Observer,
    IReadOnlyList<Hypothesis> Hypotheses,
    Term<bool> Goal,
    State PreState,
    State? PostState)
{ }
