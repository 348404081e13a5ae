using Persona.Spec.Terms;

namespace Persona.Proofs.Symbolic;

/// <summary>Replaces the top-level universal variables of a goal by named witness constants, so a counterexample names them.</summary>
/// <remarks>Sound for a negated goal: ¬(∀x.A ∧ (B ⇒ ∀y.C)) is satisfiable exactly when ¬(A[x:=wx] ∧ (B ⇒ C[y:=wy])) is, for fresh wx, wy.</remarks>
public static class Skolem
{
    /// <summary>The goal with its outermost universals opened, and the witnesses introduced.</summary>
    public static (Expr Goal, IReadOnlyList<Variable> Witnesses) Open(Expr goal)
    {
        var witnesses = new List<Variable>();
        return (OpenInner(goal, witnesses), witnesses);
    }

    private static Expr OpenInner(Expr e, List<Variable> witnesses)
    {
        switch (e)
        {
            case Quantified { IsUniversal: true } q:
                var witness = new Variable($"witness_{q.Bound.Name}", q.Bound.Sort);
                witnesses.Add(witness);
                return OpenInner(Substitution.Replace(q.Body, q.Bound, witness), witnesses);
            case And a:
                return new And([.. a.Operands.Select(o => OpenInner(o, witnesses))]);
            case Implies i:
                return new Implies(i.Premise, OpenInner(i.Conclusion, witnesses));
            default:
                return e;
        }
    }
}

/// <summary>Substitutes a term for a variable.</summary>
public static class Substitution
{
    /// <summary>The term with every free occurrence of <paramref name="variable"/> replaced by <paramref name="replacement"/>.</summary>
    public static Expr Replace(Expr e, Variable variable, Expr replacement)
    {
        var memo = new Dictionary<Expr, Expr>(ReferenceEqualityComparer.Instance);
        return Rewrite(e, variable, replacement, memo);
    }

    private static Expr Rewrite(Expr e, Variable v, Expr r, Dictionary<Expr, Expr> memo)
    {
        if (memo.TryGetValue(e, out var done)) return done;
        Expr R(Expr x) => Rewrite(x, v, r, memo);
        Expr result = e switch
        {
            Variable x when x == v => r,
            Quantified q when q.Bound == v => q,
            MapOf m when m.Key == v => m,
            Select s => new Select(R(s.Map), R(s.Key)),
            Store s => new Store(R(s.Map), R(s.Key), R(s.Value)),
            MapOf m => new MapOf(m.Key, R(m.Body)),
            Apply a => new Apply(a.Function, R(a.Argument), a.ResultSort),
            Equal q => new Equal(R(q.Left), R(q.Right)),
            Not n => new Not(R(n.Operand)),
            And a => new And([.. a.Operands.Select(R)]),
            Or o => new Or([.. o.Operands.Select(R)]),
            Implies i => new Implies(R(i.Premise), R(i.Conclusion)),
            IfThenElse t => new IfThenElse(R(t.Condition), R(t.Then), R(t.Else)),
            Quantified q => new Quantified(q.IsUniversal, q.Bound, R(q.Body)),
            _ => e,
        };
        memo[e] = result;
        return result;
    }
}
