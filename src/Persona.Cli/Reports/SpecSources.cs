using System.Reflection;
using Persona.Proofs.Obligations;
using Persona.Spec.Rules;

namespace Persona.Cli.Reports;

/// <summary>Where a rule or property is defined in the repository, so reports can point readers (and CI annotations) at its single definition.</summary>
/// <param name="Path">The file, relative to the repository root, with forward slashes.</param>
/// <param name="Member">The C# member that holds it, e.g. MemoryRules.ExclusiveOwner.</param>
/// <param name="Line">The line of its id in that file, when the repository is on this machine.</param>
public sealed record SourceLocation(string Path, string Member, int? Line);

/// <summary>Finds the source file and line of each spec rule (by reflection over Persona.Spec.Rules) and of each relational property.</summary>
public static class SpecSources
{
    private const string RulesFolder = "spec/Persona.Spec/Rules";
    private const string RelationalFile = "proofs/Persona.Proofs/Obligations/RelationalProperties.cs";

    private static readonly Lazy<string?> Root = new(() => FindRoot(Environment.CurrentDirectory) ?? FindRoot(AppContext.BaseDirectory));

    private static readonly Lazy<IReadOnlyDictionary<string, SourceLocation>> Locations = new(Build);

    /// <summary>The repository root, when the program runs inside a checkout (for line numbers); null elsewhere.</summary>
    public static string? RepositoryRoot => Root.Value;

    /// <summary>The location of a rule or property id, or null for an id defined nowhere in the spec or proofs.</summary>
    public static SourceLocation? Of(string id) => Locations.Value.TryGetValue(id, out var l) ? l : null;

    private static Dictionary<string, SourceLocation> Build()
    {
        var result = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        // The file convention (one static class per file, named after the class) is the repository's; the rule ids come from the spec itself.
        foreach (var type in typeof(Rule).Assembly.GetTypes().Where(t => t.Namespace == typeof(Rule).Namespace && t.IsAbstract && t.IsSealed))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Rule)))
            {
                var rule = (Rule)field.GetValue(null)!;
                var path = $"{RulesFolder}/{type.Name}.cs";
                result[rule.Id] = new SourceLocation(path, $"{type.Name}.{field.Name}", LineOf(path, $"\"{rule.Id}\""));
            }
        }
        foreach (var id in RelationalProperties.All.Keys)
            result[id] = new SourceLocation(RelationalFile, $"{nameof(RelationalProperties)}.{nameof(RelationalProperties.All)}", LineOf(RelationalFile, $"[\"{id}\"]"));
        return result;
    }

    private static int? LineOf(string relative, string text)
    {
        if (RepositoryRoot is not { } root) return null;
        var file = Path.Combine(root, relative);
        if (!File.Exists(file)) return null;
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return index < 0 ? null : index + 1;
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, RulesFolder))) return dir.FullName;
        }
        return null;
    }
}
