using System.Text.Json.Nodes;

namespace Persona.Cli.Tests.Reports;

/// <summary>The SARIF 2.1.0 schema's required properties, checked by hand (the schema itself would need the network).</summary>
internal static class SarifChecks
{
    private static readonly HashSet<string> Levels = ["none", "note", "warning", "error"];

    /// <summary>Every way the document breaks the required structure; empty when it is well formed.</summary>
    public static List<string> Problems(JsonNode? doc)
    {
        var problems = new List<string>();
        if (doc is not JsonObject root) return ["the document is not a JSON object"];
        if ((string?)root["version"] != "2.1.0") problems.Add("version must be \"2.1.0\"");
        if (root["$schema"] is not JsonValue schema || !((string?)schema ?? "").Contains("sarif", StringComparison.OrdinalIgnoreCase))
            problems.Add("$schema must name the SARIF schema");
        if (root["runs"] is not JsonArray runs) return [.. problems, "runs must be an array"];
        for (var r = 0; r < runs.Count; r++)
        {
            var run = runs[r] as JsonObject;
            var driver = run?["tool"]?["driver"] as JsonObject;
            if (driver is null || string.IsNullOrEmpty((string?)driver["name"])) problems.Add($"runs[{r}].tool.driver.name is required");
            var rules = driver?["rules"] as JsonArray ?? [];
            var ids = new List<string>();
            for (var i = 0; i < rules.Count; i++)
            {
                var id = (string?)rules[i]?["id"];
                if (string.IsNullOrEmpty(id)) problems.Add($"runs[{r}].tool.driver.rules[{i}].id is required");
                else ids.Add(id);
                if (rules[i]?["shortDescription"] is { } sd && string.IsNullOrEmpty((string?)sd["text"]))
                    problems.Add($"runs[{r}].tool.driver.rules[{i}].shortDescription.text is required");
            }
            if (ids.Count != ids.Distinct().Count()) problems.Add($"runs[{r}].tool.driver.rules ids must be unique");
            if (run?["results"] is not JsonArray results)
            {
                problems.Add($"runs[{r}].results must be an array");
                continue;
            }
            for (var i = 0; i < results.Count; i++)
            {
                var result = results[i] as JsonObject;
                var where = $"runs[{r}].results[{i}]";
                if (string.IsNullOrEmpty((string?)result?["message"]?["text"])) problems.Add($"{where}.message.text is required");
                var ruleId = (string?)result?["ruleId"];
                if (ruleId is null || !ids.Contains(ruleId)) problems.Add($"{where}.ruleId '{ruleId}' is not a rule of the driver");
                if (result?["ruleIndex"] is { } index && (ruleId is null || (int)index < 0 || (int)index >= ids.Count || ids[(int)index] != ruleId))
                    problems.Add($"{where}.ruleIndex does not point at rule '{ruleId}'");
                if (result?["level"] is { } level && !Levels.Contains((string)level!)) problems.Add($"{where}.level '{level}' is not a SARIF level");
                foreach (var location in result?["locations"] as JsonArray ?? [])
                {
                    if (location?["physicalLocation"] is { } physical && string.IsNullOrEmpty((string?)physical["artifactLocation"]?["uri"]))
                        problems.Add($"{where}: a physical location needs artifactLocation.uri");
                    if (location?["physicalLocation"]?["region"]?["startLine"] is { } line && (int)line < 1)
                        problems.Add($"{where}: region.startLine must be at least 1");
                }
            }
        }
        return problems;
    }
}
