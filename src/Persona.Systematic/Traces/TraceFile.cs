using System.Globalization;
using System.Text;
using System.Text.Json;
using Persona.Systematic.Runtime;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Traces;

/// <summary>Reads and writes traces as JSON: the settings, the bug, and one compact array per decision.</summary>
/// <remarks>Steps look like <c>["S", 3, "Send"]</c> (operation 3 delivers a send), <c>["B", 1]</c> and <c>["I", 2]</c>.</remarks>
public static class TraceFile
{
    /// <summary>The format tag every trace carries.</summary>
    public const string Format = "persona.systematic.trace/1";

    /// <summary>The trace as indented JSON.</summary>
    public static string Write(ExecutionTrace trace)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var c = trace.Configuration;
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("test", trace.TestName);
            w.WriteString("strategy", trace.Strategy);
            w.WriteString("seed", trace.Seed.ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("iteration", trace.Iteration);
            w.WriteString("iterationSeed", trace.IterationSeed.ToString(CultureInfo.InvariantCulture));
            w.WriteBoolean("fair", trace.Fair);
            w.WriteNumber("maxUnfairSteps", c.MaxUnfairSteps);
            w.WriteNumber("maxFairSteps", c.MaxFairSteps);
            w.WriteNumber("livenessThreshold", c.EffectiveLivenessThreshold);
            w.WriteNumber("timeoutDelay", c.TimeoutDelay);
            w.WriteBoolean("lassoDetection", c.LassoDetection);
            w.WriteBoolean("failOnMaxSteps", c.FailOnMaxSteps);
            if (trace.Bug is { } bug)
            {
                w.WriteStartObject("bug");
                w.WriteString("kind", bug.Kind.ToString());
                w.WriteString("message", bug.Message);
                w.WriteNumber("step", bug.Step);
                w.WriteEndObject();
            }
            w.WriteStartArray("steps");
            foreach (var d in trace.Decisions)
            {
                // One compact array per decision keeps long traces readable and diffable.
                w.WriteRawValue(d.Kind switch
                {
                    DecisionKind.Schedule => string.Create(CultureInfo.InvariantCulture, $"[\"S\", {d.Value}, \"{d.Point}\"]"),
                    DecisionKind.Boolean => string.Create(CultureInfo.InvariantCulture, $"[\"B\", {d.Value}]"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"[\"I\", {d.Value}]"),
                });
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a trace file; any fault throws <see cref="SystematicInputException"/> naming the file, the field and the fault.</summary>
    public static ExecutionTrace Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SystematicInputException($"trace file {path}: cannot read it ({e.Message}).", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses trace JSON; <paramref name="source"/> names it in error messages.</summary>
    public static ExecutionTrace Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SystematicInputException($"trace file {source}: not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad(source, "(root)", "must be a JSON object");
            string format = Str(root, "format", source);
            if (format != Format) throw Bad(source, "format", $"is \"{format}\", expected \"{Format}\"");
            var config = new TestConfiguration
            {
                MaxUnfairSteps = Int(root, "maxUnfairSteps", source),
                MaxFairSteps = Int(root, "maxFairSteps", source),
                LivenessTemperatureThreshold = Int(root, "livenessThreshold", source),
                TimeoutDelay = Int(root, "timeoutDelay", source),
                LassoDetection = Bool(root, "lassoDetection", source),
                FailOnMaxSteps = Bool(root, "failOnMaxSteps", source),
                Seed = ULong(root, "seed", source),
            };
            BugReport? bug = null;
            if (root.TryGetProperty("bug", out var b) && b.ValueKind == JsonValueKind.Object)
            {
                string kind = Str(b, "kind", source);
                if (!Enum.TryParse<BugKind>(kind, out var k)) throw Bad(source, "bug.kind", $"\"{kind}\" is not a bug kind");
                bug = new BugReport(k, Str(b, "message", source), Int(b, "step", source));
            }
            if (!root.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array) throw Bad(source, "steps", "is missing or not an array");
            var decisions = new List<Decision>(steps.GetArrayLength());
            int i = 0;
            foreach (var step in steps.EnumerateArray())
            {
                decisions.Add(ParseStep(step, source, i++));
            }
            return new ExecutionTrace(Str(root, "test", source), Str(root, "strategy", source), config.Seed, Int(root, "iteration", source),
                ULong(root, "iterationSeed", source), Bool(root, "fair", source), config, bug, decisions);
        }
    }

    private static Decision ParseStep(JsonElement step, string source, int i)
    {
        string where = $"steps[{i}]";
        if (step.ValueKind != JsonValueKind.Array || step.GetArrayLength() < 2) throw Bad(source, where, "must be an array like [\"S\", 3, \"Send\"], [\"B\", 1] or [\"I\", 2]");
        string tag = step[0].ValueKind == JsonValueKind.String ? step[0].GetString()! : "";
        if (step[1].ValueKind != JsonValueKind.Number || !step[1].TryGetInt32(out int value) || value < 0) throw Bad(source, where, "has no non-negative integer value");
        switch (tag)
        {
            case "S":
                if (step.GetArrayLength() < 3 || step[2].ValueKind != JsonValueKind.String || !Enum.TryParse<PointKind>(step[2].GetString(), out var point))
                {
                    throw Bad(source, where, "needs a scheduling point kind as its third element");
                }
                return new Decision(DecisionKind.Schedule, value, point);
            case "B":
                if (value > 1) throw Bad(source, where, "a boolean must be 0 or 1");
                return new Decision(DecisionKind.Boolean, value, default);
            case "I":
                return new Decision(DecisionKind.Integer, value, default);
            default:
                throw Bad(source, where, $"has unknown tag \"{tag}\" (expected S, B or I)");
        }
    }

    private static SystematicInputException Bad(string source, string field, string fault) => new($"trace file {source}: field {field} {fault}.");

    private static JsonElement Field(JsonElement e, string name, string source, JsonValueKind kind)
    {
        if (!e.TryGetProperty(name, out var v)) throw Bad(source, name, "is missing");
        if (v.ValueKind != kind && !(kind == JsonValueKind.True && v.ValueKind == JsonValueKind.False)) throw Bad(source, name, $"must be {kind.ToString().ToLowerInvariant()}, not {v.ValueKind.ToString().ToLowerInvariant()}");
        return v;
    }

    private static string Str(JsonElement e, string name, string source) => Field(e, name, source, JsonValueKind.String).GetString()!;

    private static bool Bool(JsonElement e, string name, string source) => Field(e, name, source, JsonValueKind.True).GetBoolean();

    private static int Int(JsonElement e, string name, string source) =>
        Field(e, name, source, JsonValueKind.Number).TryGetInt32(out int v) ? v : throw Bad(source, name, "is not a 32-bit integer");

    private static ulong ULong(JsonElement e, string name, string source) =>
        ulong.TryParse(Str(e, name, source), NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) ? v : throw Bad(source, name, "is not an unsigned 64-bit integer in a string");
}
