using Persona.Spec.Terms;

namespace Persona.Proofs.Symbolic;

/// <summary>Rewrites a spec term into an equivalent one without map operations above a lookup and without enumeration quantifiers.</summary>
/// <remarks>Lookups are pushed through stores (read over write), pointwise maps (beta reduction) and if-then-else; quantifiers
/// over enumerations become finite conjunctions or disjunctions; Boolean if-then-else and equality become implications;
/// literals are folded. Every step is an equivalence, so proofs about the result are proofs about the input.</remarks>
public sealed class Normalizer
{
    private readonly Dictionary<Expr, Expr> memo = new(ReferenceEqualityComparer.Instance);

    /// <summary>The normal form of a term.</summary>
    public Expr Normalize(Expr e)
    {
        if (memo.TryGetValue(e, out var done)) return done;
        var result = e switch
        {
            BoolLiteral or EnumLiteral or Variable or FieldRead => e,
            Select s => SelectOf(Normalize(s.Map), Normalize(s.Key)),
            Store s => new Store(Normalize(s.Map), Normalize(s.Key), Normalize(s.Value)),
            MapOf => e,
            Apply a => new Apply(a.Function, Normalize(a.Argument), a.ResultSort),
            Equal q => EqualOf(Normalize(q.Left), Normalize(q.Right)),
            Not n => NotOf(Normalize(n.Operand)),
            And a => AndOf(a.Operands.Select(Normalize)),
            Or o => OrOf(o.Operands.Select(Normalize)),
            Implies i => ImpliesOf(Normalize(i.Premise), Normalize(i.Conclusion)),
            IfThenElse t => IteOf(Normalize(t.Condition), Normalize(t.Then), Normalize(t.Else)),
            Quantified q when q.Bound.Sort is EnumSort or BoolSort => ExpandFinite(q),
            Quantified q => new Quantified(q.IsUniversal, q.Bound, Normalize(q.Body)),
            _ => throw new ArgumentException($"unknown node {e.GetType().Name}"),
        };
        memo[e] = result;
        return result;
    }

    private Expr ExpandFinite(Quantified q)
    {
        IEnumerable<Expr> values = q.Bound.Sort switch
        {
            EnumSort en => Enumerable.Range(0, en.Members.Count).Select(i => (Expr)new EnumLiteral(en, i)),
            _ => [new BoolLiteral(false), new BoolLiteral(true)],
        };
        var instances = values.Select(v => Normalize(Substitution.Replace(q.Body, q.Bound, v)));
        return q.IsUniversal ? AndOf(instances) : OrOf(instances);
    }

    private Expr SelectOf(Expr map, Expr key) => map switch
    {
        Store s => IteOf(EqualOf(key, s.Key), s.Value, SelectOf(s.Map, key)),
        MapOf m => Normalize(Substitution.Replace(m.Body, m.Key, key)),
        IfThenElse t => IteOf(t.Condition, SelectOf(t.Then, key), SelectOf(t.Else, key)),
        _ => new Select(map, key),
    };

    /// <summary>Equality with literals and identical operands folded; Boolean equality as two implications.</summary>
    public static Expr EqualOf(Expr left, Expr right)
    {
        if (left is EnumLiteral a && right is EnumLiteral b) return new BoolLiteral(a.Ordinal == b.Ordinal);
        if (left is BoolLiteral x && right is BoolLiteral y) return new BoolLiteral(x.Value == y.Value);
        if (ReferenceEquals(left, right) || (left is Variable or FieldRead && left == right)) return new BoolLiteral(true);
        if (left.Sort is BoolSort) return AndOf([ImpliesOf(left, right), ImpliesOf(right, left)]);
        return new Equal(left, right);
    }

    /// <summary>Negation with literals and double negation folded.</summary>
    public static Expr NotOf(Expr e) => e switch
    {
        BoolLiteral b => new BoolLiteral(!b.Value),
        Not n => n.Operand,
        _ => new Not(e),
    };

    /// <summary>Conjunction, flattened, with literals folded.</summary>
    public static Expr AndOf(IEnumerable<Expr> operands)
    {
        var list = new List<Expr>();
        foreach (var o in operands)
        {
            switch (o)
            {
                case BoolLiteral { Value: true }: continue;
                case BoolLiteral { Value: false }: return o;
                case And a: list.AddRange(a.Operands); break;
                default: list.Add(o); break;
            }
        }
        return list.Count switch { 0 => new BoolLiteral(true), 1 => list[0], _ => new And(list) };
    }

    /// <summary>Disjunction, flattened, with literals folded.</summary>
    public static Expr OrOf(IEnumerable<Expr> operands)
    {
        var list = new List<Expr>();
        foreach (var o in operands)
        {
            switch (o)
            {
                case BoolLiteral { Value: false }: continue;
                case BoolLiteral { Value: true }: return o;
                case Or a: list.AddRange(a.Operands); break;
                default: list.Add(o); break;
            }
        }
        return list.Count switch { 0 => new BoolLiteral(false), 1 => list[0], _ => new Or(list) };
    }

    /// <summary>Implication with literals folded.</summary>
    public static Expr ImpliesOf(Expr premise, Expr conclusion) => (premise, conclusion) switch
    {
        (BoolLiteral { Value: true }, _) => conclusion,
        (BoolLiteral { Value: false }, _) => new BoolLiteral(true),
        (_, BoolLiteral { Value: true }) => new BoolLiteral(true),
        (_, BoolLiteral { Value: false }) => NotOf(premise),
        _ => new Implies(premise, conclusion),
    };

    /// <summary>If-then-else with a literal condition folded; on Booleans, as two implications.</summary>
    public static Expr IteOf(Expr condition, Expr then, Expr otherwise)
    {
        if (condition is BoolLiteral b) return b.Value ? then : otherwise;
        if (ReferenceEquals(then, otherwise)) return then;
        if (then.Sort is BoolSort) return AndOf([ImpliesOf(condition, then), ImpliesOf(NotOf(condition), otherwise)]);
        return new IfThenElse(condition, then, otherwise);
    }
}
