using Persona.Systematic.Strategies;

namespace Persona.Systematic.Testing;

/// <summary>Derives each iteration's seed from the base seed and the iteration number alone, so results do not depend on how iterations are spread over workers or machines.</summary>
public static class SeedDerivation
{
    /// <summary>The seed of iteration <paramref name="iteration"/>.</summary>
    public static ulong IterationSeed(ulong baseSeed, int iteration)
    {
        ulong state = baseSeed ^ (0xD1B54A32D192ED03UL * (ulong)(uint)(iteration + 1));
        return FastRandom.SplitMix(ref state);
    }
}
