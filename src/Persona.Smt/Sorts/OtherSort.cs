namespace Persona.Smt;

/// <summary>A sort Persona does not model with its own term type (for instance one Z3 made internally).</summary>
internal sealed class OtherSort : Sort
{
    internal OtherSort(SmtContext context, nint handle, string name)
        : base(context, handle, name)
    {
    }

    internal override Term MakeTerm(nint handle, Lifetime lifetime) => new OpaqueTerm(Context, handle, lifetime, this);
}
