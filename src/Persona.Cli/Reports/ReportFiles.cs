using System.Text.Json;
using System.Text.Json.Serialization;
using Persona.Cli.Verification;

namespace Persona.Cli.Reports;

/// <summary>Writes <c>persona verify</c>'s four reports side by side: JSON (machines), JUnit XML and SARIF (CI), HTML (people).</summary>
public static class ReportFiles
{
    /// <summary>The JSON report's file name.</summary>
    public const string Json = "verify.json";

    /// <summary>The JUnit report's file name.</summary>
    public const string JUnit = "verify.junit.xml";

    /// <summary>The HTML report's file name.</summary>
    public const string Html = "verify.html";

    /// <summary>The SARIF report's file name.</summary>
    public const string Sarif = "verify.sarif";

    /// <summary>The options every JSON report is written with.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Creates the report directory before any stage runs, so a directory that cannot be written fails at once as bad input.</summary>
    /// <exception cref="UserInputException">The directory cannot be created or written.</exception>
    public static void Prepare(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".persona-write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"--reports {directory}: cannot write the reports there ({e.Message})");
        }
    }

    /// <summary>Writes the four reports into <paramref name="directory"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(VerifyReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, Json);
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            platform = report.Platform.Name,
            source = report.Platform.Source,
            seed = report.Options.Seed,
            verdict = report.Verdict,
            exitCode = report.ExitCode,
            stages = report.Stages,
        }, JsonOptions));
        var junit = Path.Combine(directory, JUnit);
        JUnitReport.Of(report.Platform.Name, report.Stages).Save(junit);
        var sarif = Path.Combine(directory, Sarif);
        File.WriteAllText(sarif, SarifReport.Of(report).ToJsonString(JsonOptions));
        var html = Path.Combine(directory, Html);
        File.WriteAllText(html, HtmlReport.Of(report));
        return [json, junit, html, sarif];
    }
}
