namespace Persona.Hypervisor.Scenarios;

/// <summary>A scenario file is malformed: the message names the file, the line and the fault.</summary>
public sealed class ScenarioFileException(string source, int line, string fault)
    : Exception($"{source}:{line}: {fault}")
{
    /// <summary>The file (or embedded name) the scenario came from.</summary>
    public string ScenarioSource => source;

    /// <summary>The 1-based line of the fault.</summary>
    public int Line => line;
}
