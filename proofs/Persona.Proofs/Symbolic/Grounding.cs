using Persona.Spec.Terms;

namespace Persona.Proofs.Symbolic;

/// <summary>Turns a set of assertions into an equisatisfiable quantifier-free set, for the effectively propositional fragment the spec lives in.</summary>
/// <remarks>After normalization only quantifiers over pages and devices remain. Those that act existentially in an assertion
/// (a positive ∃ or a negative ∀) are replaced by fresh witness constants; the rest act universally and are expanded over every
/// page and device constant of the whole set. The spec has no element functions and no ∀∃ alternation over elements (checked),
/// so this Herbrand expansion is complete as well as sound: the ground set is unsatisfiable exactly when the input is, and a
/// model of the ground set is a counterexample whose domain is its constants.</remarks>
public sealed class Grounding
{
    private readonly Normalizer normalizer = new();
    private readonly List<Variable> witnesses = [];
    private readonly Dictionary<string, int> witnessNames = [];

    /// <summary>The witness constants introduced so far.</summary>
    public IReadOnlyList<Variable> Witnesses => witnesses;

    /// <summary>The normalizer used (shared so that repeated subterms are normalized once).</summary>
    public Normalizer Normalizer => normalizer;

    /// <summary>Grounds assertions (each is asserted as true); returns the quantifier-free assertions in the same order.</summary>
    public IReadOnlyList<Expr> Ground(IReadOnlyList<Expr> assertions)
    {
        var opened = assertions.Select(a => Open(normalizer.Normalize(a), positive: true, underUniversal: false)).ToList();
        var constants = new Dictionary<Sort, List<Expr>>();
        foreach (var a in opened)
        {
            foreach (var v in FreeVariables.Of(a).Where(v => v.Sort is ElementSort).OrderBy(v => v.Name, StringComparer.Ordinal))
            {
                if (!constants.TryGetValue(v.Sort, out var list)) constants[v.Sort] = list = [];
                if (!list.Contains(v)) list.Add(v);
            }
        }
        var expander = new Expander(normalizer, constants);
        return [.. opened.Select(expander.Expand)];
    }

    private Expr Open(Expr e, bool positive, bool underUniversal)
    {
        switch (e)
        {
            case Not n: return Normalizer.NotOf(Open(n.Operand, !positive, underUniversal));
            case And a: return Normalizer.AndOf(a.Operands.Select(o => Open(o, positive, underUniversal)));
            case Or o: return Normalizer.OrOf(o.Operands.Select(x => Open(x, positive, underUniversal)));
            case Implies i: return Normalizer.ImpliesOf(Open(i.Premise, !positive, underUniversal), Open(i.Conclusion, positive, underUniversal));
            case Quantified q:
                var existential = q.IsUniversal != positive;
                if (!existential) return new Quantified(q.IsUniversal, q.Bound, Open(q.Body, positive, underUniversal: true));
                if (underUniversal)
                    throw new NotSupportedException($"quantifier alternation over {q.Bound.Sort} at {q.Bound.Name}: outside the effectively propositional fragment");
                var witness = Fresh(q.Bound);
                return Open(normalizer.Normalize(Substitution.Replace(q.Body, q.Bound, witness)), positive, underUniversal);
            default:
                if (ContainsQuantifier(e))
                    throw new NotSupportedException($"a quantifier inside a non-Boolean position: {Printer.Print(e)}");
                return e;
        }
    }

    private Variable Fresh(Variable bound)
    {
        var stem = bound.Name.TrimEnd("0123456789".ToCharArray());
        var n = witnessNames.TryGetValue(stem, out var k) ? k + 1 : 1;
        witnessNames[stem] = n;
        var witness = new Variable($"witness_{stem}{n}", bound.Sort);
        witnesses.Add(witness);
        return witness;
    }

    private static bool ContainsQuantifier(Expr e) =>
        e is Quantified || FreeVariables.Children(e).Any(ContainsQuantifier);

    private sealed class Expander(Normalizer normalizer, Dictionary<Sort, List<Expr>> constants)
    {
        private readonly Dictionary<Expr, Expr> memo = new(ReferenceEqualityComparer.Instance);

        public Expr Expand(Expr e)
        {
            if (memo.TryGetValue(e, out var done)) return done;
            var result = e switch
            {
                Not n => Normalizer.NotOf(Expand(n.Operand)),
                And a => Normalizer.AndOf(a.Operands.Select(Expand)),
                Or o => Normalizer.OrOf(o.Operands.Select(Expand)),
                Implies i => Normalizer.ImpliesOf(Expand(i.Premise), Expand(i.Conclusion)),
                Quantified q => Instances(q),
                _ => e,
            };
            memo[e] = result;
            return result;
        }

        private Expr Instances(Quantified q)
        {
            if (!constants.TryGetValue(q.Bound.Sort, out var domain) || domain.Count == 0)
                constants[q.Bound.Sort] = domain = [new Variable($"any_{q.Bound.Sort}", q.Bound.Sort)];
            var parts = domain.Select(c => Expand(normalizer.Normalize(Substitution.Replace(q.Body, q.Bound, c))));
            return q.IsUniversal ? Normalizer.AndOf(parts) : Normalizer.OrOf(parts);
        }
    }
}
