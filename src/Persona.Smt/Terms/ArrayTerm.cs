namespace Persona.Smt;

/// <summary>An array term (a total map) from <typeparamref name="TDomain"/> indices to <typeparamref name="TRange"/> elements.</summary>
/// <typeparam name="TDomain">The term type of the indices (<see cref="Term"/> when not known statically).</typeparam>
/// <typeparam name="TRange">The term type of the elements (<see cref="Term"/> when not known statically).</typeparam>
public sealed class ArrayTerm<TDomain, TRange> : Term, ITypedTerm<ArrayTerm<TDomain, TRange>>
    where TDomain : Term, ITypedTerm<TDomain>
    where TRange : Term, ITypedTerm<TRange>
{
    internal ArrayTerm(SmtContext context, nint handle, Lifetime lifetime, ArraySort sort)
        : base(context, handle, lifetime, sort)
    {
        ArraySort = sort;
    }

    /// <summary>The array sort (domain and range).</summary>
    public ArraySort ArraySort { get; }

    /// <summary>The element at <paramref name="index"/>.</summary>
    public TRange Select(TDomain index) => Context.Select(this, index);

    /// <summary>The element at <paramref name="index"/> (same as <see cref="Select"/>).</summary>
    public TRange this[TDomain index] => Select(index);

    /// <summary>This array with the element at <paramref name="index"/> replaced by <paramref name="value"/>.</summary>
    public ArrayTerm<TDomain, TRange> Store(TDomain index, TRange value) => Context.Store(this, index, value);

    /// <summary>Equality (extensional: the same element at every index).</summary>
    public BoolTerm Eq(ArrayTerm<TDomain, TRange> other) => Context.Eq(this, other);

    static bool ITypedTerm<ArrayTerm<TDomain, TRange>>.Accepts(Sort sort) =>
        sort is ArraySort array && TDomain.Accepts(array.Domain) && TRange.Accepts(array.Range);

    static ArrayTerm<TDomain, TRange> ITypedTerm<ArrayTerm<TDomain, TRange>>.FromTerm(Term term)
    {
        if (term is ArrayTerm<TDomain, TRange> typed)
            return typed;
        if (term.Sort is ArraySort array && TDomain.Accepts(array.Domain) && TRange.Accepts(array.Range))
            return new ArrayTerm<TDomain, TRange>(term.Context, term.Handle, term.Lifetime, array);
        throw Mismatch(term, $"Array of {typeof(TDomain).Name} to {typeof(TRange).Name}");
    }
}
