using System.Text.RegularExpressions;

namespace Persona.Cli.Reports;

/// <summary>The kinds of row in a sequence diagram of a bug trace.</summary>
public enum SequenceRowKind
{
    /// <summary>An event sent from one actor to another.</summary>
    Message,

    /// <summary>An event sent over a faulty link (it may be lost, duplicated or delayed).</summary>
    LinkMessage,

    /// <summary>One actor creating another.</summary>
    Create,

    /// <summary>A note over one or more lifelines: a state entered, a timer, a crash.</summary>
    Note,

    /// <summary>The note that marks the failing step: the bug.</summary>
    Failure,
}

/// <summary>One row of a sequence diagram.</summary>
/// <param name="Kind">What the row is.</param>
/// <param name="From">The sending (or first noted) participant's index.</param>
/// <param name="To">The receiving (or last noted) participant's index.</param>
/// <param name="Label">The event, state or bug text.</param>
public sealed record SequenceRow(SequenceRowKind Kind, int From, int To, string Label);

/// <summary>A bug trace's sequence diagram: the actors as participants and the rows in order, read from Persona.Systematic's Mermaid text.</summary>
/// <param name="Participants">The participants' names, in order of first appearance.</param>
/// <param name="Rows">The rows, in trace order.</param>
public sealed partial record SequenceDiagramModel(IReadOnlyList<string> Participants, IReadOnlyList<SequenceRow> Rows)
{
    /// <summary>The index of the failing row, or -1 when the trace records no bug.</summary>
    public int FailureRow => Rows.ToList().FindLastIndex(r => r.Kind == SequenceRowKind.Failure);

    /// <summary>Reads the Mermaid <c>sequenceDiagram</c> that Persona.Systematic writes for a trace (its public form of the diagram).</summary>
    /// <exception cref="FormatException">The text is not such a diagram, or a row names an undeclared participant.</exception>
    public static SequenceDiagramModel Parse(string mermaid)
    {
        var lines = mermaid.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines[0] != "sequenceDiagram")
            throw new FormatException("the diagram does not start with 'sequenceDiagram'");
        var participants = new List<string>();
        var rows = new List<SequenceRow>();
        foreach (var line in lines.Skip(1))
        {
            if (ParticipantLine().Match(line) is { Success: true } p)
            {
                if (int.Parse(p.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != participants.Count)
                    throw new FormatException($"participant out of order: {line}");
                participants.Add(p.Groups[2].Value);
            }
            else if (ArrowLine().Match(line) is { Success: true } a)
            {
                var kind = a.Groups[2].Value switch { "-->>" => SequenceRowKind.Create, "-)" => SequenceRowKind.LinkMessage, _ => SequenceRowKind.Message };
                var label = a.Groups[4].Value;
                if (kind == SequenceRowKind.LinkMessage && label.EndsWith(" (link)", StringComparison.Ordinal)) label = label[..^" (link)".Length];
                rows.Add(new SequenceRow(kind, Index(a.Groups[1], participants, line), Index(a.Groups[3], participants, line), label));
            }
            else if (NoteLine().Match(line) is { Success: true } n)
            {
                var from = Index(n.Groups[1], participants, line);
                var to = n.Groups[2].Success ? Index(n.Groups[2], participants, line) : from;
                var label = n.Groups[3].Value;
                rows.Add(new SequenceRow(label.StartsWith("BUG ", StringComparison.Ordinal) ? SequenceRowKind.Failure : SequenceRowKind.Note, from, to, label));
            }
            else
            {
                throw new FormatException($"unrecognised diagram line: {line}");
            }
        }
        return new SequenceDiagramModel(participants, rows);
    }

    private static int Index(Group group, List<string> participants, string line)
    {
        var i = int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture);
        return i < participants.Count ? i : throw new FormatException($"undeclared participant P{i}: {line}");
    }

    [GeneratedRegex(@"^participant P(\d+) as (.*)$")]
    private static partial Regex ParticipantLine();

    [GeneratedRegex(@"^P(\d+)(-->>|->>|-\))P(\d+): (.*)$")]
    private static partial Regex ArrowLine();

    [GeneratedRegex(@"^Note over P(\d+)(?:,P(\d+))?: (.*)$")]
    private static partial Regex NoteLine();
}
