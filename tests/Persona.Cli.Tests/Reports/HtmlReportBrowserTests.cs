using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Persona.Cli.Reports;
using Persona.TestSupport;
using Xunit.Abstractions;

namespace Persona.Cli.Tests.Reports;

/// <summary>The HTML report rendered in a real browser: it loads, its script runs without error, and the figures it shows are verify.json's.</summary>
[Collection("verify reports")]
public sealed class HtmlReportBrowserTests(DefaultVerifyRun passing, SeededBugsRun failing, ITestOutputHelper output)
{
    [RequiresToolFact("chromium", "chromium")]
    public void DefaultRun_RendersInChromium_ShowingVerifyJsonsFiguresAndBothOwnershipPictures()
    {
        Assert.Equal(0, passing.ExitCode);
        var dom = Render(passing.File(ReportFiles.Html));
        var json = passing.Json;
        AssertFiguresMatch(dom, json);
        Assert.Equal("verified", Text(dom, "verdict"));
        // The script writes this line, so it shows the script ran over every row.
        var obligations = Figure(dom, "obligation-count");
        Assert.Equal($"showing {obligations} of {obligations} obligations", Text(dom, "proof-shown"));
    }

    [RequiresToolFact("chromium", "chromium")]
    public void SeededBugsRun_RendersInChromium_WithTheFailedVerdictAndTheRefutedCount()
    {
        var dom = Render(failing.File(ReportFiles.Html));
        var json = failing.Json;
        AssertFiguresMatch(dom, json);
        Assert.Equal("verification failed", Text(dom, "verdict"));
        Assert.Equal((string)json["verdict"]!, Text(dom, "verdict"));
        var refuted = Results(json).Count(r => (string)r!["Status"]! == "Refuted");
        Assert.True(refuted >= SeededBugsRun.Mutant.MustRefute.Count);
        Assert.Equal(refuted, Figure(dom, "refuted-count"));
        Assert.Equal(1, Figure(dom, "systematic-bug-count"));
        Assert.Contains("class=\"sequence\"", dom, StringComparison.Ordinal);
    }

    private string Render(string html)
    {
        var (dom, console) = Chromium.DumpDom(html);
        output.WriteLine($"DOM: {dom.Length} characters; console:\n{string.Join('\n', console.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal)))}");
        Assert.Matches("<html[^>]*data-rendered=\"true\"", dom);
        Assert.DoesNotMatch("<html[^>]*data-script-error=", dom);
        Assert.DoesNotContain("Uncaught", console, StringComparison.Ordinal);
        return dom;
    }

    /// <summary>The figures every report shows, read back from the rendered DOM and compared with verify.json.</summary>
    private static void AssertFiguresMatch(string dom, JsonNode json)
    {
        var results = Results(json);
        Assert.Equal(results.Count, Figure(dom, "obligation-count"));
        Assert.Equal(results.Count(r => (string)r!["Status"]! == "Proved"), Figure(dom, "proved-count"));
        var scenario = Stage(json, "validated scenario")["Data"]!;
        Assert.Equal((long)scenario["Traps"]!, Figure(dom, "trap-count"));
        Assert.Equal((long)scenario["Validated"]!, Figure(dom, "validated-count"));
        Assert.Equal((long)scenario["Statistics"]!["WorldSwitches"]!, Figure(dom, "world-switches"));
        var snapshots = (int)scenario["OwnershipSnapshots"]!;
        Assert.True(snapshots >= 2, "the scenario has at least the boot snapshot and a world switch");
        foreach (var persona in new[] { "personal", "work" })
        {
            var figure = Regex.Match(dom, $"<figure class=\"ownership\" id=\"ownership-{persona}\" data-snapshots=\"(\\d+)\">.*?</figure>", RegexOptions.Singleline);
            Assert.True(figure.Success, $"the {persona} ownership picture is in the DOM");
            Assert.Equal(snapshots, int.Parse(figure.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains($"id=\"ownership-{persona}-svg\"", figure.Value, StringComparison.Ordinal);
            Assert.True(Regex.Matches(figure.Value, "<rect class=\"cell ").Count >= (int)Figure(dom, "ownership-band-count"), "at least one cell per band");
        }
        var summary = Regex.Matches(dom, "<tr class=\"(pass|fail)\" data-stage=\"([^\"]+)\">");
        Assert.Equal(json["stages"]!.AsArray().Select(s => ((bool)s!["Passed"]! ? "pass" : "fail") + " " + (string)s["Stage"]!),
            summary.Select(m => m.Groups[1].Value + " " + m.Groups[2].Value));
        Assert.Equal((int)json["exitCode"]!, (int)Figure(dom, "exit-code"));
    }

    private static JsonNode Stage(JsonNode json, string name) => json["stages"]!.AsArray().Single(s => (string)s!["Stage"]! == name)!;

    private static List<JsonNode?> Results(JsonNode json) => [.. Stage(json, "proofs")["Data"]!["Results"]!.AsArray()];

    private static long Figure(string dom, string id) => long.Parse(Text(dom, id), System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(string dom, string id)
    {
        var m = Regex.Match(dom, $"id=\"{id}\"[^>]*>([^<]*)<");
        Assert.True(m.Success, $"#{id} is in the rendered DOM");
        return m.Groups[1].Value;
    }
}
