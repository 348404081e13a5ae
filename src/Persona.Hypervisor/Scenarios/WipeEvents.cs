using System.Globalization;
using Persona.Hypervisor.Wipe;

namespace Persona.Hypervisor.Scenarios;

/// <summary>A scenario's remote wipe (<c>wipe at-trap N</c>) and power loss during it (<c>power-loss during-wipe step=STEP</c>).</summary>
/// <param name="AtTrap">The trap number from which IT's wipe order arrives, or null for no wipe.</param>
/// <param name="PowerLossBefore">The wipe step before which power is lost (the handset then reboots), or null.</param>
/// <param name="PowerLossLine">The line of the power-loss directive (for the message when there is no wipe to interrupt).</param>
public sealed record WipeEvents(long? AtTrap = null, WipeStep? PowerLossBefore = null, int PowerLossLine = 0)
{
    /// <summary>Reads one <c>wipe</c> or <c>power-loss</c> directive into the events so far.</summary>
    public static WipeEvents Parse(WipeEvents events, string directive, string rest, string source, int line)
    {
        if (directive == "wipe")
        {
            if (events.AtTrap is not null)
                throw new ScenarioFileException(source, line, "a second 'wipe' line");
            if (!rest.StartsWith("at-trap ", StringComparison.Ordinal)
                || !long.TryParse(rest[8..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var trap) || trap < 1)
                throw new ScenarioFileException(source, line, $"expected 'wipe at-trap N' with N a positive trap number, not 'wipe {rest}'");
            return events with { AtTrap = trap };
        }
        if (events.PowerLossBefore is not null)
            throw new ScenarioFileException(source, line, "a second 'power-loss' line");
        const string prefix = "during-wipe step=";
        var name = rest.StartsWith(prefix, StringComparison.Ordinal) ? rest[prefix.Length..].Trim() : "";
        var steps = Enum.GetValues<WipeStep>().Where(s => s != WipeStep.None).ToList();
        var step = steps.FirstOrDefault(s => Kebab(s) == name || ((int)s).ToString(CultureInfo.InvariantCulture) == name);
        if (step == WipeStep.None)
            throw new ScenarioFileException(source, line,
                $"expected 'power-loss during-wipe step=STEP' with STEP one of {string.Join(", ", steps.Select(s => $"{Kebab(s)} ({(int)s})"))}, not '{rest}'");
        return events with { PowerLossBefore = step, PowerLossLine = line };
    }

    /// <summary>Checks the events fit together: a power loss during the wipe needs a wipe.</summary>
    public WipeEvents Validate(string source) =>
        PowerLossBefore is not null && AtTrap is null
            ? throw new ScenarioFileException(source, PowerLossLine, "'power-loss during-wipe' needs a 'wipe at-trap N' line")
            : this;

    /// <summary>A step's name in scenario files: stop-work, revoke-devices, ..., done.</summary>
    public static string Kebab(WipeStep step) =>
        string.Concat(step.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
