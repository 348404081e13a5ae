using Persona.Spec.Terms;

namespace Persona.Spec.Concrete;

/// <summary>The concrete reading of the spec: evaluates a term on concrete states, in a finite world.</summary>
/// <remarks>This interpreter and the SMT compiler in Persona.Proofs are the two readings of one definition.</remarks>
public sealed class Evaluator
{
    private readonly World world;
    private readonly IReadOnlyDictionary<string, ConcreteState> states;
    private readonly Dictionary<Variable, object> bindings;

    /// <summary>An evaluator over the given states (by name) with some variables bound (operation arguments).</summary>
    public Evaluator(World world, IReadOnlyDictionary<string, ConcreteState> states, IReadOnlyDictionary<string, object>? arguments = null)
    {
        this.world = world;
        this.states = states;
        bindings = [];
        if (arguments is not null)
        {
            foreach (var (name, value) in arguments)
                argumentsByName[name] = value;
        }
    }

    private readonly Dictionary<string, object> argumentsByName = [];

    /// <summary>Evaluates a Boolean term.</summary>
    public bool IsTrue(Term<bool> term) => (bool)Evaluate(term.Expr);

    /// <summary>Evaluates any term to its concrete value.</summary>
    public object Evaluate(Expr e)
    {
        switch (e)
        {
            case BoolLiteral b: return b.Value;
            case EnumLiteral l: return l.Ordinal;
            case Variable v:
                if (bindings.TryGetValue(v, out var bound)) return bound;
                if (argumentsByName.TryGetValue(v.Name, out var arg)) return arg;
                throw new InvalidOperationException($"variable {v.Name} is not bound");
            case FieldRead f:
                if (!states.TryGetValue(f.StateName, out var st))
                    throw new InvalidOperationException($"state {f.StateName} is not given");
                return st[f.Field];
            case Select s: return ((MapValue)Evaluate(s.Map)).Get(Evaluate(s.Key));
            case Store s: return ((MapValue)Evaluate(s.Map)).Store(Evaluate(s.Key), Evaluate(s.Value));
            case MapOf m: return MakeMap(m);
            case Apply a:
                if (!world.PlatformFunctions.TryGetValue(a.Function, out var fn))
                    throw new InvalidOperationException($"platform function {a.Function} is not given");
                return fn(Evaluate(a.Argument));
            case Equal q: return Evaluate(q.Left).Equals(Evaluate(q.Right));
            case Not n: return !(bool)Evaluate(n.Operand);
            case And a:
                foreach (var o in a.Operands)
                    if (!(bool)Evaluate(o)) return false;
                return true;
            case Or o:
                foreach (var x in o.Operands)
                    if ((bool)Evaluate(x)) return true;
                return false;
            case Implies i: return !(bool)Evaluate(i.Premise) || (bool)Evaluate(i.Conclusion);
            case IfThenElse t: return (bool)Evaluate(t.Condition) ? Evaluate(t.Then) : Evaluate(t.Else);
            case Quantified q: return Quantify(q);
            default: throw new ArgumentException($"unknown node {e.GetType().Name}");
        }
    }

    /// <summary>The finite set of values of a sort (enum members, or the world's pages or devices).</summary>
    public IEnumerable<object> Universe(Sort sort) => sort switch
    {
        BoolSort => [false, true],
        EnumSort en => Enumerable.Range(0, en.Members.Count).Select(i => (object)i),
        ElementSort el when el == Sorts.Page => world.Pages.Select(p => (object)p),
        ElementSort el when el == Sorts.Device => world.Devices.Select(d => (object)d),
        _ => throw new ArgumentException($"cannot quantify over {sort}"),
    };

    private bool Quantify(Quantified q)
    {
        try
        {
            foreach (var value in Universe(q.Bound.Sort))
            {
                bindings[q.Bound] = value;
                var holds = (bool)Evaluate(q.Body);
                if (holds != q.IsUniversal) return !q.IsUniversal;
            }
            return q.IsUniversal;
        }
        finally
        {
            bindings.Remove(q.Bound);
        }
    }

    private FunctionMap MakeMap(MapOf m)
    {
        // The map is read later, possibly by several threads sharing one state, so each read binds the key in an evaluator of its own:
        // one evaluator shared by all reads let a read on one thread see another thread's key.
        var captured = new Dictionary<Variable, object>(bindings);
        return new FunctionMap(key =>
        {
            var reader = new Evaluator(world, states, argumentsByName);
            foreach (var (v, value) in captured) reader.bindings[v] = value;
            reader.bindings[m.Key] = key;
            return reader.Evaluate(m.Body);
        });
    }
}
