using System.Globalization;
using System.Net;
using System.Text;
using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Specifications;

namespace Persona.Systematic.Traces;

/// <summary>Collects the messages, state changes and faults of a replayed iteration and draws them as a Mermaid sequence diagram or a standalone HTML page with an inline SVG.</summary>
internal sealed class SequenceDiagram : IRuntimeObserver
{
    private enum RowKind
    {
        Message,
        LinkMessage,
        Create,
        Note,
    }

    private readonly record struct Row(RowKind Kind, int From, int To, string Label);

    private readonly List<string> participants = ["test"];
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal) { ["test"] = 0 };
    private readonly List<Row> rows = [];

    private int Participant(string name)
    {
        if (index.TryGetValue(name, out int i)) return i;
        index[name] = participants.Count;
        participants.Add(name);
        return participants.Count - 1;
    }

    private static string Label(Event e)
    {
        string s = e.ToString();
        return s.Length > 60 ? s[..57] + "..." : s;
    }

    public void OnStep(int step, Operation op, PointKind point)
    {
    }

    public void OnCreated(ActorId? creator, ActorId created)
    {
        int to = Participant(created.ToString());
        rows.Add(new Row(RowKind.Create, Participant(creator?.ToString() ?? "test"), to, "create"));
    }

    public void OnSend(ActorId? from, ActorId to, Event e, bool viaLink) =>
        rows.Add(new Row(viaLink ? RowKind.LinkMessage : RowKind.Message, Participant(from?.ToString() ?? "test"), Participant(to.ToString()), Label(e)));

    public void OnDequeue(Actor actor, Event e)
    {
    }

    public void OnHandled(Actor actor, Event e)
    {
    }

    public void OnStateEntered(Actor actor, string state)
    {
        int p = Participant(actor.Id.ToString());
        rows.Add(new Row(RowKind.Note, p, p, state));
    }

    public void OnHalted(Actor actor)
    {
        int p = Participant(actor.Id.ToString());
        rows.Add(new Row(RowKind.Note, p, p, "halted"));
    }

    public void OnMonitorEvent(Monitor monitor, Event e) =>
        rows.Add(new Row(RowKind.Message, 0, Participant("monitor " + monitor.Name), Label(e)));

    public void OnMonitorState(Monitor monitor)
    {
        int p = Participant("monitor " + monitor.Name);
        rows.Add(new Row(RowKind.Note, p, p, monitor.CurrentStateName + (monitor.IsHot ? " (hot)" : monitor.IsCold ? " (cold)" : "")));
    }

    public void OnChoice(DecisionKind kind, int value)
    {
    }

    public void OnTimer(TimerInfo timer, string what)
    {
        if (what != "fired") return;
        int p = Participant(timer.Owner.ToString());
        rows.Add(new Row(RowKind.Note, p, p, $"timer {timer.Number} fired"));
    }

    public void OnCrashed(ActorId actor, bool restarted)
    {
        int p = Participant(actor.ToString());
        rows.Add(new Row(RowKind.Note, p, p, restarted ? "CRASH + restart" : "CRASH"));
    }

    public void OnLinkFault(ActorId from, ActorId to, Event e, string what)
    {
        int p = Participant(to.ToString());
        rows.Add(new Row(RowKind.Note, p, p, $"link {what} {Label(e)}"));
    }

    public void OnBug(BugReport bug) => rows.Add(new Row(RowKind.Note, 0, participants.Count - 1, $"BUG {bug.Kind}: {bug.Message}"));

    public void OnIterationEnd(IterationResult result)
    {
    }

    /// <summary>Mermaid <c>sequenceDiagram</c> text.</summary>
    public string ToMermaid()
    {
        var s = new StringBuilder("sequenceDiagram\n");
        for (int i = 0; i < participants.Count; i++) s.Append(CultureInfo.InvariantCulture, $"    participant P{i} as {MermaidText(participants[i])}\n");
        foreach (var r in rows)
        {
            string line = r.Kind switch
            {
                RowKind.Message => $"P{r.From}->>P{r.To}: {MermaidText(r.Label)}",
                RowKind.LinkMessage => $"P{r.From}-)P{r.To}: {MermaidText(r.Label)} (link)",
                RowKind.Create => $"P{r.From}-->>P{r.To}: create",
                _ => r.From == r.To ? $"Note over P{r.From}: {MermaidText(r.Label)}" : $"Note over P{r.From},P{r.To}: {MermaidText(r.Label)}",
            };
            s.Append("    ").Append(line).Append('\n');
        }
        return s.ToString();
    }

    private static string MermaidText(string text) =>
        text.Replace(";", ",", StringComparison.Ordinal).Replace("#", "no.", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal);

    /// <summary>A standalone HTML page (no scripts, no network) drawing the diagram as SVG.</summary>
    public string ToHtml(string title, BugReport? bug)
    {
        const int column = 190, top = 60, rowHeight = 26, left = 100;
        int width = left + (participants.Count * column);
        int height = top + ((rows.Count + 2) * rowHeight);
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(Html(title)).Append("</title>\n");
        s.Append("<style>body{font-family:sans-serif} text{font-size:12px} .note{fill:#fff7c0;stroke:#b9a400} .bug{fill:#ffd0d0;stroke:#c00}</style></head><body>\n");
        s.Append("<h1>").Append(Html(title)).Append("</h1>\n");
        if (bug is not null) s.Append("<p><b>").Append(Html(bug.Kind.ToString())).Append("</b> at step ").Append(bug.Step).Append(": ").Append(Html(bug.Message)).Append("</p>\n");
        s.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\">\n");
        s.Append("<defs><marker id=\"a\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\"/></marker></defs>\n");
        for (int i = 0; i < participants.Count; i++)
        {
            int x = left + (i * column);
            s.Append(inv, $"<rect x=\"{x - 80}\" y=\"10\" width=\"160\" height=\"26\" fill=\"#dde8ff\" stroke=\"#335\"/>");
            s.Append(inv, $"<text x=\"{x}\" y=\"28\" text-anchor=\"middle\">{Html(participants[i])}</text>");
            s.Append(inv, $"<line x1=\"{x}\" y1=\"36\" x2=\"{x}\" y2=\"{height}\" stroke=\"#999\" stroke-dasharray=\"4\"/>\n");
        }
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            int y = top + (r * rowHeight);
            int x1 = left + (row.From * column), x2 = left + (row.To * column);
            if (row.Kind == RowKind.Note)
            {
                int lo = Math.Min(x1, x2) - 75, w = Math.Abs(x2 - x1) + 150;
                string cls = row.Label.StartsWith("BUG", StringComparison.Ordinal) ? "bug" : "note";
                s.Append(inv, $"<rect class=\"{cls}\" x=\"{lo}\" y=\"{y - 14}\" width=\"{w}\" height=\"20\"/>");
                s.Append(inv, $"<text x=\"{lo + (w / 2)}\" y=\"{y}\" text-anchor=\"middle\">{Html(row.Label)}</text>\n");
                continue;
            }
            string dash = row.Kind == RowKind.Message ? "" : " stroke-dasharray=\"6 3\"";
            s.Append(inv, $"<line x1=\"{x1}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"#000\" marker-end=\"url(#a)\"{dash}/>");
            s.Append(inv, $"<text x=\"{(x1 + x2) / 2}\" y=\"{y - 4}\" text-anchor=\"middle\">{Html(row.Label)}</text>\n");
        }
        s.Append("</svg>\n</body></html>\n");
        return s.ToString();
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
