using System.Globalization;
using System.Text;

namespace Persona.Cli.Reports;

/// <summary>Draws a sequence diagram as inline SVG: a lifeline per actor, an arrow per message, notes, and the failing step marked in red.</summary>
public static class SequenceDiagramSvg
{
    /// <summary>The most rows drawn; a longer trace keeps its last rows, where the failure is, and says how many it left out.</summary>
    public const int MaxRows = 240;

    private const int Column = 170;
    private const int Left = 95;
    private const int Top = 58;
    private const int RowHeight = 24;
    private const int LabelChars = 34;

    /// <summary>The SVG element for a diagram; <paramref name="id"/> names it in the page.</summary>
    public static string Render(SequenceDiagramModel diagram, string id)
    {
        var inv = CultureInfo.InvariantCulture;
        var first = Math.Max(0, diagram.Rows.Count - MaxRows);
        var rows = diagram.Rows.Skip(first).ToList();
        var failure = diagram.FailureRow - first;
        // The failing step is the bug note and the last message delivered before it.
        var lastMessage = failure > 0 ? rows.FindLastIndex(failure, r => r.Kind is SequenceRowKind.Message or SequenceRowKind.LinkMessage) : -1;
        var elidedRow = first > 0 ? 1 : 0;
        var width = Left + (Math.Max(1, diagram.Participants.Count) * Column) - (Column / 2) + 20;
        var height = Top + ((rows.Count + elidedRow + 1) * RowHeight);
        var s = new StringBuilder();
        s.Append(inv, $"<svg class=\"sequence\" id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">");
        s.Append(inv, $"<title>sequence diagram: {diagram.Participants.Count} actors, {diagram.Rows.Count} rows</title>");
        s.Append(inv, $"<defs><marker id=\"{id}-arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\"/></marker>");
        s.Append(inv, $"<marker id=\"{id}-arrow-fail\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#c00\"/></marker></defs>");
        for (var i = 0; i < diagram.Participants.Count; i++)
        {
            var x = X(i);
            s.Append(inv, $"<g class=\"lifeline\"><rect x=\"{x - 78}\" y=\"8\" width=\"156\" height=\"28\" rx=\"4\"/>");
            s.Append(inv, $"<text x=\"{x}\" y=\"27\" text-anchor=\"middle\">{Html.Text(Short(diagram.Participants[i], 24))}<title>{Html.Text(diagram.Participants[i])}</title></text>");
            s.Append(inv, $"<line x1=\"{x}\" y1=\"36\" x2=\"{x}\" y2=\"{height - 4}\"/></g>");
        }
        var y = Top;
        if (first > 0)
        {
            s.Append(inv, $"<text class=\"elided\" x=\"{Left}\" y=\"{y}\">… {first} earlier rows left out here (the full diagram is in the trace's HTML file)</text>");
            y += RowHeight;
        }
        for (var r = 0; r < rows.Count; r++, y += RowHeight)
        {
            var row = rows[r];
            int x1 = X(row.From), x2 = X(row.To);
            if (row.Kind is SequenceRowKind.Note or SequenceRowKind.Failure)
            {
                var lo = Math.Min(x1, x2) - 76;
                var w = Math.Abs(x2 - x1) + 152;
                var cls = row.Kind == SequenceRowKind.Failure ? "failure" : "note";
                var label = row.Kind == SequenceRowKind.Failure ? "✗ failing step: " + row.Label : row.Label;
                s.Append(inv, $"<g class=\"{cls}\"><rect x=\"{lo}\" y=\"{y - 15}\" width=\"{w}\" height=\"20\" rx=\"3\"/>");
                // A note over many lifelines starts its text at the left, where the reader is, not in the middle of a wide diagram.
                var wide = x1 != x2;
                var textX = wide ? lo + 8 : lo + (w / 2);
                s.Append(inv, $"<text x=\"{textX}\" y=\"{y}\" text-anchor=\"{(wide ? "start" : "middle")}\">{Html.Text(Short(label, Math.Max(LabelChars, w / 7)))}<title>{Html.Text(row.Label)}</title></text></g>");
                continue;
            }
            var failing = r == lastMessage;
            var cls2 = failing ? "message failing" : row.Kind == SequenceRowKind.Message ? "message" : row.Kind == SequenceRowKind.Create ? "message create" : "message link";
            var marker = failing ? $"{id}-arrow-fail" : $"{id}-arrow";
            s.Append(inv, $"<g class=\"{cls2}\">");
            if (x1 == x2)
                s.Append(inv, $"<path d=\"M{x1},{y - 10} h30 v12 h-28\" fill=\"none\" marker-end=\"url(#{marker})\"/>");
            else
                s.Append(inv, $"<line x1=\"{x1}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" marker-end=\"url(#{marker})\"/>");
            var labelX = x1 == x2 ? x1 + 34 : (x1 + x2) / 2;
            var anchor = x1 == x2 ? "start" : "middle";
            var text = row.Kind == SequenceRowKind.LinkMessage ? row.Label + " (link)" : row.Label;
            s.Append(inv, $"<text x=\"{labelX}\" y=\"{y - 4}\" text-anchor=\"{anchor}\">{Html.Text(Short(text, Math.Max(LabelChars, Math.Abs(x2 - x1) / 7)))}<title>{Html.Text(text)}</title></text></g>");
        }
        s.Append("</svg>");
        return s.ToString();
    }

    private static int X(int participant) => Left + (participant * Column);

    private static string Short(string text, int max) => text.Length <= max ? text : text[..Math.Max(1, max - 1)] + "…";
}
