using Persona.Spec.Terms;

namespace Persona.Proofs.Symbolic;

/// <summary>The variables a spec term uses without binding them.</summary>
public static class FreeVariables
{
    /// <summary>The free variables of a term.</summary>
    public static HashSet<Variable> Of(Expr e)
    {
        var free = new HashSet<Variable>();
        Walk(e, [], free, new HashSet<Expr>(ReferenceEqualityComparer.Instance));
        return free;
    }

    private static void Walk(Expr e, HashSet<Variable> bound, HashSet<Variable> free, HashSet<Expr> seen)
    {
        switch (e)
        {
            case Variable v:
                if (!bound.Contains(v)) free.Add(v);
                return;
            case Quantified q:
                Walk(q.Body, [.. bound, q.Bound], free, seen);
                return;
            case MapOf m:
                Walk(m.Body, [.. bound, m.Key], free, seen);
                return;
        }
        if (bound.Count == 0 && !seen.Add(e)) return;
        foreach (var child in Children(e)) Walk(child, bound, free, seen);
    }

    /// <summary>The direct subterms of a node.</summary>
    public static IEnumerable<Expr> Children(Expr e) => e switch
    {
        Select s => [s.Map, s.Key],
        Store s => [s.Map, s.Key, s.Value],
        MapOf m => [m.Body],
        Apply a => [a.Argument],
        Equal q => [q.Left, q.Right],
        Not n => [n.Operand],
        And a => a.Operands,
        Or o => o.Operands,
        Implies i => [i.Premise, i.Conclusion],
        IfThenElse t => [t.Condition, t.Then, t.Else],
        Quantified q => [q.Body],
        _ => [],
    };
}
