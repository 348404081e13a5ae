namespace Persona.Smt;

/// <summary>A term of a declared (uninterpreted) sort, such as a <c>Page</c>.</summary>
public sealed class UninterpretedTerm : Term, ITypedTerm<UninterpretedTerm>
{
    internal UninterpretedTerm(SmtContext context, nint handle, Lifetime lifetime, UninterpretedSort sort)
        : base(context, handle, lifetime, sort)
    {
    }

    /// <summary>Equality with another term (Z3 reports a sort mismatch as an <see cref="SmtException"/>).</summary>
    public BoolTerm Eq(UninterpretedTerm other) => Context.Eq(this, other);

    static bool ITypedTerm<UninterpretedTerm>.Accepts(Sort sort) => sort is UninterpretedSort;

    static UninterpretedTerm ITypedTerm<UninterpretedTerm>.FromTerm(Term term) =>
        term as UninterpretedTerm ?? throw Mismatch(term, "an uninterpreted sort");
}
