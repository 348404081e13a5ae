using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Persona.Cli.Reports;
using Persona.Proofs.Proving;
using Xunit.Abstractions;

namespace Persona.Cli.Tests.Reports;

/// <summary>What the HTML report says about real failures: counterexamples of a spec mutant, and a protocol bug's trace as a sequence diagram.</summary>
[Collection("verify reports")]
public sealed class HtmlReportContentTests(DefaultVerifyRun passing, SeededBugsRun failing, ITestOutputHelper output)
{
    [Fact]
    public void Verify_WritesFourReportsSideBySide()
    {
        foreach (var name in new[] { ReportFiles.Json, ReportFiles.JUnit, ReportFiles.Html, ReportFiles.Sarif })
            Assert.True(File.Exists(passing.File(name)), $"{name} is written");
        Assert.Contains(passing.File(ReportFiles.Html), passing.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void SpecMutant_EveryRefutedObligationHasItsCounterexampleInSpecTermsBelowItsRow()
    {
        var html = File.ReadAllText(failing.File(ReportFiles.Html));
        var results = failing.Report.Proofs!.Results;
        var refuted = results.Where(r => r.Status == ProofStatus.Refuted).ToList();
        Assert.Subset(refuted.Select(r => r.Id).ToHashSet(), SeededBugsRun.Mutant.MustRefute.ToHashSet());
        Assert.Contains(results, r => r.Status == ProofStatus.Proved);
        foreach (var r in refuted)
        {
            var row = Regex.Match(html, $"<tr class=\"obligation refuted\" id=\"ob-{Html.Id(r.Id)}\".*?</tr>\\s*<tr class=\"cex\"><td colspan=\"6\">(.*?)</td></tr>\n", RegexOptions.Singleline);
            Assert.True(row.Success, $"{r.Id} has a refuted row followed by its counterexample");
            var cex = WebUtility.HtmlDecode(row.Groups[1].Value);
            output.WriteLine($"{r.Id}: {r.Counterexample!.Operation}");
            Assert.Contains($"Counterexample to {r.Id}", cex, StringComparison.Ordinal);
            Assert.Contains(r.Counterexample.Operation!, cex, StringComparison.Ordinal);
            Assert.Contains(r.Counterexample.Rule, cex, StringComparison.Ordinal);
            Assert.All(r.Counterexample.Entries, e => Assert.Contains(e.Location, cex, StringComparison.Ordinal));
        }
        Assert.Equal(results.Count(r => r.Status != ProofStatus.Proved), Regex.Matches(html, "<tr class=\"cex\">").Count);
        Assert.Equal(results.Count, Regex.Matches(html, "<tr class=\"obligation ").Count);
        // A group holding a failure opens by itself; the reader should not have to hunt for it.
        Assert.Matches("<details class=\"kind\" data-kind=\"Inductiveness\" open>", html);
    }

    [Fact]
    public void ProtocolBug_ItsTraceIsDrawnAsASequenceDiagramWithTheFailingStepMarked()
    {
        var outcome = Assert.Single(failing.Report.Systematic);
        var bug = Assert.IsType<Persona.Cli.Verification.BugEvidence>(outcome.Evidence);
        var model = SequenceDiagramModel.Parse(bug.Mermaid);
        output.WriteLine(bug.Mermaid);
        var html = File.ReadAllText(failing.File(ReportFiles.Html));
        var svgText = Regex.Match(html, $"<svg class=\"sequence\" id=\"bug-{Html.Id(outcome.Test)}-diagram\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(svgText);
        var svg = XDocument.Parse(svgText);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var groups = svg.Descendants(ns + "g").ToList();
        List<XElement> Of(string cls) => [.. groups.Where(g => ((string?)g.Attribute("class"))?.Split(' ').Contains(cls) == true)];
        Assert.Equal(model.Participants.Count, Of("lifeline").Count);
        Assert.Equal(model.Participants, Of("lifeline").Select(g => (string)g.Element(ns + "text")!.Element(ns + "title")!));
        var arrows = model.Rows.Count(r => r.Kind is SequenceRowKind.Message or SequenceRowKind.LinkMessage or SequenceRowKind.Create);
        Assert.True(arrows > 0);
        Assert.Equal(arrows, Of("message").Count);
        var failure = Assert.Single(Of("failure"));
        Assert.Contains(bug.Message, (string)failure.Descendants(ns + "title").Single(), StringComparison.Ordinal);
        Assert.Single(Of("failing"));
        Assert.Contains(WebUtility.HtmlEncode(bug.ReplayCommand), html, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRun_ProofGroupsAreCollapsed_AndNoBugIsDrawn()
    {
        var html = File.ReadAllText(passing.File(ReportFiles.Html));
        Assert.DoesNotMatch("<details class=\"kind\"[^>]* open>", html);
        Assert.DoesNotContain("<tr class=\"cex\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"sequence\"", html, StringComparison.Ordinal);
        Assert.Contains("No test found a bug", html, StringComparison.Ordinal);
        // Self-contained: nothing is fetched from anywhere.
        Assert.DoesNotMatch("<(script|link|img)[^>]+(src|href)=", html);
    }
}
