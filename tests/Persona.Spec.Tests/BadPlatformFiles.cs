namespace Persona.Spec.Tests;

/// <summary>The golden bad platform files: platforms/bad/NAME.platform with the exact message it must produce in NAME.expect.</summary>
/// <remarks>Set UPDATE_GOLDEN=1 to rewrite the .expect files (in the source tree and the output folder) from the parser's current messages.</remarks>
internal static class BadPlatformFiles
{
    public const string Folder = "platforms/bad";

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>The copies next to the test assembly (the csproj copies them to the output folder).</summary>
    public static string OutputFolder => Path.Combine(AppContext.BaseDirectory, Folder);

    /// <summary>The names (without extension) of every bad file.</summary>
    public static IEnumerable<string> Names() =>
        Directory.Exists(OutputFolder)
            ? Directory.GetFiles(OutputFolder, "*.platform").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!
            : [];

    /// <summary>The name a file's messages use: its path from the test project.</summary>
    public static string SourceName(string name) => $"{Folder}/{name}.platform";

    public static string Text(string name) => File.ReadAllText(Path.Combine(OutputFolder, name + ".platform"));

    /// <summary>The expected message, or null when there is no .expect file.</summary>
    public static string? Expected(string name)
    {
        var path = Path.Combine(OutputFolder, name + ".expect");
        return File.Exists(path) ? File.ReadAllText(path).TrimEnd('\n', '\r') : null;
    }

    /// <summary>Writes the expected message into the output folder and, when the tests run in a checkout, into the source tree.</summary>
    public static void WriteExpected(string name, string message)
    {
        File.WriteAllText(Path.Combine(OutputFolder, name + ".expect"), message + "\n");
        if (RepositoryFiles.Root() is { } root)
            File.WriteAllText(Path.Combine(root, "tests", "Persona.Spec.Tests", Folder, name + ".expect"), message + "\n");
    }
}
