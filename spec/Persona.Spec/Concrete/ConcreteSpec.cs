using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Rules;

namespace Persona.Spec.Concrete;

/// <summary>Runs the spec on concrete states: checks rules, applies operations. Used by the validator and the protocol monitors.</summary>
/// <remarks>It reads each rule and operation through its <see cref="CompiledTerm"/>, compiled once per definition and process.</remarks>
public sealed class ConcreteSpec
{
    private const string Current = "s";
    private static readonly ConditionalWeakTable<Rule, CompiledTerm> CompiledRules = [];
    private static readonly ConditionalWeakTable<Operation, CompiledOperation> CompiledOperations = [];
    private static readonly ConditionalWeakTable<Func<State>, CompiledTerm[]> CompiledInitialStates = [];
    private readonly Dictionary<Rule, CompiledTerm> ruleTerms = [];
    // By reference: an operation is a record whose structural hash would walk its terms on every step.
    private readonly ConcurrentDictionary<Operation, CompiledOperation> operationTerms = new(ReferenceEqualityComparer.Instance);

    /// <summary>A concrete reading of the given spec model in the given world.</summary>
    public ConcreteSpec(SpecModel model, World world)
    {
        Model = model;
        World = world;
        foreach (var r in model.Rules) ruleTerms[r] = Compiled(r);
        foreach (var o in model.Operations) operationTerms[o] = Compiled(o);
    }

    /// <summary>The spec model read.</summary>
    public SpecModel Model { get; }

    /// <summary>The finite world.</summary>
    public World World { get; }

    /// <summary>A rule's term over a state named "s", compiled (once per rule and process).</summary>
    public static CompiledTerm Compiled(Rule rule) =>
        CompiledRules.GetValue(rule, r => CompiledTerm.Compile(r.HoldsIn(State.Named(Current))));

    /// <summary>The platform's initial state, evaluated concretely; its maps remember what they were asked (<see cref="MemoMap"/>).</summary>
    public ConcreteState InitialState()
    {
        var terms = CompiledInitialStates.GetValue(Model.Initial, define =>
        {
            var init = define();
            return [.. Fields.All.Select(f => CompiledTerm.Compile(init[f]))];
        });
        var none = new Dictionary<string, ConcreteState>();
        return new ConcreteState(Fields.All.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => MemoMap.Of(terms[x.i].Evaluate(World, none))));
    }

    /// <summary>The rules that do not hold in the state (empty when all hold).</summary>
    public IReadOnlyList<Rule> BrokenRules(ConcreteState state)
    {
        var broken = new List<Rule>();
        foreach (var (rule, term) in ruleTerms)
        {
            if (!term.IsTrue(World, Current, state)) broken.Add(rule);
        }
        return broken;
    }

    /// <summary>Whether one rule holds in the state.</summary>
    public bool Holds(Rule rule, ConcreteState state) =>
        (ruleTerms.TryGetValue(rule, out var t) ? t : Compiled(rule)).IsTrue(World, Current, state);

    /// <summary>Applies an operation: the new state and whether it succeeded (a failed operation returns the same state).</summary>
    public (ConcreteState After, bool Succeeded) Apply(Operation operation, ConcreteState state, IReadOnlyDictionary<string, object> arguments)
    {
        foreach (var p in operation.Parameters)
        {
            if (!arguments.ContainsKey(p.Name))
                throw new ArgumentException($"operation {operation.Name} needs argument {p.Name}");
        }
        var compiled = operationTerms.GetOrAdd(operation, Compiled);
        if (!compiled.Guard.IsTrue(World, Current, state, arguments)) return (state, false);
        var values = new object[compiled.Effect.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = compiled.Effect[i].Term.Evaluate(World, Current, state, arguments);
        return (state.With(compiled.FieldIndexes, values), true);
    }

    private static CompiledOperation Compiled(Operation operation) => CompiledOperations.GetValue(operation, o =>
    {
        var before = State.Named(Current);
        var after = o.Effect(before);
        return new CompiledOperation(
            CompiledTerm.Compile(o.Guard(before)),
            [.. after.ChangedFrom(before).Select(f => (f.Name, CompiledTerm.Compile(after[f])))]);
    });

    /// <summary>An operation's guard and the new value of each field its effect writes, compiled.</summary>
    private sealed record CompiledOperation(CompiledTerm Guard, IReadOnlyList<(string Field, CompiledTerm Term)> Effect)
    {
        /// <summary>The index in <see cref="Fields.All"/> of each field the effect writes, in effect order.</summary>
        public int[] FieldIndexes { get; } = [.. Effect.Select(e => ConcreteState.IndexOf(e.Field))];
    }
}
