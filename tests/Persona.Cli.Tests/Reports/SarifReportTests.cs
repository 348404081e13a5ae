using System.Text.Json.Nodes;
using Persona.Cli.Reports;
using Persona.Proofs.Proving;
using Persona.Spec;

namespace Persona.Cli.Tests.Reports;

/// <summary>verify.sarif: well-formed SARIF 2.1.0, the spec's rules as the driver's rules, one result per failure pointing at the broken rule's source.</summary>
[Collection("verify reports")]
public sealed class SarifReportTests(DefaultVerifyRun passing, SeededBugsRun failing)
{
    [Fact]
    public void DefaultRun_IsWellFormed_DescribesEverySpecRule_AndHasAnEmptyResultsArray()
    {
        var doc = JsonNode.Parse(File.ReadAllText(passing.File(ReportFiles.Sarif)));
        Assert.Empty(SarifChecks.Problems(doc));
        var run = Assert.Single(doc!["runs"]!.AsArray())!;
        Assert.Equal("persona", (string)run["tool"]!["driver"]!["name"]!);
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray().ToDictionary(r => (string)r!["id"]!, r => r!);
        foreach (var rule in SpecModel.Default.Rules)
        {
            Assert.True(rules.ContainsKey(rule.Id), $"{rule.Id} is a rule of the driver");
            Assert.Equal(rule.Sentence, (string)rules[rule.Id]["shortDescription"]!["text"]!);
        }
        foreach (var id in Persona.Proofs.Obligations.RelationalProperties.All.Keys) Assert.True(rules.ContainsKey(id), $"{id} is a rule of the driver");
        var results = Assert.IsType<JsonArray>(run["results"]);
        Assert.Empty(results);
    }

    [Fact]
    public void SeededBugs_EveryFailureIsAResult_WithItsRuleAndItsEvidence()
    {
        var doc = JsonNode.Parse(File.ReadAllText(failing.File(ReportFiles.Sarif)));
        Assert.Empty(SarifChecks.Problems(doc));
        var results = doc!["runs"]![0]!["results"]!.AsArray().Select(r => r!).ToList();

        var refuted = failing.Report.Proofs!.Results.Where(r => r.Status == ProofStatus.Refuted).ToList();
        Assert.NotEmpty(refuted);
        foreach (var r in refuted)
        {
            var result = Assert.Single(results, x => (string?)x["properties"]?["obligation"] == r.Id);
            Assert.Equal(r.RuleId, (string)result["ruleId"]!);
            Assert.Equal("error", (string)result["level"]!);
            Assert.Contains(r.Counterexample!.ToText(), (string)result["message"]!["text"]!, StringComparison.Ordinal);
            AssertPointsAtTheRuleSource(result, r.RuleId);
        }

        var bug = failing.Report.Systematic.Single().Evidence!;
        var systematic = Assert.Single(results, x => (string?)x["properties"]?["stage"] == "systematic tests");
        Assert.Contains(bug.TracePath, (string)systematic["message"]!["text"]!, StringComparison.Ordinal);
        Assert.Equal(new Uri(bug.TracePath).AbsoluteUri, (string)systematic["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        // The monitor's message names the spec rules it found broken; the result is filed under the first.
        Assert.Contains((string)systematic["ruleId"]!, bug.Message, StringComparison.Ordinal);

        var violation = failing.Report.Scenario!.Violation;
        Assert.NotNull(violation);
        Assert.NotEmpty(violation.BrokenRules);
        var scenario = results.Where(x => (string?)x["properties"]?["stage"] == "validated scenario" && (string?)x["ruleId"] != SarifReport.ExpectationRule).ToList();
        Assert.Equal(violation.BrokenRules, scenario.Select(x => (string)x["ruleId"]!));
        // The violation stops the run, so the scenario's later expectations are missed too, each a result of its own.
        var missed = results.Where(x => (string?)x["ruleId"] == SarifReport.ExpectationRule).Select(x => (string)x["message"]!["text"]!).ToList();
        Assert.Equal(failing.Report.Scenario.Missed, missed);
        foreach (var result in scenario)
        {
            Assert.Contains(violation.Trap, (string)result["message"]!["text"]!, StringComparison.Ordinal);
            AssertPointsAtTheRuleSource(result, (string)result["ruleId"]!);
        }
        Assert.Equal(refuted.Count + 1 + scenario.Count + missed.Count + failing.Report.Proofs.Results.Count(r => r.Status == ProofStatus.Unknown), results.Count);
    }

    [Fact]
    public void Checks_CatchBrokenDocuments()
    {
        var good = JsonNode.Parse(File.ReadAllText(failing.File(ReportFiles.Sarif)))!;
        Assert.Empty(SarifChecks.Problems(good));
        JsonNode Broken(Action<JsonNode> breakIt)
        {
            var copy = good.DeepClone();
            breakIt(copy);
            return copy;
        }
        Assert.NotEmpty(SarifChecks.Problems(Broken(d => d["version"] = "2.0.0")));
        Assert.NotEmpty(SarifChecks.Problems(Broken(d => d.AsObject().Remove("$schema"))));
        Assert.NotEmpty(SarifChecks.Problems(Broken(d => d["runs"]![0]!["tool"]!["driver"]!.AsObject().Remove("name"))));
        Assert.NotEmpty(SarifChecks.Problems(Broken(d => d["runs"]![0]!["results"]![0]!["message"]!.AsObject().Remove("text"))));
        Assert.NotEmpty(SarifChecks.Problems(Broken(d => d["runs"]![0]!["results"]![0]!["ruleId"] = "NO-SUCH-RULE")));
        Assert.NotEmpty(SarifChecks.Problems(Broken(d => d["runs"]![0]!["results"]![0]!["ruleIndex"] = 9999)));
    }

    private static void AssertPointsAtTheRuleSource(JsonNode result, string ruleId)
    {
        var physical = result["locations"]![0]!["physicalLocation"]!;
        var uri = (string)physical["artifactLocation"]!["uri"]!;
        Assert.Equal(SarifReport.SourceRoot, (string)physical["artifactLocation"]!["uriBaseId"]!);
        Assert.True(uri.StartsWith("spec/Persona.Spec/Rules/", StringComparison.Ordinal) || uri.StartsWith("proofs/", StringComparison.Ordinal), uri);
        var root = SpecSources.RepositoryRoot;
        Assert.NotNull(root);
        var lines = File.ReadAllLines(Path.Combine(root, uri));
        var line = (int)physical["region"]!["startLine"]!;
        Assert.Contains($"\"{ruleId}\"", lines[line - 1], StringComparison.Ordinal);
    }
}
