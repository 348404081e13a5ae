using Persona.Systematic.Strategies;

namespace Persona.Systematic.Testing;

/// <summary>How a test is run; a record so variants are made with <c>with</c>, never by mutating a shared object.</summary>
public sealed record TestConfiguration
{
    /// <summary>How many iterations to run.</summary>
    public int Iterations { get; init; } = 1;

    /// <summary>The number of the first iteration (for <c>--seeds A..B</c>, which splits one run across machines).</summary>
    public int FirstIteration { get; init; }

    /// <summary>The base seed; iteration i uses <see cref="SeedDerivation.IterationSeed"/>(seed, i).</summary>
    public ulong Seed { get; init; }

    /// <summary>The exploration strategy.</summary>
    public StrategyKind Strategy { get; init; } = StrategyKind.Portfolio;

    /// <summary>The strategy's bound: PCT depth d or change points, delay bound, or probabilistic b; 0 means the strategy's default.</summary>
    public int StrategyBound { get; init; }

    /// <summary>The step limit of iterations under an unfair strategy (Coyote: 10 000).</summary>
    public int MaxUnfairSteps { get; init; } = 10_000;

    /// <summary>The step limit of iterations under a fair strategy (Coyote: 100 000).</summary>
    public int MaxFairSteps { get; init; } = 100_000;

    /// <summary>Steps a monitor may stay hot in a fair iteration; 0 means half of <see cref="MaxFairSteps"/>.</summary>
    public int LivenessTemperatureThreshold { get; init; }

    /// <summary>A timer fires when scheduled with probability 1/(2·delay) (Coyote's mock-timer rule).</summary>
    public int TimeoutDelay { get; init; } = 10;

    /// <summary>Whether reaching the step limit is itself a bug.</summary>
    public bool FailOnMaxSteps { get; init; }

    /// <summary>Whether to look for fair cycles while a monitor is hot; needs actors and monitors to override their state hashes.</summary>
    public bool LassoDetection { get; init; }

    /// <summary>Parallel in-process workers; results do not depend on this number.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>The number of contended steps PCT and delay-bounding place change points in; 0 means measure it first.</summary>
    public int StepEstimate { get; init; }

    /// <summary>Whether DFS prunes with sleep sets (turn off only to measure what the reduction saves).</summary>
    public bool PartialOrderReduction { get; init; } = true;

    /// <summary>Whether to collect state and event coverage over all iterations (slower).</summary>
    public bool Coverage { get; init; }

    /// <summary>Whether to stop at the first bug.</summary>
    public bool StopAtFirstBug { get; init; } = true;

    /// <summary>How many replays the shrinker may spend on a bug trace.</summary>
    public int ShrinkBudget { get; init; } = 300;

    /// <summary>Sets both step limits the way Coyote's <c>-ms N</c> does: unfair N, fair 10·N.</summary>
    public TestConfiguration WithMaxSteps(int maxSteps) => this with { MaxUnfairSteps = maxSteps, MaxFairSteps = checked(maxSteps * 10) };

    /// <summary>The liveness threshold actually used.</summary>
    public int EffectiveLivenessThreshold => LivenessTemperatureThreshold > 0 ? LivenessTemperatureThreshold : MaxFairSteps / 2;
}
