namespace Persona.Spec.Terms;

/// <summary>Walks of the term language shared by its readers: the children of a node, and the state fields a term reads.</summary>
public static class Traversal
{
    /// <summary>The direct subterms of a node (leaves have none).</summary>
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
        BoolLiteral or EnumLiteral or Variable or FieldRead => [],
        _ => throw new ArgumentException($"unknown node {e.GetType().Name}: a walk that skipped it could miss what it reads"),
    };

    /// <summary>The names of the state fields a term reads.</summary>
    public static SortedSet<string> FieldsRead(Expr e)
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node)) continue;
            if (node is FieldRead f) fields.Add(f.Field);
            foreach (var child in Children(node)) stack.Push(child);
        }
        return fields;
    }
}
