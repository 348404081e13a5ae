using System.Globalization;
using System.Text;
using Persona.Cli.Verification;

namespace Persona.Cli.Reports;

/// <summary>The trap statistics of the validated scenario: figures, a stacked bar chart by class and detail, and the violation if any.</summary>
public static partial class HtmlReport
{
    private const string PersonalColour = "#2f6fb5";
    private const string WorkColour = "#d9822b";

    private static void Traps(StringBuilder s, VerifyReport report)
    {
        s.Append("<section id=\"traps\"><h2>Traps in the validated scenario</h2>\n");
        if (report.Scenario is not { } scenario)
        {
            NotRun(s, report, "validated scenario");
            return;
        }
        var stats = scenario.Statistics;
        s.Append("<p class=\"lead\">The scenario <b>").Append(Html.Text(scenario.Scenario)).Append("</b> boots both personas on the emulated phone. ")
            .Append("Every time a persona traps to the hypervisor (a hypercall, a device access, an idle WFI, a firmware call, an interrupt), the validator ")
            .Append("abstracts the machine to a spec state and checks the trap against the spec's operation and rules.</p>\n<p class=\"figures\">");
        Figure(s, "trap-count", scenario.Traps, "traps");
        Figure(s, "validated-count", scenario.Validated, "validated");
        Figure(s, "world-switches", stats.WorldSwitches, "world switches");
        Figure(s, "ownership-changes", stats.OwnershipChanges, "ownership changes");
        Figure(s, "personal-traps", stats.Personal, "by personal");
        Figure(s, "work-traps", stats.Work, "by work");
        s.Append("<span class=\"figure\">").Append(scenario.Instructions).Append(" instructions, stopped by ").Append(Html.Text(scenario.Stop)).Append("</span></p>\n");
        if (scenario.Violation is { } v)
        {
            s.Append("<div class=\"violation\"><p><b>Validation failed after ").Append(Html.Text(v.Trap)).Append("</b></p><p>expected spec operation: <code>")
                .Append(Html.Text(v.ExpectedOperation)).Append("</code></p><p>rules broken: ")
                .Append(v.BrokenRules.Count == 0 ? "none (the machine's step is not the spec operation)" : Html.Text(string.Join(", ", v.BrokenRules)))
                .Append("</p><ul>");
            foreach (var e in v.Evidence) s.Append("<li><code>").Append(Html.Text(e)).Append("</code></li>");
            s.Append("</ul></div>\n");
        }
        foreach (var missed in scenario.Missed) s.Append("<p class=\"fail\">").Append(Html.Text(missed)).Append("</p>\n");
        s.Append("<div class=\"legend\"><span class=\"swatch\" style=\"background:").Append(PersonalColour).Append("\"></span> personal ")
            .Append("<span class=\"swatch\" style=\"background:").Append(WorkColour).Append("\"></span> work</div>\n<div class=\"scroll\">");
        BarChart(s, stats);
        s.Append("</div>\n</section>\n");
    }

    /// <summary>One horizontal bar per class and detail, split into the two personas' traps.</summary>
    private static void BarChart(StringBuilder s, TrapStatistics stats)
    {
        var inv = CultureInfo.InvariantCulture;
        const int labelWidth = 330, barWidth = 460, rowHeight = 22, top = 8;
        var max = Math.Max(1, stats.Tallies.Select(t => t.Total).DefaultIfEmpty(0).Max());
        var height = top + (stats.Tallies.Count * rowHeight) + 8;
        var width = labelWidth + barWidth + 80;
        s.Append(inv, $"<svg class=\"bars\" id=\"trap-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">");
        s.Append(inv, $"<title>traps by class and persona</title>");
        var y = top;
        TrapClass? previous = null;
        foreach (var t in stats.Tallies)
        {
            if (previous is { } p && p != t.Class) s.Append(inv, $"<line x1=\"0\" x2=\"{width}\" y1=\"{y - 1}\" y2=\"{y - 1}\" class=\"separator\"/>");
            previous = t.Class;
            var personal = Math.Max(t.Personal > 0 ? 1 : 0, (int)Math.Round((double)t.Personal / max * barWidth));
            var work = Math.Max(t.Work > 0 ? 1 : 0, (int)Math.Round((double)t.Work / max * barWidth));
            s.Append(inv, $"<g class=\"bar\" data-class=\"{t.Class}\"><text x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{Html.Text($"{ClassName(t.Class)}: {t.Detail}")}</text>");
            s.Append(inv, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{personal}\" height=\"{rowHeight - 6}\" fill=\"{PersonalColour}\"><title>personal: {t.Personal}</title></rect>");
            s.Append(inv, $"<rect x=\"{labelWidth + personal}\" y=\"{y + 3}\" width=\"{work}\" height=\"{rowHeight - 6}\" fill=\"{WorkColour}\"><title>work: {t.Work}</title></rect>");
            s.Append(inv, $"<text x=\"{labelWidth + personal + work + 6}\" y=\"{y + 15}\">{t.Total}</text></g>");
            y += rowHeight;
        }
        s.Append("</svg>");
    }

    private static string ClassName(TrapClass c) => c switch
    {
        TrapClass.Hypercall => "hypercall",
        TrapClass.DataAbort => "data abort",
        TrapClass.WaitForInterrupt => "WFI",
        TrapClass.SecureMonitorCall => "SMC",
        TrapClass.Interrupt => "interrupt",
        _ => "other",
    };
}
