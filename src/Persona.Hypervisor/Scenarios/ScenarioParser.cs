using System.Globalization;
using Persona.Hypervisor.Running;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Scenarios;

/// <summary>Reads scenario files: one directive per line (<c>scenario name=N</c>, <c>work-mode M</c>, <c>max-instructions N</c>,
/// <c>expect personal|work "text"</c>, <c>day</c> (the kernels live the whole day: ticks, storage, camera, calls),
/// <c>at TIME EVENT ARGUMENTS</c>: see <see cref="ScenarioEvents"/>, <c>cores N</c>, <c>wipe at-trap N</c>, <c>power-loss during-wipe step=STEP</c>),
/// <c>#</c> comments.</summary>
public static class ScenarioParser
{
    private static readonly Dictionary<string, WorkMode> Modes = new()
    {
        ["normal"] = WorkMode.Normal,
        ["read-foreign"] = WorkMode.ReadForeign,
        ["hostile-hypercalls"] = WorkMode.HostileHypercalls,
        ["foreign-mmio"] = WorkMode.ForeignMmio,
        ["tamper-sysregs"] = WorkMode.TamperSystemRegisters,
        ["dma-foreign"] = WorkMode.DmaForeign,
        ["race-wipe"] = WorkMode.RaceWipe,
        ["hostile-storage"] = WorkMode.HostileStorage,
        ["hold-camera"] = WorkMode.HoldCamera,
        ["load-code"] = WorkMode.LoadCode,
    };

    /// <summary>Reads a scenario file from disk.</summary>
    public static Scenario ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFileException(path, 0, $"cannot read the file: {e.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses a scenario's text; <paramref name="source"/> names it in error messages.</summary>
    public static Scenario Parse(string text, string source)
    {
        string? name = null;
        var mode = WorkMode.Normal;
        ulong budget = 10_000_000;
        var expectations = new List<Expectation>();
        var events = new List<TimedEvent>();
        var day = false;
        var wipe = new WipeEvents();
        int? cores = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var directive = space < 0 ? line : line[..space];
            var rest = space < 0 ? "" : line[(space + 1)..].Trim();
            switch (directive)
            {
                case "scenario":
                    if (name is not null)
                        throw new ScenarioFileException(source, number, "a second 'scenario' line");
                    if (!rest.StartsWith("name=", StringComparison.Ordinal) || rest.Length == 5)
                        throw new ScenarioFileException(source, number, "expected 'scenario name=NAME'");
                    name = rest[5..];
                    break;
                case "work-mode":
                    if (!Modes.TryGetValue(rest, out mode))
                        throw new ScenarioFileException(source, number, $"unknown work mode '{rest}' (known: {string.Join(", ", Modes.Keys)})");
                    break;
                case "max-instructions":
                    if (!ulong.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out budget) || budget == 0)
                        throw new ScenarioFileException(source, number, $"'{rest}' is not a positive instruction count");
                    break;
                case "expect":
                    expectations.Add(ParseExpectation(rest, source, number));
                    break;
                case "day":
                    if (rest.Length != 0)
                        throw new ScenarioFileException(source, number, $"'day' takes no arguments, not '{rest}'");
                    day = true;
                    break;
                case "at":
                    var timed = ScenarioEvents.Parse(rest, source, number);
                    if (events.Count > 0 && timed.AtTicks < events[^1].AtTicks)
                        throw new ScenarioFileException(source, number, $"events must be in time order: this one is earlier than line {events[^1].Line}'s");
                    events.Add(timed);
                    break;
                case "cores":
                    if (cores is not null)
                        throw new ScenarioFileException(source, number, "a second 'cores' line");
                    cores = CoresDirective.Parse(rest, source, number);
                    break;
                case "wipe" or "power-loss":
                    wipe = WipeEvents.Parse(wipe, directive, rest, source, number);
                    break;
                default:
                    throw new ScenarioFileException(source, number, $"unknown directive '{directive}'");
            }
        }
        if (name is null)
            throw new ScenarioFileException(source, 1, "no 'scenario name=NAME' line");
        return new Scenario(name, source, mode, budget, expectations, events, day) { Wipe = wipe.Validate(source), Cores = cores ?? 1 };
    }

    private static Expectation ParseExpectation(string rest, string source, int number)
    {
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        var who = space < 0 ? rest : rest[..space];
        Component persona = who switch
        {
            "personal" => Component.Personal,
            "work" => Component.Work,
            _ => throw new ScenarioFileException(source, number, $"expected 'expect personal|work \"TEXT\"', not persona '{who}'"),
        };
        var quoted = space < 0 ? "" : rest[(space + 1)..].Trim();
        if (quoted.Length < 3 || quoted[0] != '"' || quoted[^1] != '"')
            throw new ScenarioFileException(source, number, "the expected text must be a non-empty \"quoted string\"");
        return new Expectation(persona, quoted[1..^1], number);
    }
}
