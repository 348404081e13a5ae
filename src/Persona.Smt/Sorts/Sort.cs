namespace Persona.Smt;

/// <summary>A Z3 sort (type) owned by an <see cref="SmtContext"/>; it lives as long as the context.</summary>
public abstract class Sort
{
    private protected Sort(SmtContext context, nint handle, string name)
    {
        Context = context;
        Handle = handle;
        Name = name;
    }

    /// <summary>The context that made the sort.</summary>
    public SmtContext Context { get; }

    /// <summary>The sort as SMT-LIB2 writes it, e.g. <c>Bool</c>, <c>(_ BitVec 32)</c> or <c>Page</c>.</summary>
    public string Name { get; }

    internal nint Handle { get; }

    /// <summary>A fresh constant (a free variable) of this sort, typed as the generic <see cref="Term"/>.</summary>
    public Term Constant(string name) => Context.Constant(name, this);

    /// <summary>The SMT-LIB2 name of the sort.</summary>
    public override string ToString() => Name;

    /// <summary>Wraps an owned AST of this sort in the matching term type.</summary>
    internal abstract Term MakeTerm(nint handle, Lifetime lifetime);
}
