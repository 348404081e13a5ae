namespace Persona.Smt;

/// <summary>Solver sessions.</summary>
public sealed partial class SmtContext
{
    /// <summary>A new solver with the context's pinned options (random seed, timeout unless overridden here).</summary>
    public SmtSolver Solver(uint? timeoutMilliseconds = null) =>
        new(this, timeoutMilliseconds ?? Options.TimeoutMilliseconds);
}
