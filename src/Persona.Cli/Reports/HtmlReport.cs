using System.Text;

namespace Persona.Cli.Reports;

/// <summary>
/// Writes <c>persona verify</c>'s results as one self-contained HTML page for people: the verdict, the proof table with counterexamples,
/// concurrency bugs as sequence diagrams, trap statistics and each persona's page-ownership map over time (inline CSS and SVG, no network).
/// </summary>
public static partial class HtmlReport
{
    /// <summary>The page for a verify run.</summary>
    public static string Of(VerifyReport report)
    {
        var s = new StringBuilder();
        var verdictClass = report.Passed ? "pass" : "fail";
        s.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        s.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        s.Append("<title>persona verify: ").Append(Html.Text(report.Verdict)).Append(" on ").Append(Html.Text(report.Platform.Name)).Append("</title>\n");
        // The error hook comes first so that it sees a failure anywhere in the page's script.
        s.Append("<script>window.addEventListener('error',function(e){document.documentElement.setAttribute('data-script-error',String(e.message));});</script>\n");
        s.Append("<style>").Append(Style).Append("</style></head>\n");
        s.Append("<body data-verdict=\"").Append(verdictClass).Append("\">\n");
        Header(s, report);
        Summary(s, report);
        Proofs(s, report);
        Concurrency(s, report);
        Traps(s, report);
        Ownership(s, report);
        s.Append("<footer>Written by <code>persona verify</code> beside verify.json, verify.junit.xml and verify.sarif. Every figure here is in verify.json.</footer>\n");
        s.Append("<script>").Append(Script).Append("</script>\n</body></html>\n");
        return s.ToString();
    }

    private static void Header(StringBuilder s, VerifyReport report)
    {
        var cls = report.Passed ? "pass" : "fail";
        s.Append("<header><h1>persona verify: <span id=\"verdict\" class=\"verdict ").Append(cls).Append("\">").Append(Html.Text(report.Verdict)).Append("</span></h1>\n");
        s.Append("<p>Platform <b>").Append(Html.Text(report.Platform.Name)).Append("</b> (").Append(Html.Text(report.Platform.Source)).Append("), seed ")
            .Append(report.Options.Seed).Append(", exit code <span id=\"exit-code\">").Append(report.ExitCode).Append("</span>.</p>\n");
        s.Append("<nav><a href=\"#summary\">summary</a> · <a href=\"#proofs\">proofs</a> · <a href=\"#concurrency\">concurrency bugs</a> · ")
            .Append("<a href=\"#traps\">traps</a> · <a href=\"#ownership\">page ownership</a></nav></header>\n");
    }

    private static void Summary(StringBuilder s, VerifyReport report)
    {
        s.Append("<section id=\"summary\"><h2>Summary</h2>\n");
        s.Append("<p class=\"lead\">Persona checks one spec three ways: Z3 <em>proves</em> the isolation rules for every state of the model; ")
            .Append("<em>systematic tests</em> explore the interleavings of the hypervisor's concurrent protocols with monitors built from the same rules; ")
            .Append("and a <em>validated scenario</em> runs both personas on the emulated phone, checking every trap against the spec.</p>\n");
        s.Append("<table class=\"summary\"><thead><tr><th>stage</th><th>verdict</th><th>counts</th><th class=\"num\">time (s)</th></tr></thead><tbody>\n");
        foreach (var stage in report.Stages)
        {
            var cls = stage.NotApplicable is not null ? "na" : stage.Passed ? "pass" : "fail";
            s.Append("<tr class=\"").Append(cls).Append("\" data-stage=\"").Append(Html.Text(stage.Stage)).Append("\"><td>").Append(Html.Text(stage.Stage))
                .Append("</td><td class=\"verdict ").Append(cls).Append("\">").Append(stage.Verdict).Append("</td><td>")
                .Append(Html.Text(stage.NotApplicable is { } reason ? $"not applicable: {reason}" : stage.Summary)).Append("</td><td class=\"num\">").Append(Html.Number(stage.Seconds, "0.0")).Append("</td></tr>\n");
        }
        s.Append("</tbody><tfoot><tr><td>verdict</td><td class=\"verdict ").Append(report.Passed ? "pass" : "fail").Append("\">")
            .Append(Html.Text(report.Verdict)).Append("</td><td>exit code ").Append(report.ExitCode).Append("</td><td class=\"num\">")
            .Append(Html.Number(report.Stages.Sum(x => x.Seconds), "0.0")).Append("</td></tr></tfoot></table>\n");
        var evidence = report.Stages.Where(x => x.Evidence.Count > 0).ToList();
        if (evidence.Count > 0)
        {
            s.Append("<details class=\"evidence\"><summary>the evidence as the console printed it</summary>");
            foreach (var stage in evidence)
                s.Append("<h3>").Append(Html.Text(stage.Stage)).Append("</h3><pre>").Append(Html.Text(string.Join("\n", stage.Evidence))).Append("</pre>");
            s.Append("</details>\n");
        }
        s.Append("</section>\n");
    }

    private static void Figure(StringBuilder s, string id, long value, string label) =>
        s.Append("<span class=\"figure\"><span class=\"value\" id=\"").Append(id).Append("\">").Append(value).Append("</span> ").Append(Html.Text(label)).Append("</span>");

    private static void NotRun(StringBuilder s, VerifyReport report, string what)
    {
        var reason = report.Stages.FirstOrDefault(x => x.Stage == what)?.NotApplicable;
        s.Append("<p class=\"lead\">The ").Append(Html.Text(what)).Append(" stage ")
            .Append(reason is null ? "did not run." : "was not applicable on this platform: " + Html.Text(reason)).Append("</p></section>\n");
    }

}
