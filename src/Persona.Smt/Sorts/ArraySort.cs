namespace Persona.Smt;

/// <summary>The sort of arrays (total maps) from a domain sort to a range sort.</summary>
public sealed class ArraySort : Sort
{
    internal ArraySort(SmtContext context, nint handle, Sort domain, Sort range)
        : base(context, handle, $"(Array {domain.Name} {range.Name})")
    {
        Domain = domain;
        Range = range;
    }

    /// <summary>The sort of the indices.</summary>
    public Sort Domain { get; }

    /// <summary>The sort of the elements.</summary>
    public Sort Range { get; }

    internal override Term MakeTerm(nint handle, Lifetime lifetime) => new ArrayTerm<Term, Term>(Context, handle, lifetime, this);
}
