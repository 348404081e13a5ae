using System.Text;

namespace Persona.Cli.Reports;

/// <summary>The concurrency section: each systematic test's figures, and each bug's trace drawn as a sequence diagram.</summary>
public static partial class HtmlReport
{
    private static void Concurrency(StringBuilder s, VerifyReport report)
    {
        s.Append("<section id=\"concurrency\"><h2>Concurrency bugs</h2>\n");
        var outcomes = report.Systematic;
        if (outcomes.Count == 0)
        {
            NotRun(s, report, "systematic tests");
            return;
        }
        var bugs = outcomes.Where(o => o.Evidence is not null).ToList();
        s.Append("<p class=\"lead\">A systematic test runs a protocol many times under a controlled scheduler, choosing a different interleaving of ")
            .Append("messages, faults and timers each time; monitors check the spec's rules after every step. A bug comes with a trace that replays it exactly, ")
            .Append("drawn here as a sequence diagram: one lifeline per actor, one arrow per message, the failing step in red.</p>\n<p class=\"figures\">");
        Figure(s, "systematic-test-count", outcomes.Count, "tests");
        Figure(s, "systematic-bug-count", bugs.Count, "bugs");
        Figure(s, "systematic-iterations", outcomes.Sum(o => (long)o.Iterations), "iterations");
        s.Append("</p>\n<table class=\"systematic\"><thead><tr><th>test</th><th>what it exercises</th><th>strategy</th><th class=\"num\">iterations</th>")
            .Append("<th class=\"num\">buggy</th><th>verdict</th><th class=\"num\">time (s)</th></tr></thead><tbody>\n");
        foreach (var o in outcomes)
        {
            var cls = o.Evidence is null ? "pass" : "fail";
            s.Append("<tr class=\"").Append(cls).Append("\"><td><code>").Append(Html.Text(o.Test)).Append("</code></td><td>").Append(Html.Text(o.Description))
                .Append("</td><td>").Append(Html.Text(o.Strategy)).Append("</td><td class=\"num\">").Append(o.Iterations).Append("</td><td class=\"num\">")
                .Append(o.BuggyIterations).Append("</td><td class=\"verdict ").Append(cls).Append("\">").Append(o.Evidence is null ? "clean" : "BUG")
                .Append("</td><td class=\"num\">").Append(Html.Number(o.Seconds, "0.00")).Append("</td></tr>\n");
        }
        s.Append("</tbody></table>\n");
        if (bugs.Count == 0) s.Append("<p class=\"pass\">No test found a bug, so there is no trace to draw.</p>\n");
        foreach (var o in bugs)
        {
            var bug = o.Evidence!;
            var id = "bug-" + Html.Id(o.Test);
            s.Append("<article class=\"bug\" id=\"").Append(id).Append("\"><h3><code>").Append(Html.Text(o.Test)).Append("</code>: ")
                .Append(Html.Text(bug.Kind)).Append(" at step ").Append(bug.Step).Append("</h3>\n<p class=\"fail\">").Append(Html.Text(bug.Message)).Append("</p>\n")
                .Append("<p>Replay: <code>").Append(Html.Text(bug.ReplayCommand)).Append("</code><br>Trace file: <code>").Append(Html.Text(bug.TracePath))
                .Append("</code></p>\n<div class=\"scroll\">");
            try
            {
                s.Append(SequenceDiagramSvg.Render(SequenceDiagramModel.Parse(bug.Mermaid), id + "-diagram"));
            }
            catch (FormatException e)
            {
                // The diagram is a convenience: a trace the reader cannot draw must not hide the bug it shows.
                s.Append("<p class=\"fail\">The sequence diagram could not be drawn (").Append(Html.Text(e.Message)).Append("); see ")
                    .Append(Html.Text(bug.DiagramPath)).Append(".</p>");
            }
            s.Append("</div></article>\n");
        }
        s.Append("</section>\n");
    }
}
