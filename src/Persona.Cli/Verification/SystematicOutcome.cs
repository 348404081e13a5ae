using System.Text.Json.Serialization;

namespace Persona.Cli.Verification;

/// <summary>What one systematic test found in <c>persona verify</c>: the run's figures and, for a bug, its evidence.</summary>
/// <param name="Test">The registered test's name.</param>
/// <param name="Description">What the test exercises.</param>
/// <param name="Strategy">The strategy that ran it.</param>
/// <param name="Iterations">Iterations run.</param>
/// <param name="BuggyIterations">Iterations that found a bug.</param>
/// <param name="Bug">The bug as one line, or null.</param>
/// <param name="MaxStepsHits">Iterations stopped by the step limit.</param>
/// <param name="Seconds">Wall time of the exploration.</param>
/// <param name="Evidence">The bug's trace and diagram, or null when the test ran clean.</param>
public sealed record SystematicOutcome(
    [property: JsonPropertyName("test")] string Test,
    [property: JsonPropertyName("description")] string Description,
    string Strategy,
    int Iterations,
    int BuggyIterations,
    [property: JsonPropertyName("bug")] string? Bug,
    int MaxStepsHits,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("evidence")] BugEvidence? Evidence);

/// <summary>A systematic bug's evidence: what failed, where its replayable trace is, and its sequence diagram.</summary>
/// <param name="Kind">The bug's kind (assertion failure, liveness, ...).</param>
/// <param name="Message">What happened, naming the actor or monitor.</param>
/// <param name="Step">The step at which it was found.</param>
/// <param name="TracePath">The replayable trace file.</param>
/// <param name="DiagramPath">The standalone HTML diagram Persona.Systematic wrote.</param>
/// <param name="Mermaid">The failing iteration's sequence diagram as Mermaid text (Persona.Systematic's diagram model, read back by the HTML report).</param>
public sealed record BugEvidence(string Kind, string Message, int Step, string TracePath, string DiagramPath, [property: JsonIgnore] string Mermaid)
{
    /// <summary>The command that replays the trace.</summary>
    public string ReplayCommand => $"persona test --replay {TracePath}";
}
