using Persona.Spec.Model;

namespace Persona.Hypervisor;

/// <summary>One spec operation the hypervisor claims a trap performed, with its arguments and whether the hypervisor let it succeed.</summary>
/// <param name="Operation">The spec operation's name (Persona.Spec's single definition is looked up by it).</param>
/// <param name="Arguments">Its arguments, as the concrete reading takes them (components and enums as int, pages and devices as long).</param>
/// <param name="Succeeded">Whether the hypervisor carried it out (false: it refused, and the spec's guard must refuse too).</param>
public sealed record SpecStep(string Operation, IReadOnlyDictionary<string, object> Arguments, bool Succeeded)
{
    /// <summary>The pages the step names (its page arguments), as frame numbers.</summary>
    public IEnumerable<long> Pages => Arguments.Where(a => a.Key == "p").Select(a => (long)a.Value);

    /// <summary>A step with component, page and device arguments given by name.</summary>
    public static SpecStep Of(string operation, bool succeeded, params (string Name, object Value)[] arguments) =>
        new(operation, arguments.ToDictionary(a => a.Name, a => a.Value switch
        {
            Component c => (object)(int)c,
            Authority authority => (int)authority,
            int i => (long)i,
            var v => v,
        }), succeeded);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Operation}({string.Join(", ", Arguments.Select(a => $"{a.Key}={Show(a.Key, a.Value)}"))}){(Succeeded ? "" : " refused")}";

    private static string Show(string name, object value) => name switch
    {
        "p" => $"frame 0x{(long)value:x}",
        "from" or "to" or "who" => ((Component)(int)value).ToString(),
        _ => value.ToString() ?? "",
    };
}

/// <summary>One trap the hypervisor handled: what the guest did, and the spec steps it amounts to.</summary>
/// <param name="Sequence">The trap's number in the run.</param>
/// <param name="Core">The core that trapped.</param>
/// <param name="Persona">The persona running when it trapped.</param>
/// <param name="Description">What trapped, e.g. "HVC share(0x40005000)" or "data abort write IPA 0x9000000".</param>
/// <param name="Syndrome">ESR_EL2.</param>
/// <param name="ReturnAddress">ELR_EL2 at entry.</param>
/// <param name="Steps">The spec operations, in order (empty: the trap changes no spec state beyond the persona computing).</param>
/// <param name="IsWorldSwitch">Whether the trap ended with a world switch.</param>
public sealed record TrapRecord(
    long Sequence, int Core, Component Persona, string Description, ulong Syndrome, ulong ReturnAddress,
    IReadOnlyList<SpecStep> Steps, bool IsWorldSwitch)
{
    /// <inheritdoc/>
    public override string ToString() => $"trap #{Sequence} on core {Core} from {Persona}: {Description} (ESR 0x{Syndrome:x}, ELR 0x{ReturnAddress:x})";
}
