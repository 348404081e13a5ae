using Xunit.Abstractions;

namespace Persona.Smt.Tests;

/// <summary>Seeds for randomized tests: printed on every run, and fixed by setting PERSONA_SEED to reproduce a failure.</summary>
internal static class TestSeed
{
    /// <summary>The seed used unless PERSONA_SEED names another: runs are deterministic by default.</summary>
    public const int DefaultSeed = 20111121;

    public static Random Random(ITestOutputHelper output)
    {
        var fixedSeed = Environment.GetEnvironmentVariable("PERSONA_SEED");
        var seed = fixedSeed is null ? DefaultSeed : int.Parse(fixedSeed, System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"seed {seed} (reproduce with PERSONA_SEED={seed})");
        return new Random(seed);
    }
}
