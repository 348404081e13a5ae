namespace Persona.Smt;

/// <summary>A term of an enumeration sort: one of the sort's members, or a variable ranging over them.</summary>
public sealed class EnumTerm : Term, ITypedTerm<EnumTerm>
{
    internal EnumTerm(SmtContext context, nint handle, Lifetime lifetime, EnumSort sort)
        : base(context, handle, lifetime, sort)
    {
        EnumSort = sort;
    }

    /// <summary>The enumeration sort of the term.</summary>
    public EnumSort EnumSort { get; }

    /// <summary>Equality with another term of the same enumeration sort.</summary>
    public BoolTerm Eq(EnumTerm other) => Context.Eq(this, other);

    static bool ITypedTerm<EnumTerm>.Accepts(Sort sort) => sort is EnumSort;

    static EnumTerm ITypedTerm<EnumTerm>.FromTerm(Term term) => term as EnumTerm ?? throw Mismatch(term, "an enumeration");
}
