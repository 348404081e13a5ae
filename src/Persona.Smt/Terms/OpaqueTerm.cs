namespace Persona.Smt;

/// <summary>A term of a sort Persona has no typed wrapper for; usable only through the generic <see cref="Term"/> API.</summary>
internal sealed class OpaqueTerm : Term
{
    internal OpaqueTerm(SmtContext context, nint handle, Lifetime lifetime, Sort sort)
        : base(context, handle, lifetime, sort)
    {
    }
}
