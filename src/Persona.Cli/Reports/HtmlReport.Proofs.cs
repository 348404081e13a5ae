using System.Text;
using Persona.Proofs.Obligations;
using Persona.Proofs.Proving;
using Persona.Spec;

namespace Persona.Cli.Reports;

/// <summary>The proof table: every obligation grouped by kind, each refuted one with its counterexample in spec terms.</summary>
public static partial class HtmlReport
{
    private static void Proofs(StringBuilder s, VerifyReport report)
    {
        s.Append("<section id=\"proofs\"><h2>Proofs</h2>\n");
        if (report.Proofs is not { } run)
        {
            NotRun(s, report, "proofs");
            return;
        }
        var results = run.Results;
        s.Append("<p class=\"lead\">Each obligation is one theorem about the spec: Z3 ").Append(Html.Text(run.SolverVersion))
            .Append(" searched for a state that breaks it. <b>Proved</b> means there is none; <b>refuted</b> means Z3 found one, ")
            .Append("shown below the row in spec terms (the operation and its arguments, the witnesses, the state before and after); ")
            .Append("<b>unknown</b> means the solver gave up, and is never counted as proved.</p>\n<p class=\"figures\">");
        Figure(s, "obligation-count", results.Count, "obligations");
        Figure(s, "proved-count", results.Count(r => r.Status == ProofStatus.Proved), "proved");
        Figure(s, "refuted-count", results.Count(r => r.Status == ProofStatus.Refuted), "refuted");
        Figure(s, "unknown-count", results.Count(r => r.Status == ProofStatus.Unknown), "unknown");
        s.Append("<span class=\"figure\">").Append(Html.Number(results.Sum(r => r.Milliseconds) / 1000, "0.0")).Append(" s solver time</span></p>\n");
        s.Append("<div class=\"controls\"><input type=\"search\" id=\"proof-filter\" placeholder=\"filter by id, rule, operation or persona\" aria-label=\"filter obligations\"> ")
            .Append("<label><input type=\"checkbox\" id=\"failures-only\"> failures only</label> ")
            .Append("<button type=\"button\" id=\"expand-all\">expand all</button> <button type=\"button\" id=\"collapse-all\">collapse all</button> ")
            .Append("<span id=\"proof-shown\" class=\"muted\"></span></div>\n");
        foreach (var group in results.GroupBy(r => r.Kind).OrderBy(g => g.Key))
        {
            var (title, explanation) = ObligationKinds.Describe(group.Key);
            var failed = group.Count(r => r.Status != ProofStatus.Proved);
            s.Append("<details class=\"kind\" data-kind=\"").Append(group.Key).Append('"').Append(failed > 0 ? " open" : "").Append("><summary><b>")
                .Append(Html.Text(title)).Append("</b>: ").Append(group.Count()).Append(" obligations, ")
                .Append(failed == 0 ? "<span class=\"pass\">all proved</span>" : $"<span class=\"fail\">{failed} not proved</span>")
                .Append(" <span class=\"muted\">").Append(Html.Text(explanation)).Append("</span></summary>\n");
            s.Append("<table class=\"proofs\"><thead><tr><th>obligation</th><th>kind</th><th>operation</th><th>rule</th><th>verdict</th><th class=\"num\">time (ms)</th></tr></thead><tbody>\n");
            foreach (var r in group.OrderBy(r => r.Status == ProofStatus.Proved).ThenBy(r => r.Id, StringComparer.Ordinal))
                ProofRow(s, r);
            s.Append("</tbody></table></details>\n");
        }
        s.Append("</section>\n");
    }

    private static void ProofRow(StringBuilder s, ProofResult r)
    {
        var status = r.Status.ToString().ToLowerInvariant();
        var search = $"{r.Id} {r.Kind} {r.Operation} {r.RuleId} {r.Observer} {status}".ToLowerInvariant();
        s.Append("<tr class=\"obligation ").Append(status).Append("\" id=\"ob-").Append(Html.Id(r.Id)).Append("\" data-search=\"").Append(Html.Text(search)).Append("\">")
            .Append("<td><code>").Append(Html.Text(r.Id)).Append("</code></td><td>").Append(r.Kind).Append("</td><td>").Append(Html.Text(r.Operation ?? "—"))
            .Append(r.Observer is null ? "" : $" <span class=\"muted\">seen by {Html.Text(r.Observer)}</span>")
            .Append("</td><td title=\"").Append(Html.Text(Statement(r.RuleId))).Append("\">").Append(Html.Text(r.RuleId)).Append("</td><td class=\"verdict ")
            .Append(status).Append("\">").Append(status).Append("</td><td class=\"num\">").Append(Html.Number(r.Milliseconds, "0.0")).Append("</td></tr>\n");
        if (r.Status == ProofStatus.Proved) return;
        s.Append("<tr class=\"cex\"><td colspan=\"6\">");
        if (r.Counterexample is { } cex) Counterexample(s, cex);
        else s.Append("<p>The solver could not decide: ").Append(Html.Text(r.Reason ?? "no reason given")).Append("</p>");
        s.Append("</td></tr>\n");
    }

    private static void Counterexample(StringBuilder s, Counterexample cex)
    {
        s.Append("<div class=\"counterexample\"><p><b>Counterexample to ").Append(Html.Text(cex.Obligation)).Append("</b>. It breaks ")
            .Append(Html.Text(cex.Rule)).Append("</p>");
        if (cex.Operation is not null) s.Append("<p>operation: <code>").Append(Html.Text(cex.Operation)).Append("</code></p>");
        if (cex.Witnesses.Count > 0)
        {
            s.Append("<p>witnesses: ");
            s.AppendJoin(", ", cex.Witnesses.Select(w => $"<code>{Html.Text(w.Key)} = {Html.Text(w.Value)}</code>"));
            s.Append("</p>");
        }
        // The changed entries tell the story; the rest is the state the solver chose, kept one click away.
        var changed = cex.Entries.Where(e => e.Before != e.After).ToList();
        var unchanged = cex.Entries.Where(e => e.Before == e.After).ToList();
        if (changed.Count > 0) StateTable(s, changed, "changed");
        if (unchanged.Count > 0)
        {
            s.Append("<details").Append(changed.Count == 0 ? " open" : "").Append("><summary>").Append(unchanged.Count)
                .Append(cex.Operation is null ? " state entries at the elements involved" : " more state entries the operation leaves unchanged").Append("</summary>");
            StateTable(s, unchanged, "");
            s.Append("</details>");
        }
        s.Append("</div>");
    }

    private static void StateTable(StringBuilder s, IEnumerable<StateEntry> entries, string rowClass)
    {
        s.Append("<table class=\"state\"><thead><tr><th>state entry</th><th>before</th><th>after</th></tr></thead><tbody>");
        foreach (var e in entries)
        {
            s.Append(rowClass.Length > 0 ? $"<tr class=\"{rowClass}\">" : "<tr>").Append("<td><code>").Append(Html.Text(e.Location)).Append("</code></td><td>")
                .Append(Html.Text(e.Before)).Append("</td><td>").Append(Html.Text(e.After)).Append("</td></tr>");
        }
        s.Append("</tbody></table>");
    }

    /// <summary>The sentence of a rule or relational property, for the rule column's tooltip.</summary>
    private static string Statement(string id) =>
        SpecModel.Default.Rules.FirstOrDefault(r => r.Id == id)?.Sentence
        ?? (RelationalProperties.All.TryGetValue(id, out var statement) ? statement : id);
}
