namespace Persona.Hypervisor.Validation;

/// <summary>A validation failure: the trap, the spec operation it should have been, the rules broken, and the concrete evidence.</summary>
/// <param name="Trap">The trap (or "boot") after which the check failed.</param>
/// <param name="ExpectedOperation">The spec operations the trap amounts to, in order.</param>
/// <param name="BrokenRules">The ids of the spec rules that do not hold in the abstracted state (empty when only the step differs).</param>
/// <param name="Evidence">Addresses, descriptors, registers: what the machine holds that differs from the spec's expectation.</param>
public sealed record Violation(string Trap, string ExpectedOperation, IReadOnlyList<string> BrokenRules, IReadOnlyList<string> Evidence)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"validation failed after {Trap}\n  expected spec operation: {ExpectedOperation}\n  rules broken: "
        + (BrokenRules.Count == 0 ? "none (the machine's step is not the spec operation)" : string.Join(", ", BrokenRules))
        + string.Concat(Evidence.Select(e => $"\n  evidence: {e}"));
}
