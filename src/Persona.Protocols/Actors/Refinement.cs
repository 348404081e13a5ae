using Persona.Protocols.Model;
using Persona.Spec.Operations;

namespace Persona.Protocols.Actors;

/// <summary>Commits a protocol step's spec operation, which must be enabled: a protocol step whose spec guard is false does not refine the spec.</summary>
internal static class Refinement
{
    /// <summary>The message of a refinement failure (one format, so traces compare).</summary>
    public static string Failure(Operation operation, (string Name, object Value)[] arguments) =>
        $"refinement: {operation.Name}({string.Join(", ", arguments.Select(a => $"{a.Name}={Show(a.Value)}"))}) is not enabled in the hypervisor's state";

    /// <summary>Commits the operation; false when its guard does not hold.</summary>
    public static bool Commit(HypervisorState machine, Operation operation, params (string Name, object Value)[] arguments) =>
        machine.TryCommit(operation, arguments);

    private static string Show(object value) => value is long l ? $"0x{l:x}" : value.ToString() ?? "";
}
