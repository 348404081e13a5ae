using Persona.Hypervisor.Devices;
using Persona.Spec.Model;

namespace Persona.Hypervisor.Scenarios;

/// <summary>The scenario's <c>at TIME notify FROM-&gt;TO "TEXT"</c>: an app alert for FROM, which posts it on the notification channel
/// for TO (the other persona); TEXT is printable ASCII without double quotes, at most <see cref="AlertInbox.MaxLength"/> characters
/// (words separated by single spaces).</summary>
public static class NotifyEvent
{
    /// <summary>Parses the words after <c>notify</c>; a fault is a <see cref="FormatException"/> naming what is wrong.</summary>
    public static ExternalEvent Parse(string[] args)
    {
        const string usage = "expected 'notify personal->work \"TEXT\"' or 'notify work->personal \"TEXT\"'";
        if (args.Length < 2)
            throw new FormatException(usage);
        var ends = args[0].Split("->");
        if (ends.Length != 2)
            throw new FormatException($"'{args[0]}' is not FROM->TO ({usage})");
        var (from, to) = (Persona(ends[0]), Persona(ends[1]));
        if (to != HypervisorLayout.Other(from))
            throw new FormatException($"a notification crosses to the other persona, not from {ends[0]} to {ends[1]}");
        var quoted = string.Join(' ', args[1..]);
        if (quoted.Length < 3 || quoted[0] != '"' || quoted[^1] != '"')
            throw new FormatException($"the text must be a non-empty \"quoted string\", not {quoted}");
        var text = quoted[1..^1];
        if (text.Length > AlertInbox.MaxLength)
            throw new FormatException($"the text has {text.Length} characters, at most {AlertInbox.MaxLength} fit a channel slot");
        if (text.FirstOrDefault(c => c is < ' ' or > '~' or '"') is var bad and not '\0')
            throw new FormatException($"the text holds '{bad}' (U+{(int)bad:X4}): only printable ASCII without double quotes");
        return new Notification(from, to, text);
    }

    private static Component Persona(string word) => word switch
    {
        "personal" => Component.Personal,
        "work" => Component.Work,
        _ => throw new FormatException($"'{word}' is not a persona (personal or work)"),
    };
}
