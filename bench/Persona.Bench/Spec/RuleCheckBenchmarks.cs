using BenchmarkDotNet.Attributes;
using Persona.Spec;
using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Platforms;
using Persona.Spec.Terms;

namespace Persona.Bench.Spec;

/// <summary>Every rule of the spec checked on one concrete state, by the interpreter (the reference reading) and by the compiled reading.</summary>
/// <remarks>The state is the boot state read out into tables, so both readers pay the same for a map lookup and the figure is the
/// evaluation itself. Worlds: the tiny platform (10 pages, 3 devices) and every 128th page of the handset (1,024 pages, 8 devices).
/// Run: <c>dotnet run -c Release --project bench/Persona.Bench -- --filter '*RuleCheck*'</c>.</remarks>
[Persona.Bench.Hypervisor.InProcessJob(warmupCount: 2, iterationCount: 10, invocationCount: 0)]
[MedianColumn]
public class RuleCheckBenchmarks
{
    private World world = null!;
    private ConcreteState state = null!;
    private Dictionary<string, ConcreteState> states = null!;
    private Term<bool>[] terms = null!;
    private CompiledTerm[] compiled = null!;

    /// <summary>The world the rules quantify over.</summary>
    [Params("tiny", "handset/128")]
    public string World { get; set; } = "tiny";

    [GlobalSetup]
    public void Setup()
    {
        var full = PlatformWorld.Of(World == "tiny" ? EmbeddedPlatforms.Tiny() : DefaultPlatform.Load());
        world = World == "tiny" ? full : full with { Pages = [.. full.Pages.Where((_, i) => i % 128 == 0)] };
        var boot = new ConcreteSpec(SpecModel.Default, world).InitialState();
        var universe = new Evaluator(world, new Dictionary<string, ConcreteState>());
        object Table(object value, Sort sort) => sort is MapSort map
            ? new TableMap(FunctionMap.Constant("outside the world"), universe.Universe(map.Key).ToDictionary(k => k, k => Table(((MapValue)value).Get(k), map.Value)))
            : value;
        state = new ConcreteState(Fields.All.ToDictionary(f => f.Name, f => Table(boot.Get(f), f.Sort)));
        states = new Dictionary<string, ConcreteState> { ["s"] = state };
        terms = [.. SpecModel.Default.Rules.Select(r => r.HoldsIn(State.Named("s")))];
        compiled = [.. SpecModel.Default.Rules.Select(ConcreteSpec.Compiled)];
    }

    /// <summary>All rules through the interpreter.</summary>
    [Benchmark(Baseline = true)]
    public int Interpreted()
    {
        var holding = 0;
        var evaluator = new Evaluator(world, states);
        foreach (var t in terms)
        {
            if (evaluator.IsTrue(t)) holding++;
        }
        return holding;
    }

    /// <summary>All rules through their compiled closures.</summary>
    [Benchmark]
    public int Compiled()
    {
        var holding = 0;
        foreach (var c in compiled)
        {
            if (c.IsTrue(world, "s", state)) holding++;
        }
        return holding;
    }
}
