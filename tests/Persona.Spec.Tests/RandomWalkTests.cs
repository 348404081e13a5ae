using System.Globalization;
using Persona.Spec.Concrete;
using Xunit.Abstractions;

namespace Persona.Spec.Tests;

/// <summary>Seeded random walks over every operation on the tiny world: no reachable state may break a rule.</summary>
public class RandomWalkTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20110401;
    private const int Walks = 200;
    private const int StepsPerWalk = 60;
    private const int TriesPerStep = 24;

    [Fact]
    public void RandomWalks_FromBoot_NeverBreakARule_AndExerciseEveryOperation()
    {
        var seed = Seed();
        output.WriteLine($"seed {seed}: {Walks} walks x {StepsPerWalk} steps; walk i uses seed {seed}+i (PERSONA_SEED={seed} reproduces)");
        var spec = new ConcreteSpec(SpecModel.Default, TestWorlds.Small());
        var walker = new RandomWalker(spec);
        var succeeded = new HashSet<string>();
        var totalCalls = 0;
        for (var i = 0; i < Walks; i++)
        {
            var walk = walker.Run(seed + i, StepsPerWalk, TriesPerStep, succeeded);
            totalCalls += walk.Calls.Count;
            Assert.True(walk.RefusalsThatChangedState.Count == 0,
                $"seed {seed + i}: refused calls changed the state: {string.Join(", ", walk.RefusalsThatChangedState)}");
            Assert.True(walk.Broken.Count == 0,
                $"seed {seed + i}: {walk.Calls[^1]} broke {string.Join(", ", walk.Broken)} after: {string.Join(" → ", walk.Calls)}");
        }
        output.WriteLine($"{totalCalls} successful calls, every rule checked after each");
        var never = spec.Model.Operations.Select(o => o.Name).Where(n => !succeeded.Contains(n)).ToList();
        Assert.True(never.Count == 0, $"seed {seed}: the walks never succeeded in {string.Join(", ", never)}; they would not test those operations");
        Assert.True(totalCalls > Walks * StepsPerWalk / 2, $"seed {seed}: only {totalCalls} calls succeeded; the walks mostly stalled");
    }

    [Fact]
    public void RandomWalk_FromTheSameSeed_ReplaysTheSameCalls()
    {
        var walker = new RandomWalker(new ConcreteSpec(SpecModel.Default, TestWorlds.Small()));
        var seed = Seed();
        output.WriteLine($"seed {seed}");
        var first = walker.Run(seed, 30, TriesPerStep, new HashSet<string>());
        var again = walker.Run(seed, 30, TriesPerStep, new HashSet<string>());
        var other = walker.Run(seed + 1, 30, TriesPerStep, new HashSet<string>());
        Assert.Equal(first.Calls, again.Calls);
        Assert.NotEqual(first.Calls, other.Calls);
    }

    private static int Seed() =>
        Environment.GetEnvironmentVariable("PERSONA_SEED") is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : DefaultSeed;
}
