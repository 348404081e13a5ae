namespace Persona.Smt;

/// <summary>A declared sort with no structure (SMT-LIB2 <c>declare-sort</c>), such as <c>Page</c>.</summary>
public sealed class UninterpretedSort : Sort
{
    internal UninterpretedSort(SmtContext context, nint handle, string name)
        : base(context, handle, name)
    {
    }

    /// <summary>A constant of this sort with the given name.</summary>
    public new UninterpretedTerm Constant(string name) => (UninterpretedTerm)base.Constant(name);

    internal override Term MakeTerm(nint handle, Lifetime lifetime) => new UninterpretedTerm(Context, handle, lifetime, this);
}
