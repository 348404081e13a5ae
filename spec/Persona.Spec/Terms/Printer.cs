using System.Text;

namespace Persona.Spec.Terms;

/// <summary>Prints a spec expression in a compact readable syntax, for counterexamples and docs.</summary>
public static class Printer
{
    /// <summary>The expression as text.</summary>
    public static string Print(Expr expr)
    {
        var sb = new StringBuilder();
        Write(sb, expr);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case BoolLiteral b: sb.Append(b.Value ? "true" : "false"); break;
            case EnumLiteral l: sb.Append(l.EnumSort.Members[l.Ordinal]); break;
            case Variable v: sb.Append(v.Name); break;
            case FieldRead f: sb.Append(f.StateName).Append('.').Append(f.Field); break;
            case Select s: Write(sb, s.Map); sb.Append('['); Write(sb, s.Key); sb.Append(']'); break;
            case Store s: Write(sb, s.Map); sb.Append('{'); Write(sb, s.Key); sb.Append(" := "); Write(sb, s.Value); sb.Append('}'); break;
            case MapOf m: sb.Append("(λ").Append(m.Key.Name).Append(". "); Write(sb, m.Body); sb.Append(')'); break;
            case Apply a: sb.Append(a.Function).Append('('); Write(sb, a.Argument); sb.Append(')'); break;
            case Equal q: sb.Append('('); Write(sb, q.Left); sb.Append(" = "); Write(sb, q.Right); sb.Append(')'); break;
            case Not n: sb.Append('¬'); Write(sb, n.Operand); break;
            case And a: Join(sb, a.Operands, " ∧ ", "true"); break;
            case Or o: Join(sb, o.Operands, " ∨ ", "false"); break;
            case Implies i: sb.Append('('); Write(sb, i.Premise); sb.Append(" ⇒ "); Write(sb, i.Conclusion); sb.Append(')'); break;
            case IfThenElse t: sb.Append("(if "); Write(sb, t.Condition); sb.Append(" then "); Write(sb, t.Then); sb.Append(" else "); Write(sb, t.Else); sb.Append(')'); break;
            case Quantified q:
                sb.Append(q.IsUniversal ? "(∀" : "(∃").Append(q.Bound.Name).Append(':').Append(q.Bound.Sort).Append(". ");
                Write(sb, q.Body);
                sb.Append(')');
                break;
            default: throw new ArgumentException($"unknown node {e.GetType().Name}");
        }
    }

    private static void Join(StringBuilder sb, IReadOnlyList<Expr> items, string separator, string empty)
    {
        if (items.Count == 0) { sb.Append(empty); return; }
        sb.Append('(');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(separator);
            Write(sb, items[i]);
        }
        sb.Append(')');
    }
}
