using Persona.Spec.Terms;

namespace Persona.Spec.Concrete;

/// <summary>The compiler's value closures: literals, variables, fields, maps and platform functions (boxed as the interpreter boxes them).</summary>
internal sealed partial class TermCompiler
{
    private Func<EvaluationFrame, object> Value(Expr e)
    {
        switch (e)
        {
            case BoolLiteral b:
                var literal = b.Value ? True : False;
                return _ => literal;
            case EnumLiteral l:
                object ordinal = l.Ordinal;
                return _ => ordinal;
            case Variable v:
                return VariableRead(v);
            case FieldRead r:
                return FieldValue(r);
            case Select s:
                var map = Value(s.Map);
                var key = Value(s.Key);
                return f => ((MapValue)map(f)).Get(key(f));
            case Store s:
                var inner = Value(s.Map);
                var storedKey = Value(s.Key);
                var stored = Value(s.Value);
                return f => ((MapValue)inner(f)).Store(storedKey(f), stored(f));
            case MapOf m:
                return Pointwise(m);
            case Apply a:
                return PlatformCall(a);
            case IfThenElse t when t.Sort is not BoolSort:
                var condition = Bool(t.Condition);
                var then = Value(t.Then);
                var otherwise = Value(t.Else);
                return f => condition(f) ? then(f) : otherwise(f);
            case Equal or Not or And or Or or Implies or Quantified or IfThenElse:
                var truth = Bool(e);
                return f => truth(f) ? True : False;
            default:
                throw new ArgumentException($"unknown node {e.GetType().Name}");
        }
    }

    private Func<EvaluationFrame, object> VariableRead(Variable v)
    {
        if (bound.TryGetValue(v, out var slot))
            return f => f.Slots[slot]!;
        var argument = arguments[v.Name];
        var name = v.Name;
        return f => f.Slots[argument] ?? throw new InvalidOperationException($"variable {name} is not bound");
    }

    private Func<EvaluationFrame, object> FieldValue(FieldRead r)
    {
        if (!states.TryGetValue(r.StateName, out var state))
            states[r.StateName] = state = states.Count;
        var stateName = r.StateName;
        var field = ConcreteState.TryIndexOf(r.Field);
        var fieldName = r.Field;
        ConcreteState Of(EvaluationFrame f) => f.States[state] ?? throw new InvalidOperationException($"state {stateName} is not given");
        return field >= 0 ? f => Of(f).ValueAt(field) : f => Of(f)[fieldName];
    }

    private Func<EvaluationFrame, object> Pointwise(MapOf m)
    {
        var slot = Bind(m.Key);
        var body = Value(m.Body);
        bound.Remove(m.Key);
        // The map is read later, possibly by several threads sharing one state: each read gets a frame of its own, holding the
        // bindings as they were when the map was made.
        return f =>
        {
            var captured = f.Capture();
            return new FunctionMap(key =>
            {
                var reader = captured.Capture();
                reader.Slots[slot] = key;
                return body(reader);
            });
        };
    }

    private Func<EvaluationFrame, object> PlatformCall(Apply a)
    {
        if (!functions.TryGetValue(a.Function, out var index))
            functions[a.Function] = index = functions.Count;
        var argument = Value(a.Argument);
        var name = a.Function;
        return f => (f.Functions[index] ?? throw new InvalidOperationException($"platform function {name} is not given"))(argument(f));
    }
}
