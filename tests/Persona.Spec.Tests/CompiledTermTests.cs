using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Rules;
using Persona.Spec.Terms;
using Persona.Spec.Tests.Differential;
using Xunit.Abstractions;

namespace Persona.Spec.Tests;

/// <summary>The compiled concrete reading agrees with the interpreter, the reference reading, on every rule and operation.</summary>
public sealed class CompiledTermTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Worlds => new() { { "tiny", 300 }, { "mid", 30 } };

    [Theory]
    [MemberData(nameof(Worlds))]
    public void EveryRuleGuardAndEffect_OnRandomStates_ReadTheSameCompiledAndInterpreted(string worldName, int states)
    {
        var world = worldName == "tiny" ? TestWorlds.Small() : ReadingDifferential.MidSize();
        // Deterministic by default; PERSONA_SEED reproduces or varies a run.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PERSONA_SEED"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var chosen) ? chosen : 20111121;
        output.WriteLine($"seed {seed} ({worldName} world, {states} states)");
        var differential = new ReadingDifferential(SpecModel.Default, world);
        var random = new Random(seed);
        var brokenSomewhere = new HashSet<string>();
        for (var i = 0; i < states; i++)
        {
            var state = differential.RandomState(random, edits: random.Next(0, 12));
            var disagreements = differential.Disagreements(state, random);
            Assert.True(disagreements.Count == 0, $"seed {seed}, state {i}: {string.Join("; ", disagreements)}");
            brokenSomewhere.UnionWith(new ConcreteSpec(SpecModel.Default, world).BrokenRules(state).Select(r => r.Id));
        }
        // The states must exercise both verdicts: a generator whose states all pass (or all fail) every rule proves little.
        output.WriteLine($"rules broken in some state: {brokenSomewhere.Count} of {SpecModel.Default.Rules.Count}");
        Assert.True(brokenSomewhere.Count >= SpecModel.Default.Rules.Count / 2, $"seed {seed}: only {string.Join(", ", brokenSomewhere)} ever broke");
    }

    [Fact]
    public void BootState_OfTheHandset_ReadsTheSameCompiledAndInterpreted()
    {
        var world = Platforms.PlatformWorld.Of(Platforms.DefaultPlatform.Load());
        var init = SpecModel.Default.Initial();
        var differential = new ReadingDifferential(SpecModel.Default, world with { Pages = [.. world.Pages.Where((_, i) => i % 997 == 0)] });
        var none = new Dictionary<string, ConcreteState>();
        foreach (var field in Fields.All)
        {
            var interpreted = new Evaluator(world, none).Evaluate(init[field]);
            var compiled = CompiledTerm.Compile(init[field]).Evaluate(world, none);
            Assert.Null(differential.Difference(interpreted, compiled, field.Sort));
        }
    }

    [Fact]
    public void BrokenRuleDefinition_ChangesTheCompiledVerdict()
    {
        // One spec, two readings: the compiled reading reads the rule's single definition, so breaking it changes the verdict.
        var spec = new ConcreteSpec(SpecModel.Default, TestWorlds.Small());
        var state = spec.InitialState().WithContent(TinyWorld.PersonalPage, Label.Work);
        Assert.False(spec.Holds(MemoryRules.PersonaSeesOnlyItsData, state));
        var weakened = MemoryRules.PersonaSeesOnlyItsData with { Definition = _ => true };
        var mutant = new ConcreteSpec(SpecModel.Default.With(weakened), TestWorlds.Small());
        Assert.DoesNotContain(weakened, mutant.BrokenRules(state));
    }

    [Fact]
    public void UnboundArgument_FailsLikeTheInterpreter()
    {
        var guard = PageOperations.Share.Guard(State.Named("s"));
        var states = new Dictionary<string, ConcreteState> { ["s"] = new ConcreteSpec(SpecModel.Default, TestWorlds.Small()).InitialState() };
        var interpreted = Assert.Throws<InvalidOperationException>(() => new Evaluator(TestWorlds.Small(), states).IsTrue(guard));
        var compiled = Assert.Throws<InvalidOperationException>(() => CompiledTerm.Compile(guard).IsTrue(TestWorlds.Small(), states));
        Assert.Equal(interpreted.Message, compiled.Message);
    }

    [Fact]
    public void NonBooleanTerm_AskedForATruthValue_SaysItsSort()
    {
        var term = CompiledTerm.Compile(State.Named("s").Get(Fields.Foreground).Expr);
        var states = new Dictionary<string, ConcreteState> { ["s"] = new ConcreteSpec(SpecModel.Default, TestWorlds.Small()).InitialState() };
        Assert.Equal((int)Component.Personal, term.Evaluate(TestWorlds.Small(), states));
        var e = Assert.Throws<InvalidOperationException>(() => term.IsTrue(TestWorlds.Small(), states));
        Assert.Contains("Component", e.Message);
    }
}
