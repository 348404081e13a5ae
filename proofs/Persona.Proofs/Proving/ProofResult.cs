using Persona.Proofs.Obligations;

namespace Persona.Proofs.Proving;

/// <summary>How an obligation came out. Unknown is never folded into proved or refuted.</summary>
public enum ProofStatus
{
    /// <summary>The negated goal is unsatisfiable: the obligation holds.</summary>
    Proved,

    /// <summary>The negated goal is satisfiable: a counterexample exists.</summary>
    Refuted,

    /// <summary>The solver could not decide (timeout, incompleteness); the reason is given.</summary>
    Unknown,
}

/// <summary>The result of one obligation.</summary>
/// <param name="Id">The obligation's id.</param>
/// <param name="Kind">The obligation's kind.</param>
/// <param name="RuleId">The rule or property.</param>
/// <param name="Operation">The operation's name, if any.</param>
/// <param name="Observer">The observing persona, for relational obligations.</param>
/// <param name="Status">Proved, refuted or unknown.</param>
/// <param name="Milliseconds">The solver time for this obligation.</param>
/// <param name="UnsatCore">For a proof: the named hypotheses the solver used.</param>
/// <param name="Counterexample">For a refutation: the counterexample in spec terms.</param>
/// <param name="Reason">For unknown: the solver's reason.</param>
public sealed record ProofResult(
    string Id,
    ObligationKind Kind,
    string RuleId,
    string? Operation,
    string? Observer,
    ProofStatus Status,
    double Milliseconds,
    IReadOnlyList<string> UnsatCore,
    Counterexample? Counterexample,
    string? Reason);

/// <summary>A counterexample in spec terms: the operation and its arguments, the witnesses, the state entries that matter, the broken property.</summary>
/// <param name="Obligation">The refuted obligation's id.</param>
/// <param name="Rule">The broken rule or property, with its sentence.</param>
/// <param name="Operation">The operation as called, e.g. share(from=Personal, to=Work, p=Page!val!0).</param>
/// <param name="Witnesses">The elements at which the property fails.</param>
/// <param name="Entries">State entries at the relevant elements, before and after.</param>
public sealed record Counterexample(
    string Obligation,
    string Rule,
    string? Operation,
    IReadOnlyList<KeyValuePair<string, string>> Witnesses,
    IReadOnlyList<StateEntry> Entries)
{
    /// <summary>The counterexample as indented text.</summary>
    public string ToText()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"counterexample to {Obligation}");
        sb.AppendLine($"  breaks:    {Rule}");
        if (Operation is not null) sb.AppendLine($"  operation: {Operation}");
        foreach (var (name, value) in Witnesses) sb.AppendLine($"  witness:   {name} = {value}");
        if (Entries.Count > 0) sb.AppendLine("  state (before → after):");
        foreach (var e in Entries)
            sb.AppendLine(e.Before == e.After ? $"    {e.Location} = {e.Before}" : $"    {e.Location} = {e.Before} → {e.After}");
        return sb.ToString();
    }
}

/// <summary>One state entry of a counterexample.</summary>
/// <param name="Location">The field and keys, e.g. pageState[Work][Page!val!0].</param>
/// <param name="Before">Its value in the first state.</param>
/// <param name="After">Its value in the second state (after the operation, or the other state).</param>
public sealed record StateEntry(string Location, string Before, string After);
