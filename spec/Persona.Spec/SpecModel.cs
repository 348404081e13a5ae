using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Rules;

namespace Persona.Spec;

/// <summary>The whole spec as one value: its rules, its operations and its boot state. Mutants are this record with one definition replaced.</summary>
/// <param name="Rules">Every isolation rule.</param>
/// <param name="Operations">Every operation.</param>
/// <param name="Initial">The boot state, over the platform's functions.</param>
/// <param name="DeclaredFlows">The operations through which one persona may affect the other: the notification channel.</param>
public sealed record SpecModel(
    IReadOnlyList<Rule> Rules,
    IReadOnlyList<Operation> Operations,
    Func<State> Initial,
    IReadOnlySet<string> DeclaredFlows)
{
    /// <summary>The spec as written.</summary>
    public static SpecModel Default { get; } = new(
        [.. MemoryRules.All, .. SharingRules.All, .. DeviceRules.All, .. DmaRules.All, .. WipeRules.All, .. SwitchRules.All],
        [.. PageOperations.List, .. DeviceOperations.List, .. SwitchOperations.List, .. WipeOperations.List],
        InitialState.Define,
        new HashSet<string> { PageOperations.Share.Name, PageOperations.Unshare.Name, PageOperations.PostNotification.Name });

    /// <summary>The operations that make up the remote wipe (for wipe scoping).</summary>
    public IEnumerable<Operation> WipeSteps => Operations.Where(o => WipeOperations.List.Any(w => w.Name == o.Name));

    /// <summary>The operation with this name.</summary>
    public Operation Operation(string name) =>
        Operations.FirstOrDefault(o => o.Name == name) ?? throw new ArgumentException($"no operation named {name}");

    /// <summary>The rule with this id.</summary>
    public Rule Rule(string id) => Rules.FirstOrDefault(r => r.Id == id) ?? throw new ArgumentException($"no rule {id}");

    /// <summary>This model with the operation of the same name replaced (a mutant, or a refinement).</summary>
    public SpecModel With(Operation replacement) =>
        this with { Operations = [.. Operations.Select(o => o.Name == replacement.Name ? replacement : o)] };

    /// <summary>This model with the rule of the same id replaced.</summary>
    public SpecModel With(Rule replacement) =>
        this with { Rules = [.. Rules.Select(r => r.Id == replacement.Id ? replacement : r)] };
}
