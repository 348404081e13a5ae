using Persona.Systematic.Testing;

namespace Persona.Systematic.Traces;

/// <summary>Everything written for a bug: the trace, a readable log, the sequence diagram in two forms, and coverage.</summary>
/// <param name="Trace">The (shrunk) trace.</param>
/// <param name="Replay">The replay that produced the rest.</param>
/// <param name="Log">The readable step log.</param>
/// <param name="Mermaid">The sequence diagram as Mermaid text.</param>
/// <param name="Html">The sequence diagram as a standalone HTML page.</param>
/// <param name="Coverage">State and event coverage of the failing iteration.</param>
public sealed record BugArtifacts(ExecutionTrace Trace, ReplayResult Replay, string Log, string Mermaid, string Html, CoverageReport Coverage)
{
    /// <summary>Writes the files into <paramref name="directory"/> and returns their paths.</summary>
    public ArtifactPaths WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        string stem = Path.Combine(directory, $"{Sanitize(Trace.TestName)}-{Trace.Iteration}");
        var paths = new ArtifactPaths(stem + ".trace.json", stem + ".log.txt", stem + ".mmd", stem + ".html", stem + ".coverage.txt");
        File.WriteAllText(paths.Trace, TraceFile.Write(Trace));
        File.WriteAllText(paths.Log, Log);
        File.WriteAllText(paths.Mermaid, Mermaid);
        File.WriteAllText(paths.Html, Html);
        File.WriteAllText(paths.Coverage, Coverage.ToText());
        return paths;
    }

    private static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i]) && chars[i] is not '-' and not '_') chars[i] = '_';
        }
        return new string(chars);
    }
}

/// <summary>Where the artefacts of a bug were written.</summary>
/// <param name="Trace">The JSON trace.</param>
/// <param name="Log">The readable log.</param>
/// <param name="Mermaid">The Mermaid diagram.</param>
/// <param name="Html">The HTML diagram.</param>
/// <param name="Coverage">The coverage report.</param>
public sealed record ArtifactPaths(string Trace, string Log, string Mermaid, string Html, string Coverage);
