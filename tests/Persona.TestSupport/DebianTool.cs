using Xunit;

namespace Persona.TestSupport;

/// <summary>Finds the Debian command-line tools some tests need (z3, cvc5, qemu, the cross compiler).</summary>
public static class DebianTool
{
    /// <summary>True when running under CI (<c>CI=true</c>), where a missing tool is a failure, never a skip.</summary>
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of an executable on PATH, or null when it is not installed.</summary>
    public static string? Find(string executable)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, executable);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    /// <summary>The path of a tool a test needs; throws (so the test fails) when it is missing.</summary>
    /// <remarks>Tests use this inside a <see cref="RequiresToolFactAttribute"/> test: off CI the attribute has already skipped
    /// the test when the tool is missing, so reaching here without the tool means CI, which must fail.</remarks>
    public static string Require(string executable, string debianPackage) =>
        Find(executable) ?? throw new InvalidOperationException(
            $"{executable} is not installed; install the Debian package '{debianPackage}' (CI=true makes this a failure, not a skip).");
}

/// <summary>A fact that needs Debian tools: skipped with the package name on a developer machine without them, run (and failing) under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    /// <summary>Declares the tools as pairs: executable, Debian package, executable, Debian package, ...</summary>
    public RequiresToolFactAttribute(params string[] executableAndPackagePairs)
    {
        if (DebianTool.UnderCi)
            return;
        for (var i = 0; i + 1 < executableAndPackagePairs.Length; i += 2)
        {
            if (DebianTool.Find(executableAndPackagePairs[i]) is null)
            {
                Skip = $"needs {executableAndPackagePairs[i]}: apt-get install {executableAndPackagePairs[i + 1]}";
                return;
            }
        }
    }
}
