using System.Globalization;
using Persona.Hypervisor.Running;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Scenarios;

/// <summary>The timed events a scenario can schedule: <c>at TIME EVENT ARGUMENTS</c>, TIME in virtual time (<c>12ms</c>, <c>300us</c>,
/// or <c>750000ticks</c> of the 62.5 MHz system counter), times never decreasing.</summary>
/// <remarks>Events: <c>switch</c> (the user brings the other persona to the foreground), <c>call personal|work [from=NUMBER]</c>
/// (a call rings that persona's line; a call for the background persona brings it to the foreground), <c>hangup [personal|work]</c>
/// (the remote side ends the call; the persona the call displaced returns), <c>notify personal-&gt;work|work-&gt;personal "TEXT"</c>
/// (an app alert the first persona posts on the notification channel for the other: <see cref="NotifyEvent"/>). To add an event, add a row to <see cref="Table"/>
/// mapping its name to a parser that builds the <see cref="ExternalEvent"/>.</remarks>
public static class ScenarioEvents
{
    /// <summary>Ticks of the system counter per millisecond (62.5 MHz).</summary>
    public const ulong TicksPerMillisecond = 62_500;

    /// <summary>Event name → parser of its arguments (a fault message thrown as <see cref="FormatException"/> names what is wrong).</summary>
    public static IReadOnlyDictionary<string, Func<string[], ExternalEvent>> Table { get; } = new Dictionary<string, Func<string[], ExternalEvent>>
    {
        ["switch"] = args => NoArguments(args, new UserSwitch()),
        ["call"] = args => new IncomingCall(
            args.Length is 1 or 2 ? Persona(args[0]) : throw new FormatException("expected 'call personal|work [from=NUMBER]'"),
            args.Length == 2 ? Caller(args[1]) : DefaultCaller),
        ["hangup"] = args => new RemoteHangUp(args.Length switch
        {
            0 => null,
            1 => Persona(args[0]),
            _ => throw new FormatException("expected 'hangup [personal|work]'"),
        }),
        ["notify"] = NotifyEvent.Parse,
    };

    /// <summary>The caller's number when the scenario names none.</summary>
    public const uint DefaultCaller = 5_550_100;

    /// <summary>Parses the rest of an <c>at</c> line (after <c>at</c>).</summary>
    public static TimedEvent Parse(string rest, string source, int line)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
            throw new ScenarioFileException(source, line, $"expected 'at TIME EVENT', e.g. 'at 3ms call personal' (events: {string.Join(", ", Table.Keys)})");
        var ticks = Time(words[0]) ?? throw new ScenarioFileException(source, line, $"'{words[0]}' is not a time (e.g. 12ms, 300us, 750000ticks)");
        if (!Table.TryGetValue(words[1], out var parser))
            throw new ScenarioFileException(source, line, $"unknown event '{words[1]}' (known: {string.Join(", ", Table.Keys)})");
        try
        {
            return new TimedEvent(ticks, parser(words[2..]), line);
        }
        catch (FormatException e)
        {
            throw new ScenarioFileException(source, line, $"event '{words[1]}': {e.Message}");
        }
    }

    private static ulong? Time(string text)
    {
        // Ticks per unit as a fraction: 62.5 ticks per microsecond is not a whole number.
        foreach (var (suffix, ticks, per) in new[] { ("ticks", 1UL, 1UL), ("us", TicksPerMillisecond, 1_000UL), ("ms", TicksPerMillisecond, 1UL) })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && ulong.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n <= ulong.MaxValue / ticks)
                return n * ticks / per;
        }
        return null;
    }

    private static Component Persona(string word) => word switch
    {
        "personal" => Component.Personal,
        "work" => Component.Work,
        _ => throw new FormatException($"'{word}' is not a persona (personal or work)"),
    };

    private static uint Caller(string word) =>
        word.StartsWith("from=", StringComparison.Ordinal) && uint.TryParse(word.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : throw new FormatException($"'{word}' is not 'from=NUMBER'");

    private static ExternalEvent NoArguments(string[] args, ExternalEvent external) =>
        args.Length == 0 ? external : throw new FormatException($"takes no arguments, not '{string.Join(' ', args)}'");
}
