namespace Persona.Spec.Terms;

/// <summary>Builders for spec terms: literals, quantifiers, maps and connectives. Rules and operations are written with these.</summary>
public static class Spec
{
    private static int freshCounter;

    /// <summary>The enum member as a term.</summary>
    public static Term<E> Lit<E>(E value) where E : struct, Enum =>
        new(new EnumLiteral(EnumSort.Of(typeof(E)), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A named variable (an operation argument).</summary>
    public static Term<S> Var<S>(string name) => new(new Variable(name, Sorts.Of<S>()));

    /// <summary>Conjunction of all terms.</summary>
    public static Term<bool> All(params Term<bool>[] terms) => new(Flatten<And>(terms, a => a.Operands, ops => new And(ops)));

    /// <summary>Disjunction of all terms.</summary>
    public static Term<bool> Any(params Term<bool>[] terms) => new(Flatten<Or>(terms, o => o.Operands, ops => new Or(ops)));

    /// <summary>If-then-else.</summary>
    public static Term<S> If<S>(Term<bool> condition, Term<S> then, Term<S> otherwise) =>
        new(new IfThenElse(condition.Expr, then.Expr, otherwise.Expr));

    /// <summary>For every element (or enum member) x, body(x).</summary>
    public static Term<bool> ForAll<S>(Func<Term<S>, Term<bool>> body) => Quantify(true, body);

    /// <summary>For some element (or enum member) x, body(x).</summary>
    public static Term<bool> Exists<S>(Func<Term<S>, Term<bool>> body) => Quantify(false, body);

    /// <summary>The map whose value at every key k is body(k).</summary>
    public static Term<Map<K, V>> MapOf<K, V>(Func<Term<K>, Term<V>> body)
    {
        var key = FreshVariable<K>();
        return new(new MapOf(key, body(new Term<K>(key)).Expr));
    }

    /// <summary>The value of a map at a key.</summary>
    public static Term<V> At<K, V>(this Term<Map<K, V>> map, Term<K> key) => new(new Select(map.Expr, key.Expr));

    /// <summary>The map with the value at one key replaced.</summary>
    public static Term<Map<K, V>> With<K, V>(this Term<Map<K, V>> map, Term<K> key, Term<V> value) =>
        new(new Store(map.Expr, key.Expr, value.Expr));

    /// <summary>True when the term equals one of the given enum members.</summary>
    public static Term<bool> IsOneOf<E>(this Term<E> term, params E[] members) where E : struct, Enum =>
        Any(members.Select(m => term == Lit(m)).ToArray());

    /// <summary>A platform function of one argument, interpreted concretely by the platform and left uninterpreted in proofs.</summary>
    public static Term<R> Platform<A, R>(string function, Term<A> argument) =>
        new(new Apply(function, argument.Expr, Sorts.Of<R>()));

    private static Term<bool> Quantify<S>(bool universal, Func<Term<S>, Term<bool>> body)
    {
        var bound = FreshVariable<S>();
        return new(new Quantified(universal, bound, body(new Term<S>(bound)).Expr));
    }

    private static Variable FreshVariable<S>()
    {
        var sort = Sorts.Of<S>();
        var prefix = sort switch
        {
            ElementSort e => char.ToLowerInvariant(e.Name[0]).ToString(),
            EnumSort e => char.ToLowerInvariant(e.Name[0]).ToString(),
            _ => "x",
        };
        return new Variable($"{prefix}{Interlocked.Increment(ref freshCounter)}", sort);
    }

    private static Expr Flatten<TNode>(Term<bool>[] terms, Func<TNode, IReadOnlyList<Expr>> children, Func<Expr[], Expr> make)
        where TNode : Expr
    {
        var list = new List<Expr>(terms.Length);
        foreach (var t in terms)
        {
            if (t.Expr is TNode same) list.AddRange(children(same));
            else list.Add(t.Expr);
        }
        return list.Count == 1 ? list[0] : make([.. list]);
    }
}
