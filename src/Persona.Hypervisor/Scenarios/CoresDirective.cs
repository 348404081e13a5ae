using System.Globalization;
using Persona.Arm.Platform;

namespace Persona.Hypervisor.Scenarios;

/// <summary>The <c>cores N</c> directive: how many physical cores the handset has (each persona gets one vCPU per core).</summary>
public static class CoresDirective
{
    /// <summary>The most cores a scenario may ask for: the emulated machine's limit.</summary>
    public const int Maximum = Machine.MaxCores;

    /// <summary>Reads the directive's argument; a count outside 1..<see cref="Maximum"/> is the file's fault, named by line.</summary>
    public static int Parse(string rest, string source, int line) =>
        TryParse(rest) ?? throw new ScenarioFileException(source, line, $"expected 'cores N' with N a whole number from 1 to {Maximum}, not 'cores {rest}'");

    /// <summary>A core count from text, or null when it is not a whole number from 1 to <see cref="Maximum"/>.</summary>
    public static int? TryParse(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Maximum ? n : null;
}
