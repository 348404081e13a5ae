using Persona.Systematic.Runtime;
using Persona.Systematic.Strategies;
using Persona.Systematic.Testing;
using Xunit.Abstractions;

namespace Persona.Systematic.Tests;

/// <summary>A schedule view the test drives by hand: a fixed number of operations, every one of them enabled unless the test says otherwise.</summary>
internal sealed class ScriptedView : IScheduleView
{
    public int OperationCount { get; set; }

    public int CurrentOperation { get; set; } = -1;

    public int Step { get; set; }

    public Footprint FootprintOf(int operation) => new(operation, operation);

    public PointKind PointOf(int operation) => PointKind.Dequeue;
}

/// <summary>
/// The priority-based strategies checked on tiny schedules whose outcome distribution is known exactly: change points fall uniformly on
/// contended steps 1..k, PCT's change point i demotes to priority i, new operations never rank below demoted ones, and delay bounding
/// delays exactly its budget. Each test runs 4 000 fixed iteration seeds (printed) and compares counts with the exact probabilities.
/// </summary>
public sealed class PriorityStrategySemanticsTests(ITestOutputHelper output)
{
    private const int Seeds = 4000;

    /// <summary>Runs <paramref name="steps"/> steps of two always-enabled operations and returns the choices as a string such as "011".</summary>
    private static string Choices(ISchedulingStrategy strategy, ulong seed, int steps, int operations = 2)
    {
        strategy.InitializeIteration(0, seed);
        var view = new ScriptedView { OperationCount = operations };
        int[] enabled = [.. Enumerable.Range(0, operations)];
        var chosen = new System.Text.StringBuilder();
        for (int s = 0; s < steps; s++)
        {
            view.Step = s;
            int op = strategy.NextOperation(enabled, view);
            view.CurrentOperation = op;
            chosen.Append(op);
        }
        return chosen.ToString();
    }

    private static int Switches(string choices) => Enumerable.Range(1, choices.Length - 1).Count(i => choices[i] != choices[i - 1]);

    private Dictionary<int, int> SwitchCounts(Func<ISchedulingStrategy> make, int steps)
    {
        var counts = new Dictionary<int, int>();
        for (int seed = 0; seed < Seeds; seed++)
        {
            int switches = Switches(Choices(make(), SeedDerivation.IterationSeed(1, seed), steps));
            counts[switches] = counts.GetValueOrDefault(switches) + 1;
        }
        output.WriteLine($"seeds IterationSeed(1, 0..{Seeds - 1}): " + string.Join(", ", counts.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} switches: {kv.Value}")));
        return counts;
    }

    private static void AssertShare(int count, double expected, string what) =>
        // 4 000 draws: one standard deviation of a share near 1/2 is under 0.008, so 0.05 is more than six of them.
        Assert.True(Math.Abs((double)count / Seeds - expected) < 0.05, $"{what}: {count} of {Seeds}, expected a share of {expected}");

    [Fact]
    public void Pct_DepthTwo_PutsItsChangePointOnContendedStep1Or2_EquallyOften()
    {
        // Two operations, k = 2: the change point on step 1 demotes the top operation before it runs (no switch: "bbb"), on step 2 after
        // it ran once (one switch: "abb"). A change point drawn outside 1..k never fires (always "aaa").
        var counts = SwitchCounts(() => new PctStrategy(depth: 2, stepEstimate: 2), steps: 3);
        AssertShare(counts.GetValueOrDefault(1), 0.5, "one switch");
        AssertShare(counts.GetValueOrDefault(0), 0.5, "no switch");
    }

    [Fact]
    public void Pct_ChangePointI_DemotesToPriorityI_SoALaterPointCanRankBelowAnEarlierOne()
    {
        // Depth 3, k = 2, two operations a (top) and b. Change point 1 demotes to priority 1 (lowest), change point 2 to priority 2.
        // Points (1,1), (1,2): "bbb". (2,1): b is demoted to 2 first, then a to 1 below it: "baa". (2,2): "abb".
        // So one switch happens with probability 1/2; demoting every point to the same priority gives it only for (2,2), 1/4.
        var counts = SwitchCounts(() => new PctStrategy(depth: 3, stepEstimate: 2), steps: 3);
        AssertShare(counts.GetValueOrDefault(1), 0.5, "one switch");
    }

    [Fact]
    public void Pct_OperationCreatedAfterAChangePoint_RanksAboveEveryDemotedOperation()
    {
        // Paper PCT: a new thread takes a random priority among the undemoted ones, so a demoted operation never runs while it is enabled.
        for (int seed = 0; seed < 1000; seed++)
        {
            var pct = new PctStrategy(depth: 2, stepEstimate: 1);
            pct.InitializeIteration(0, SeedDerivation.IterationSeed(2, seed));
            var view = new ScriptedView { OperationCount = 2 };
            int first = pct.NextOperation([0, 1], view);  // contended step 1 is the change point: the top operation was demoted
            int demoted = 1 - first;
            view.OperationCount = 3;
            view.Step = 1;
            int second = pct.NextOperation([0, 1, 2], view);
            Assert.NotEqual(demoted, second);
            view.Step = 2;
            int third = pct.NextOperation([demoted, 2], view);
            Assert.True(third == 2, $"seed IterationSeed(2, {seed}): the demoted operation {demoted} ran before new operation 2");
        }
    }

    [Fact]
    public void Prioritization_OneChangePoint_FallsOnContendedStep1Or2_EquallyOften()
    {
        // Coyote's variant with a bound of 1: exactly one change point, which sends the top operation to the bottom.
        var counts = SwitchCounts(() => new PrioritizationStrategy(bound: 1, stepEstimate: 2), steps: 3);
        AssertShare(counts.GetValueOrDefault(1), 0.5, "one switch");
        AssertShare(counts.GetValueOrDefault(0), 0.5, "no switch");
    }

    [Fact]
    public void Probabilistic_LeavesTheCurrentOperationWithProbabilityTwoToTheMinusB()
    {
        // b = 3: at each step it re-draws uniformly among two operations with probability 1/8, so it switches with probability 1/16.
        const int steps = 20_000;
        var choices = Choices(new ProbabilisticStrategy(3), SeedDerivation.IterationSeed(4, 0), steps);
        int switches = Switches(choices);
        output.WriteLine($"seed IterationSeed(4, 0): {switches} switches in {steps} steps");
        Assert.InRange((double)switches / steps, 1 / 16.0 - 0.0125, 1 / 16.0 + 0.0125);
    }

    [Fact]
    public void DelayBounding_WithABudgetOfOne_DelaysExactlyOnce_OnContendedStep1Or2()
    {
        // Round robin runs operation 0 until the delay moves it to the back: "111" (delay on step 1) or "011" (step 2), never "000".
        var seen = new Dictionary<string, int>();
        for (int seed = 0; seed < Seeds; seed++)
        {
            var choices = Choices(new DelayBoundingStrategy(bound: 1, stepEstimate: 2, fairAfter: 0), SeedDerivation.IterationSeed(3, seed), steps: 3);
            seen[choices] = seen.GetValueOrDefault(choices) + 1;
        }
        output.WriteLine($"seeds IterationSeed(3, 0..{Seeds - 1}): " + string.Join(", ", seen.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")));
        Assert.Equal(["011", "111"], seen.Keys.Order());
        AssertShare(seen["111"], 0.5, "delay on step 1");
    }
}
