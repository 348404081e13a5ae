using Persona.Hypervisor.Running;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Scenarios;

/// <summary>A scenario: what the work kernel does, the instruction budget, and what each persona must print.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Source">Where it was read from.</param>
/// <param name="WorkMode">The work kernel's run mode.</param>
/// <param name="MaxInstructions">The instruction budget.</param>
/// <param name="Expectations">Lines a persona's UART output must contain.</param>
/// <param name="Events">The timed external events, in time order.</param>
/// <param name="Day">Whether the kernels live the whole day (the <c>day</c> directive).</param>
public sealed record Scenario(string Name, string Source, WorkMode WorkMode, ulong MaxInstructions, IReadOnlyList<Expectation> Expectations,
    IReadOnlyList<TimedEvent> Events, bool Day = false)
{
    /// <summary>The remote wipe and power loss the scenario orders (none by default).</summary>
    public WipeEvents Wipe { get; init; } = new();

    /// <summary>The number of physical cores (the <c>cores N</c> directive; 1 by default).</summary>
    public int Cores { get; init; } = 1;

    /// <summary>The embedded default scenario (spec/scenarios/default.scenario).</summary>
    public static Scenario Default
    {
        get
        {
            using var stream = typeof(Scenario).Assembly.GetManifestResourceStream("default.scenario")
                ?? throw new InvalidOperationException("the default scenario is not embedded");
            using var reader = new StreamReader(stream);
            return ScenarioParser.Parse(reader.ReadToEnd(), "embedded:default.scenario");
        }
    }
}

/// <summary>Text one persona's UART output must contain.</summary>
/// <param name="Persona">Whose output.</param>
/// <param name="Text">The text.</param>
/// <param name="Line">The scenario line that asks for it.</param>
public sealed record Expectation(Component Persona, string Text, int Line);
