namespace Persona.Smt;

/// <summary>The Boolean sort.</summary>
public sealed class BoolSort : Sort
{
    internal BoolSort(SmtContext context, nint handle)
        : base(context, handle, "Bool")
    {
    }

    /// <summary>A Boolean constant with the given name.</summary>
    public new BoolTerm Constant(string name) => (BoolTerm)base.Constant(name);

    internal override Term MakeTerm(nint handle, Lifetime lifetime) => new BoolTerm(Context, handle, lifetime, this);
}
