using Persona.Systematic.Actors;
using Persona.Systematic.Runtime;
using Persona.Systematic.Testing;

namespace Persona.Systematic.Tests;

/// <summary>Picks a digit and reports it.</summary>
public sealed class DigitPicker : Actor
{
    protected override void OnInitialize(Event? initialEvent) => Monitor<AllEqualIsABug>(new Digit(RandomInteger(10)));
}

public sealed record Digit(int Value) : Event;

/// <summary>Fails when three pickers chose the same digit (probability 1/100 per iteration).</summary>
[OnEventDoAction(typeof(Digit), nameof(OnDigit))]
public sealed class AllEqualIsABug : Monitor
{
    private readonly List<int> digits = [];

    private void OnDigit(Digit d)
    {
        digits.Add(d.Value);
        Assert(digits.Count < 3 || digits.Distinct().Count() > 1, $"all three chose {d.Value}");
    }
}

/// <summary>A data-nondeterminism bug that takes about a hundred iterations to find.</summary>
internal sealed class RareBugTest : ISystematicTest
{
    public void Setup(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<AllEqualIsABug>();
        for (int i = 0; i < 3; i++) runtime.CreateActor<DigitPicker>();
    }
}
