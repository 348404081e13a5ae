namespace Persona.Spec.Tests;

/// <summary>Finds files of the repository from the test's output directory, by walking up to the folder that holds Verification.sln.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root, or null when the tests run outside a checkout.</summary>
    public static string? Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verification.sln"))) return dir.FullName;
        }
        return null;
    }

    /// <summary>The repository root; fails the test with a clear message when there is none.</summary>
    public static string RequireRoot() =>
        Root() ?? throw new InvalidOperationException($"no folder holding Verification.sln above {AppContext.BaseDirectory}");
}
