namespace Persona.Smt;

/// <summary>Solver sessions.</summary>
public sealed partial class SmtContext
{
    /// <summary>A new solver with the context's pinned options (random seed, solver kind, and timeout unless overridden here).</summary>
    public SmtSolver Solver(uint? timeoutMilliseconds = null) =>
        new(this, timeoutMilliseconds ?? Options.TimeoutMilliseconds, Options.Kind);

    /// <summary>A new solver of the given kind, with the context's seed and the timeout given (or the context's).</summary>
    public SmtSolver Solver(SmtSolverKind kind, uint? timeoutMilliseconds = null) =>
        new(this, timeoutMilliseconds ?? Options.TimeoutMilliseconds, kind);
}
