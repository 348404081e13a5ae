using Persona.Spec.Terms;

namespace Persona.Spec.Concrete;

/// <summary>Compiles a term into closures over an <see cref="EvaluationFrame"/>, with the <see cref="Evaluator"/>'s semantics node by node.</summary>
/// <remarks>Names are resolved once here instead of on every read: bound variables and operation arguments to slots, states and
/// platform functions to indexes, fields to their index in the state. Booleans get their own unboxed closures.</remarks>
internal sealed partial class TermCompiler
{
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] BoolUniverse = [False, True];

    private readonly Dictionary<Variable, int> bound = [];
    private readonly Dictionary<string, int> arguments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> functions = new(StringComparer.Ordinal);
    private readonly List<string> argumentOrder = [];
    private int slotCount;

    /// <summary>Compiles a term; the result is independent of any world or state.</summary>
    public static CompiledTerm Compile(Expr e)
    {
        var compiler = new TermCompiler();
        // Arguments take the first slots so the evaluation can fill them before anything runs.
        compiler.CollectArguments(e, []);
        var value = compiler.Value(e);
        var truth = e.Sort is BoolSort ? compiler.Bool(e) : null;
        return new CompiledTerm(e, value, truth, [.. compiler.states.OrderBy(kv => kv.Value).Select(kv => kv.Key)],
            [.. compiler.argumentOrder], compiler.slotCount, [.. compiler.functions.OrderBy(kv => kv.Value).Select(kv => kv.Key)]);
    }

    private void CollectArguments(Expr e, HashSet<Variable> inScope)
    {
        switch (e)
        {
            case Variable v when !inScope.Contains(v) && !arguments.ContainsKey(v.Name):
                arguments[v.Name] = slotCount++;
                argumentOrder.Add(v.Name);
                break;
            case Quantified q:
                CollectArguments(q.Body, [.. inScope, q.Bound]);
                break;
            case MapOf m:
                CollectArguments(m.Body, [.. inScope, m.Key]);
                break;
            default:
                foreach (var child in Traversal.Children(e)) CollectArguments(child, inScope);
                break;
        }
    }

    private Func<EvaluationFrame, bool> Bool(Expr e)
    {
        switch (e)
        {
            case BoolLiteral b:
                var literal = b.Value;
                return _ => literal;
            case Not n:
                var operand = Bool(n.Operand);
                return f => !operand(f);
            case And a:
                return Conjunction([.. a.Operands.Select(Bool)]);
            case Or o:
                return Disjunction([.. o.Operands.Select(Bool)]);
            case Implies i:
                var premise = Bool(i.Premise);
                var conclusion = Bool(i.Conclusion);
                return f => !premise(f) || conclusion(f);
            case Equal q:
                return Equality(q);
            case IfThenElse t:
                var condition = Bool(t.Condition);
                var then = Bool(t.Then);
                var otherwise = Bool(t.Else);
                return f => condition(f) ? then(f) : otherwise(f);
            case Quantified q:
                return Quantifier(q);
            default:
                var value = Value(e);
                return f => (bool)value(f);
        }
    }

    private static Func<EvaluationFrame, bool> Conjunction(Func<EvaluationFrame, bool>[] operands) => operands.Length switch
    {
        0 => _ => true,
        1 => operands[0],
        2 => Both(operands[0], operands[1]),
        _ => Every(operands),
    };

    private static Func<EvaluationFrame, bool> Disjunction(Func<EvaluationFrame, bool>[] operands) => operands.Length switch
    {
        0 => _ => false,
        1 => operands[0],
        2 => Either(operands[0], operands[1]),
        _ => Some(operands),
    };

    private static Func<EvaluationFrame, bool> Every(Func<EvaluationFrame, bool>[] operands) => f =>
    {
        foreach (var o in operands)
            if (!o(f)) return false;
        return true;
    };

    private static Func<EvaluationFrame, bool> Some(Func<EvaluationFrame, bool>[] operands) => f =>
    {
        foreach (var o in operands)
            if (o(f)) return true;
        return false;
    };

    private static Func<EvaluationFrame, bool> Both(Func<EvaluationFrame, bool> x, Func<EvaluationFrame, bool> y) => f => x(f) && y(f);

    private static Func<EvaluationFrame, bool> Either(Func<EvaluationFrame, bool> x, Func<EvaluationFrame, bool> y) => f => x(f) || y(f);

    private Func<EvaluationFrame, bool> Equality(Equal q)
    {
        // The interpreter compares with Left.Equals(Right); each case below gives the same answer without boxing where it can.
        if (q.Left.Sort is BoolSort)
        {
            var l = Bool(q.Left);
            var r = Bool(q.Right);
            return f => l(f) == r(f);
        }
        if (q.Right is EnumLiteral right && q.Left is not EnumLiteral)
        {
            var l = Value(q.Left);
            var ordinal = right.Ordinal;
            return f => l(f) is int i && i == ordinal;
        }
        if (q.Left is EnumLiteral left && q.Right is not EnumLiteral)
        {
            var r = Value(q.Right);
            var ordinal = left.Ordinal;
            return f => r(f) is int i && i == ordinal;
        }
        var lv = Value(q.Left);
        var rv = Value(q.Right);
        return f => lv(f).Equals(rv(f));
    }

    private Func<EvaluationFrame, bool> Quantifier(Quantified q)
    {
        var universe = Universe(q.Bound.Sort);
        var slot = Bind(q.Bound);
        var body = Bool(q.Body);
        bound.Remove(q.Bound);
        if (q.IsUniversal)
        {
            return f =>
            {
                var slots = f.Slots;
                var saved = slots[slot];
                try
                {
                    foreach (var value in universe(f))
                    {
                        slots[slot] = value;
                        if (!body(f)) return false;
                    }
                    return true;
                }
                finally
                {
                    slots[slot] = saved;
                }
            };
        }
        return f =>
        {
            var slots = f.Slots;
            var saved = slots[slot];
            try
            {
                foreach (var value in universe(f))
                {
                    slots[slot] = value;
                    if (body(f)) return true;
                }
                return false;
            }
            finally
            {
                slots[slot] = saved;
            }
        };
    }

    private int Bind(Variable v)
    {
        var slot = slotCount++;
        bound[v] = slot;
        return slot;
    }

    private static Func<EvaluationFrame, object[]> Universe(Sort sort)
    {
        switch (sort)
        {
            case BoolSort:
                return _ => BoolUniverse;
            case EnumSort en:
                object[] members = [.. Enumerable.Range(0, en.Members.Count).Select(i => (object)i)];
                return _ => members;
            case ElementSort el when el == Sorts.Page:
                return f => f.World.BoxedPages;
            case ElementSort el when el == Sorts.Device:
                return f => f.World.BoxedDevices;
            default:
                return _ => throw new ArgumentException($"cannot quantify over {sort}");
        }
    }
}
