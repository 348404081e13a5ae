namespace Persona.Smt;

/// <summary>A trigger for quantifier instantiation: the quantifier is instantiated when terms matching all of these appear.</summary>
public sealed class SmtPattern
{
    internal SmtPattern(SmtContext context, nint handle, Lifetime lifetime)
    {
        Context = context;
        Handle = handle;
        Lifetime = lifetime;
    }

    /// <summary>The context that made the pattern.</summary>
    public SmtContext Context { get; }

    internal nint Handle { get; }

    internal Lifetime Lifetime { get; }
}
