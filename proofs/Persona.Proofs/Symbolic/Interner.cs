using Persona.Spec.Terms;

namespace Persona.Proofs.Symbolic;

/// <summary>Hash-conses spec terms: structurally equal terms built through it are the same object, so memo tables keyed by identity share work.</summary>
/// <remarks>Keys are shallow (a node's kind and its children's ids), so interning costs O(1) per node.</remarks>
public sealed class Interner
{
    private readonly Dictionary<Expr, int> ids = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Expr, Expr> leaves = [];
    private readonly Dictionary<(int Kind, int A, int B, int C), Expr> nodes = [];
    private readonly Dictionary<string, Expr> lists = [];
    private readonly Dictionary<(string Function, int Argument), Expr> applications = [];

    /// <summary>The canonical object for a term whose children are already canonical.</summary>
    public Expr Intern(Expr e)
    {
        if (ids.ContainsKey(e)) return e;
        Expr canonical;
        switch (e)
        {
            case BoolLiteral or EnumLiteral or Variable or FieldRead:
                if (!leaves.TryGetValue(e, out canonical!)) leaves[e] = canonical = e;
                break;
            case And or Or:
                var operands = e is And a ? a.Operands : ((Or)e).Operands;
                var key = (e is And ? "&" : "|") + string.Join(",", operands.Select(Id));
                if (!lists.TryGetValue(key, out canonical!)) lists[key] = canonical = e;
                break;
            case Apply ap:
                var appKey = (ap.Function, Id(ap.Argument));
                if (!applications.TryGetValue(appKey, out canonical!)) applications[appKey] = canonical = e;
                break;
            default:
                var shallow = e switch
                {
                    Select s => (1, Id(s.Map), Id(s.Key), 0),
                    Store s => (2, Id(s.Map), Id(s.Key), Id(s.Value)),
                    Equal q => (3, Id(q.Left), Id(q.Right), 0),
                    Not n => (4, Id(n.Operand), 0, 0),
                    Implies i => (5, Id(i.Premise), Id(i.Conclusion), 0),
                    IfThenElse t => (6, Id(t.Condition), Id(t.Then), Id(t.Else)),
                    _ => (-1, 0, 0, 0),
                };
                if (shallow.Item1 < 0)
                {
                    // Binders (quantifiers, pointwise maps) are kept as they are, with an identity of their own.
                    ids[e] = ids.Count + 1;
                    return e;
                }
                if (!nodes.TryGetValue(shallow, out canonical!)) nodes[shallow] = canonical = e;
                break;
        }
        if (!ids.ContainsKey(canonical)) ids[canonical] = ids.Count + 1;
        return canonical;
    }

    private int Id(Expr e) => ids.TryGetValue(e, out var id) ? id : ids[Intern(e)];
}
