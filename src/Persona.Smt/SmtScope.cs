namespace Persona.Smt;

/// <summary>A region of an <see cref="SmtContext"/>: every term, model and solver made while it is open is released when it is disposed.</summary>
/// <remarks>This is how a long loop of queries keeps memory flat without a finalizer on each wrapper:
/// <c>using (ctx.Scope()) { ... }</c>. Scopes nest and must close innermost first.</remarks>
public sealed class SmtScope : IDisposable
{
    private readonly SmtContext _context;

    internal SmtScope(SmtContext context, int astStart, int resourceStart, int depth)
    {
        _context = context;
        AstStart = astStart;
        ResourceStart = resourceStart;
        Lifetime = new Lifetime($"scope at depth {depth}");
    }

    internal int AstStart { get; }

    internal int ResourceStart { get; }

    internal Lifetime Lifetime { get; }

    /// <summary>Releases everything made inside the scope; terms from it can no longer be used.</summary>
    public void Dispose()
    {
        if (Lifetime.IsOpen)
            _context.CloseScope(this);
    }
}
