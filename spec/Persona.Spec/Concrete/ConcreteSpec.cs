using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Rules;
using Persona.Spec.Terms;

namespace Persona.Spec.Concrete;

/// <summary>Runs the spec on concrete states: checks rules, applies operations. Used by the validator and the protocol monitors.</summary>
public sealed class ConcreteSpec
{
    private const string Current = "s";
    private readonly Dictionary<Rule, Term<bool>> ruleTerms = [];
    private readonly Dictionary<Operation, (Term<bool> Guard, State After)> operationTerms = [];

    /// <summary>A concrete reading of the given spec model in the given world.</summary>
    public ConcreteSpec(SpecModel model, World world)
    {
        Model = model;
        World = world;
        var s = State.Named(Current);
        foreach (var r in model.Rules) ruleTerms[r] = r.HoldsIn(s);
        foreach (var o in model.Operations) operationTerms[o] = (o.Guard(s), o.Effect(s));
    }

    /// <summary>The spec model read.</summary>
    public SpecModel Model { get; }

    /// <summary>The finite world.</summary>
    public World World { get; }

    /// <summary>The platform's initial state, evaluated concretely.</summary>
    public ConcreteState InitialState()
    {
        var init = Model.Initial();
        var ev = new Evaluator(World, new Dictionary<string, ConcreteState>());
        return new ConcreteState(Fields.All.ToDictionary(f => f.Name, f => ev.Evaluate(init[f])));
    }

    /// <summary>The rules that do not hold in the state (empty when all hold).</summary>
    public IReadOnlyList<Rule> BrokenRules(ConcreteState state)
    {
        var ev = Evaluate(state);
        var broken = new List<Rule>();
        foreach (var (rule, term) in ruleTerms)
        {
            if (!ev.IsTrue(term)) broken.Add(rule);
        }
        return broken;
    }

    /// <summary>Whether one rule holds in the state.</summary>
    public bool Holds(Rule rule, ConcreteState state) => Evaluate(state).IsTrue(ruleTerms.TryGetValue(rule, out var t) ? t : rule.HoldsIn(State.Named(Current)));

    /// <summary>Applies an operation: the new state and whether it succeeded (a failed operation returns the same state).</summary>
    public (ConcreteState After, bool Succeeded) Apply(Operation operation, ConcreteState state, IReadOnlyDictionary<string, object> arguments)
    {
        foreach (var p in operation.Parameters)
        {
            if (!arguments.ContainsKey(p.Name))
                throw new ArgumentException($"operation {operation.Name} needs argument {p.Name}");
        }
        if (!operationTerms.TryGetValue(operation, out var terms))
            operationTerms[operation] = terms = (operation.Guard(State.Named(Current)), operation.Effect(State.Named(Current)));
        var ev = new Evaluator(World, new Dictionary<string, ConcreteState> { [Current] = state }, arguments);
        if (!ev.IsTrue(terms.Guard)) return (state, false);
        var before = State.Named(Current);
        var changes = new Dictionary<string, object>();
        foreach (var f in terms.After.ChangedFrom(before))
            changes[f.Name] = ev.Evaluate(terms.After[f]);
        return (state.With(changes), true);
    }

    private Evaluator Evaluate(ConcreteState state) =>
        new(World, new Dictionary<string, ConcreteState> { [Current] = state });
}
