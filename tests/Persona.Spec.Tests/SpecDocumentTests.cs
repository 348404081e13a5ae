using System.Text.RegularExpressions;

namespace Persona.Spec.Tests;

/// <summary>spec/isolation.md and the rules in code list the same ids: the document cannot drop a rule or describe one the code lacks.</summary>
public partial class SpecDocumentTests
{
    /// <summary>Ids the document may use that are not state rules: the relational properties proved over pairs of states.</summary>
    private static readonly HashSet<string> RelationalIds = ["NI-1", "NI-2", "NI-3", "NI-4", "WIPE-6"];

    [Fact]
    public void IsolationDocument_MentionsEveryRuleOfTheSpec()
    {
        var mentioned = IdsIn(ReadIsolationDocument());
        var missing = SpecModel.Default.Rules.Select(r => r.Id).Where(id => !mentioned.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"spec/isolation.md does not mention: {string.Join(", ", missing)}");
    }

    [Fact]
    public void IsolationDocument_ListsOnlyRuleIdsOfTheSpecOrRelationalProperties()
    {
        var known = SpecModel.Default.Rules.Select(r => r.Id).Concat(RelationalIds).ToHashSet();
        var unknown = IdsIn(ReadIsolationDocument()).Where(id => !known.Contains(id)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, $"spec/isolation.md lists ids that are neither a rule of SpecModel.Default nor a relational property: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void IdPattern_FindsWholeIdsOnly()
    {
        // MEM-1 must not count as mentioned because MEM-12 is; and an id inside a longer word is not an id.
        Assert.Equal(["MEM-12", "SW-3", "NI-2"], IdsIn("see MEM-12, `SW-3` and (NI-2); not XMEM-4 or DEV-5a"));
    }

    private static string ReadIsolationDocument()
    {
        var root = RepositoryFiles.Root();
        Assert.True(root is not null, $"cannot find the repository (a folder holding Verification.sln) above {AppContext.BaseDirectory}");
        var path = Path.Combine(root, "spec", "isolation.md");
        Assert.True(File.Exists(path), $"{path} does not exist: the isolation spec document must list every rule id");
        return File.ReadAllText(path);
    }

    private static List<string> IdsIn(string text) => [.. IdPattern().Matches(text).Select(m => m.Value).Distinct()];

    [GeneratedRegex(@"\b(MEM|SHR|DEV|DMA|WIPE|SW|NI)-\d+\b")]
    private static partial Regex IdPattern();
}
