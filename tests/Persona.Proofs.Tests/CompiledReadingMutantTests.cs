using Persona.Proofs.Mutants;
using Persona.Spec.Platforms;
using Persona.Spec.Tests.Differential;
using Xunit.Abstractions;

namespace Persona.Proofs.Tests;

/// <summary>The compiled concrete reading agrees with the interpreter on every spec mutant too: a broken definition reads the same broken way both times.</summary>
public sealed class CompiledReadingMutantTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryMutant_OnRandomStates_ReadsTheSameCompiledAndInterpreted()
    {
        // Deterministic by default; PERSONA_SEED reproduces or varies a run.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PERSONA_SEED"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var chosen) ? chosen : 20111121;
        output.WriteLine($"seed {seed} ({SpecMutants.All.Count} mutants)");
        var world = PlatformWorld.Of(EmbeddedPlatforms.Tiny());
        var random = new Random(seed);
        foreach (var mutant in SpecMutants.All)
        {
            var differential = new ReadingDifferential(mutant.Model, world);
            for (var i = 0; i < 12; i++)
            {
                var disagreements = differential.Disagreements(differential.RandomState(random, edits: random.Next(0, 8)), random);
                Assert.True(disagreements.Count == 0, $"seed {seed}, mutant {mutant.Name}, state {i}: {string.Join("; ", disagreements)}");
            }
        }
    }
}
