using System.Text.Json.Serialization;
using Persona.Hypervisor.Validation;

namespace Persona.Cli.Verification;

/// <summary>What the validated scenario produced: the run's figures, its violation, the trap statistics and the ownership pictures' data.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Traps">Traps the hypervisor handled.</param>
/// <param name="Validated">Traps the validator checked.</param>
/// <param name="Instructions">Instructions executed.</param>
/// <param name="Stop">Why the machine stopped.</param>
/// <param name="Passed">Whether the run was valid, powered off cleanly and met every expectation.</param>
/// <param name="Violation">The first validation failure, or null.</param>
/// <param name="Missed">The expectations no persona met, one line each.</param>
/// <param name="Statistics">Traps by class, detail and persona.</param>
/// <param name="Ownership">Each persona's page-ownership map at boot, at each world switch and at each ownership change.</param>
public sealed record ScenarioOutcome(
    [property: JsonPropertyName("scenario")] string Scenario,
    long Traps,
    long Validated,
    [property: JsonPropertyName("instructions")] ulong Instructions,
    [property: JsonPropertyName("stop")] string Stop,
    [property: JsonPropertyName("passed")] bool Passed,
    Violation? Violation,
    IReadOnlyList<string> Missed,
    TrapStatistics Statistics,
    [property: JsonIgnore] OwnershipTimeline Ownership)
{
    /// <summary>How many ownership snapshots the pictures draw (the pictures themselves are in the HTML report).</summary>
    public int OwnershipSnapshots => Ownership.Snapshots.Count;
}
