using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Persona.Proofs.Obligations;
using Persona.Proofs.Proving;
using Persona.Spec;

namespace Persona.Cli.Reports;

/// <summary>
/// Writes <c>persona verify</c>'s failures as SARIF 2.1.0, so code-scanning tools annotate the spec rule each failure breaks:
/// one run, the spec's rules and the proofs' relational properties as the driver's rules, one result per failure.
/// </summary>
public static partial class SarifReport
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    /// <summary>The schema the document declares (not fetched: the writer and its test need no network).</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The rule id of a systematic bug whose message names no spec rule.</summary>
    public const string SystematicRule = "SYSTEMATIC";

    /// <summary>The rule id of a validated trap whose machine step is not the spec operation, with no rule broken.</summary>
    public const string StepRule = "VALIDATOR-STEP";

    /// <summary>The rule id of a scenario expectation no persona met.</summary>
    public const string ExpectationRule = "SCENARIO-EXPECTATION";

    /// <summary>The URI base id that relative source paths are resolved against.</summary>
    public const string SourceRoot = "SRCROOT";

    /// <summary>The SARIF document of a verify run.</summary>
    public static JsonObject Of(VerifyReport report)
    {
        var rules = Rules();
        var index = rules.Select((r, i) => ((string)r!["id"]!, i)).ToDictionary(p => p.Item1, p => p.i);
        var results = new JsonArray();
        void Add(string ruleId, string level, string message, JsonArray locations, JsonObject properties)
        {
            if (!index.ContainsKey(ruleId))
            {
                // An id the spec does not define (a property added to the proofs later) still needs a descriptor for the reference to resolve.
                rules.Add(Descriptor(ruleId, ruleId, ruleId, "A property checked by persona verify.", "other"));
                index[ruleId] = rules.Count - 1;
            }
            results.Add(new JsonObject
            {
                ["ruleId"] = ruleId,
                ["ruleIndex"] = index[ruleId],
                ["level"] = level,
                ["message"] = new JsonObject { ["text"] = message },
                ["locations"] = locations,
                ["properties"] = properties,
            });
        }

        foreach (var r in report.Proofs?.Results.Where(r => r.Status != ProofStatus.Proved) ?? [])
        {
            var text = r.Counterexample?.ToText() ?? $"{r.Id}: {r.Status} ({r.Reason})";
            Add(r.RuleId, r.Status == ProofStatus.Refuted ? "error" : "warning",
                $"obligation {r.Id} {(r.Status == ProofStatus.Refuted ? "refuted" : "not decided")}: {text}", RuleLocation(r.RuleId),
                new JsonObject { ["stage"] = "proofs", ["obligation"] = r.Id, ["obligationKind"] = r.Kind.ToString(), ["status"] = r.Status.ToString() });
        }
        foreach (var o in report.Systematic.Where(o => o.Evidence is not null))
        {
            var bug = o.Evidence!;
            var named = RuleIds().Matches(bug.Message).Select(m => m.Value).FirstOrDefault(index.ContainsKey);
            var locations = new JsonArray(FileLocation(bug.TracePath));
            Add(named ?? SystematicRule, "error",
                $"systematic test {o.Test} found a bug ({bug.Kind}) at step {bug.Step}: {bug.Message}. Trace: {bug.TracePath}; replay: {bug.ReplayCommand}",
                locations, new JsonObject { ["stage"] = "systematic tests", ["test"] = o.Test, ["trace"] = bug.TracePath, ["diagram"] = bug.DiagramPath });
        }
        if (report.Scenario is { } scenario)
        {
            if (scenario.Violation is { } v)
            {
                var message = $"validation failed after {v.Trap}; expected spec operation: {v.ExpectedOperation}; evidence: {string.Join("; ", v.Evidence)}";
                var broken = v.BrokenRules.Where(index.ContainsKey).ToList();
                foreach (var rule in broken.Count > 0 ? broken : [StepRule])
                {
                    Add(rule, "error", rule == StepRule ? message : $"{rule} broken: {message}", RuleLocation(rule),
                        new JsonObject { ["stage"] = "validated scenario", ["trap"] = v.Trap, ["evidence"] = new JsonArray([.. v.Evidence.Select(e => JsonValue.Create(e))]) });
                }
            }
            foreach (var missed in scenario.Missed)
                Add(ExpectationRule, "error", missed, [], new JsonObject { ["stage"] = "validated scenario" });
        }

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "persona",
                    ["fullName"] = "persona verify",
                    ["version"] = typeof(SarifReport).Assembly.GetName().Version?.ToString() ?? "0",
                    ["rules"] = rules,
                },
            },
            ["invocations"] = new JsonArray(new JsonObject
            {
                ["executionSuccessful"] = true,
                ["exitCode"] = report.ExitCode,
                ["commandLine"] = $"persona verify {report.Platform.Source}",
            }),
            ["results"] = results,
            ["properties"] = new JsonObject { ["platform"] = report.Platform.Name, ["seed"] = report.Options.Seed, ["verdict"] = report.Verdict },
        };
        if (SpecSources.RepositoryRoot is { } root)
            run["originalUriBaseIds"] = new JsonObject { [SourceRoot] = new JsonObject { ["uri"] = new Uri(root.TrimEnd('/') + "/").AbsoluteUri } };
        return new JsonObject { ["$schema"] = Schema, ["version"] = Version, ["runs"] = new JsonArray(run) };
    }

    /// <summary>The driver's rules: every spec rule, every relational property of the proofs, and the three failure kinds that are not rules.</summary>
    private static JsonArray Rules()
    {
        var rules = new JsonArray();
        foreach (var rule in SpecModel.Default.Rules)
            rules.Add(Descriptor(rule.Id, SpecSources.Of(rule.Id)?.Member ?? rule.Id, rule.Sentence, rule.Rationale, "spec rule"));
        foreach (var (id, statement) in RelationalProperties.All)
            rules.Add(Descriptor(id, id, statement, "A relational property proved for every operation and persona (an obligation kind).", "obligation kind"));
        rules.Add(Descriptor(SystematicRule, "SystematicBug", "A systematic concurrency test found a bug.",
            "An assertion or a monitor failed in some interleaving of the hypervisor's protocols; the trace replays it.", "systematic"));
        rules.Add(Descriptor(StepRule, "StepIsNotTheSpecOperation", "A trap's effect on the machine is not the spec operation it claims to be.",
            "The validator abstracts the machine before and after each trap and checks the step against the spec's single definition of the operation.", "validator"));
        rules.Add(Descriptor(ExpectationRule, "ScenarioExpectationMissed", "A persona never printed what the scenario expects.",
            "The scenario's expectations show that both personas really did their day's work.", "scenario"));
        return rules;
    }

    private static JsonObject Descriptor(string id, string name, string shortText, string fullText, string category)
    {
        var descriptor = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["shortDescription"] = new JsonObject { ["text"] = shortText },
            ["fullDescription"] = new JsonObject { ["text"] = fullText },
            ["defaultConfiguration"] = new JsonObject { ["level"] = "error" },
            ["properties"] = new JsonObject { ["category"] = category },
        };
        if (SpecSources.Of(id) is { } source) descriptor["properties"]!["source"] = source.Path;
        return descriptor;
    }

    private static JsonArray RuleLocation(string id)
    {
        if (SpecSources.Of(id) is not { } source) return [];
        var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = source.Path, ["uriBaseId"] = SourceRoot } };
        if (source.Line is { } line) physical["region"] = new JsonObject { ["startLine"] = line };
        return [new JsonObject { ["physicalLocation"] = physical, ["logicalLocations"] = new JsonArray(new JsonObject { ["fullyQualifiedName"] = source.Member }) }];
    }

    private static JsonObject FileLocation(string path) =>
        new() { ["physicalLocation"] = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = new Uri(Path.GetFullPath(path)).AbsoluteUri } } };

    [GeneratedRegex(@"\b[A-Z]{2,5}-\d+\b")]
    private static partial Regex RuleIds();
}
