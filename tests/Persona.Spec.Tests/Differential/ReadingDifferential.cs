using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Platforms;
using Persona.Spec.Terms;

namespace Persona.Spec.Tests.Differential;

/// <summary>Holds the compiled reading to the interpreted one: on random concrete states of a world, every rule, every operation
/// guard and every field an operation writes must come out the same from <see cref="CompiledTerm"/> and <see cref="Evaluator"/>.</summary>
/// <remarks>Shared as a linked source file with Persona.Proofs.Tests, which runs it on the spec mutants.</remarks>
internal sealed class ReadingDifferential(SpecModel model, World world)
{
    private readonly Evaluator universe = new(world, new Dictionary<string, ConcreteState>());

    /// <summary>A platform of 96 pages and 8 devices (every kind, DMA and not): big enough that quantifiers run long, small enough to enumerate.</summary>
    public static World MidSize() => PlatformWorld.Of(PlatformParser.Parse("""
        platform name=mid
        ram base=0x40000000 size=384KiB
        region name=hyp kind=hypervisor base=0x40000000 size=16KiB
        region name=key kind=keystore base=0x40004000 size=4KiB
        region name=pool-personal kind=pool-personal base=0x40005000 size=28KiB
        region name=pool-work kind=pool-work base=0x4000c000 size=16KiB
        region name=personal kind=personal base=0x40010000 size=160KiB
        region name=work kind=work base=0x40038000 size=128KiB
        device name=display kind=foreground mmio=0x0a100000 irq=64 dma=yes
        device name=touch kind=foreground mmio=0x0a101000 irq=65
        device name=audio kind=foreground mmio=0x0a102000 irq=66 dma=yes
        device name=camera kind=exclusive mmio=0x0a103000 irq=67 dma=yes
        device name=gps kind=exclusive mmio=0x0a104000 irq=68
        device name=modem kind=mediated mmio=0x0a105000 irq=69 dma=yes
        device name=wifi kind=mediated mmio=0x0a106000 irq=70 dma=yes
        device name=emmc kind=mediated mmio=0x0a107000 irq=71 dma=yes
        assign device=display to=personal
        assign device=touch to=personal
        assign device=camera to=work
        partition persona=personal first-block=0 blocks=100
        partition persona=work first-block=100 blocks=100 encrypted=yes
        """, "mid.platform"));

    /// <summary>The boot state with <paramref name="edits"/> random entries of random fields changed to random values.</summary>
    /// <remarks>Few edits keep most rules true (so quantifiers run over every element); many edits break them in varied places.</remarks>
    public ConcreteState RandomState(Random random, int edits)
    {
        var boot = new ConcreteSpec(model, world).InitialState();
        var values = Fields.All.ToDictionary(f => f.Name, f => Table(boot.Get(f), f.Sort));
        for (var i = 0; i < edits; i++)
        {
            var field = Fields.All[random.Next(Fields.All.Count)];
            values[field.Name] = Edit(values[field.Name], field.Sort, random);
        }
        return new ConcreteState(values);
    }

    /// <summary>Random arguments for an operation's parameters.</summary>
    public Dictionary<string, object> RandomArguments(Operation operation, Random random) =>
        operation.Parameters.ToDictionary(p => p.Name, p => Pick(p.Sort, random));

    /// <summary>Every disagreement between the readings on one state and one set of arguments per operation (empty when they agree).</summary>
    public List<string> Disagreements(ConcreteState state, Random random)
    {
        var found = new List<string>();
        var states = new Dictionary<string, ConcreteState> { ["s"] = state };
        var s = State.Named("s");
        foreach (var rule in model.Rules)
        {
            var term = rule.HoldsIn(s);
            var interpreted = new Evaluator(world, states).IsTrue(term);
            var compiled = CompiledTerm.Compile(term).IsTrue(world, states);
            if (interpreted != compiled) found.Add($"rule {rule.Id}: interpreter {interpreted}, compiled {compiled}");
        }
        foreach (var operation in model.Operations)
        {
            var arguments = RandomArguments(operation, random);
            var guard = operation.Guard(s);
            var interpretedGuard = new Evaluator(world, states, arguments).IsTrue(guard);
            var compiledGuard = CompiledTerm.Compile(guard).IsTrue(world, states, arguments);
            var call = $"{operation.Name}({string.Join(", ", arguments.Select(a => $"{a.Key}={a.Value}"))})";
            if (interpretedGuard != compiledGuard) found.Add($"guard of {call}: interpreter {interpretedGuard}, compiled {compiledGuard}");
            var after = operation.Effect(s);
            foreach (var field in Fields.All)
            {
                var interpreted = new Evaluator(world, states, arguments).Evaluate(after[field]);
                var compiled = CompiledTerm.Compile(after[field]).Evaluate(world, states, arguments);
                if (Difference(interpreted, compiled, field.Sort) is { } where) found.Add($"effect of {call} on {field.Name}{where}");
            }
        }
        return found;
    }

    /// <summary>Where two values of a sort differ (null when equal); maps are compared at every key of the world.</summary>
    public string? Difference(object a, object b, Sort sort)
    {
        if (sort is not MapSort map) return a.Equals(b) ? null : $": {a} against {b}";
        foreach (var key in universe.Universe(map.Key))
        {
            if (Difference(((MapValue)a).Get(key), ((MapValue)b).Get(key), map.Value) is { } inner) return $"[{key}]{inner}";
        }
        return null;
    }

    private object Table(object value, Sort sort) => sort is MapSort map
        ? new TableMap(FunctionMap.Constant("outside the world"),
            universe.Universe(map.Key).ToDictionary(k => k, k => Table(((MapValue)value).Get(k), map.Value)))
        : value;

    private object Edit(object value, Sort sort, Random random)
    {
        if (sort is not MapSort map) return Pick(sort, random);
        var key = Pick(map.Key, random);
        return ((MapValue)value).Store(key, Edit(((MapValue)value).Get(key), map.Value, random));
    }

    private object Pick(Sort sort, Random random)
    {
        var values = universe.Universe(sort).ToList();
        return values[random.Next(values.Count)];
    }
}
