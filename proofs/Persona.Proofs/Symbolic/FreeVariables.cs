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
    public static IEnumerable<Expr> Children(Expr e) => Traversal.Children(e);
}
