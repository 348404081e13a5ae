namespace Persona.Systematic.Strategies;

/// <summary>The exploration strategies; the command line names them in lower case with dashes.</summary>
public enum StrategyKind
{
    /// <summary>Uniform over enabled operations (fair).</summary>
    Random,

    /// <summary>Stays on the current operation, switching with probability 2^-b (Coyote's probabilistic).</summary>
    Probabilistic,

    /// <summary>PCT as in the ASPLOS'10 paper: d−1 change points, lowered to priorities 1..d−1.</summary>
    Pct,

    /// <summary>Coyote's prioritization: a random count (1..bound) of change points that demote the top operation to the bottom.</summary>
    Prioritization,

    /// <summary>Coyote's prioritization for the first MaxUnfairSteps steps, then random (fair).</summary>
    FairPct,

    /// <summary>Round-robin with at most bound random delays.</summary>
    DelayBounding,

    /// <summary>Delay-bounding for the first MaxUnfairSteps steps, then random (fair).</summary>
    FairDelayBounding,

    /// <summary>Exhaustive depth-first search with sleep-set partial-order reduction.</summary>
    Dfs,

    /// <summary>Random, probabilistic(3), fair PCT(10) and fair delay-bounding(10), rotated per iteration.</summary>
    Portfolio,
}

/// <summary>Makes strategy instances; each worker gets its own.</summary>
public static class StrategyFactory
{
    /// <summary>The command-line name of a strategy.</summary>
    public static string NameOf(StrategyKind kind) => kind switch
    {
        StrategyKind.FairPct => "fair-pct",
        StrategyKind.DelayBounding => "delay-bounding",
        StrategyKind.FairDelayBounding => "fair-delay-bounding",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The strategy with a command-line name, or null.</summary>
    public static StrategyKind? Parse(string name)
    {
        foreach (var kind in Enum.GetValues<StrategyKind>())
        {
            if (string.Equals(NameOf(kind), name, StringComparison.OrdinalIgnoreCase)) return kind;
        }
        return null;
    }

    /// <summary>A new strategy; <paramref name="stepEstimate"/> is the contended-step count PCT and delay-bounding spread change points over.</summary>
    public static ISchedulingStrategy Create(StrategyKind kind, int bound, int stepEstimate, int maxUnfairSteps, bool partialOrderReduction = true) => kind switch
    {
        StrategyKind.Random => new RandomStrategy(),
        StrategyKind.Probabilistic => new ProbabilisticStrategy(bound > 0 ? bound : 3),
        StrategyKind.Pct => new PctStrategy(bound > 0 ? bound : 3, stepEstimate),
        StrategyKind.Prioritization => new PrioritizationStrategy(bound > 0 ? bound : 10, stepEstimate),
        StrategyKind.FairPct => new FairPctStrategy(bound > 0 ? bound : 10, stepEstimate, maxUnfairSteps),
        StrategyKind.DelayBounding => new DelayBoundingStrategy(bound > 0 ? bound : 10, stepEstimate, fairAfter: 0),
        StrategyKind.FairDelayBounding => new DelayBoundingStrategy(bound > 0 ? bound : 10, stepEstimate, fairAfter: maxUnfairSteps),
        StrategyKind.Dfs => new DfsStrategy(partialOrderReduction),
        StrategyKind.Portfolio => new PortfolioStrategy(
        [
            new RandomStrategy(),
            new ProbabilisticStrategy(3),
            new FairPctStrategy(bound > 0 ? bound : 10, stepEstimate, maxUnfairSteps),
            new DelayBoundingStrategy(bound > 0 ? bound : 10, stepEstimate, fairAfter: maxUnfairSteps),
        ]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown strategy"),
    };

    /// <summary>Whether a strategy needs the contended-step estimate.</summary>
    public static bool NeedsStepEstimate(StrategyKind kind) =>
        kind is StrategyKind.Pct or StrategyKind.Prioritization or StrategyKind.FairPct or StrategyKind.DelayBounding or StrategyKind.FairDelayBounding or StrategyKind.Portfolio;
}
