namespace Persona.Smt;

/// <summary>A Boolean term (a formula), with the logical operators <c>&amp; | ! ^</c>.</summary>
public sealed class BoolTerm : Term, ITypedTerm<BoolTerm>
{
    internal BoolTerm(SmtContext context, nint handle, Lifetime lifetime, Sort sort)
        : base(context, handle, lifetime, sort)
    {
    }

    /// <summary>Conjunction.</summary>
    public static BoolTerm operator &(BoolTerm left, BoolTerm right) => left.Context.And(left, right);

    /// <summary>Disjunction.</summary>
    public static BoolTerm operator |(BoolTerm left, BoolTerm right) => left.Context.Or(left, right);

    /// <summary>Negation.</summary>
    public static BoolTerm operator !(BoolTerm operand) => operand.Context.Not(operand);

    /// <summary>Exclusive or.</summary>
    public static BoolTerm operator ^(BoolTerm left, BoolTerm right) => left.Context.Xor(left, right);

    /// <summary>This term implies <paramref name="consequent"/>.</summary>
    public BoolTerm Implies(BoolTerm consequent) => Context.Implies(this, consequent);

    /// <summary>This term holds exactly when <paramref name="other"/> holds.</summary>
    public BoolTerm Iff(BoolTerm other) => Context.Iff(this, other);

    /// <summary>If this term then <paramref name="then"/> else <paramref name="otherwise"/>, for terms of any sort.</summary>
    public T Ite<T>(T then, T otherwise)
        where T : Term, ITypedTerm<T> => Context.Ite(this, then, otherwise);

    /// <summary>Equality (same truth value).</summary>
    public BoolTerm Eq(BoolTerm other) => Context.Eq(this, other);

    static bool ITypedTerm<BoolTerm>.Accepts(Sort sort) => sort is BoolSort;

    static BoolTerm ITypedTerm<BoolTerm>.FromTerm(Term term) => term as BoolTerm ?? throw Mismatch(term, "Bool");
}
