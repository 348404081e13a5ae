namespace Persona.Smt;

/// <summary>The three outcomes of a satisfiability check; unknown is never folded into sat or unsat.</summary>
public enum SmtOutcome
{
    /// <summary>The assertions are satisfiable; a model is available.</summary>
    Sat,

    /// <summary>The assertions are unsatisfiable; the unsat core names the assertions involved.</summary>
    Unsat,

    /// <summary>The solver gave up (timeout, incompleteness); its reason is given.</summary>
    Unknown,
}

/// <summary>The answer of <see cref="ISmtSolver.Check"/>: one of <see cref="Sat"/>, <see cref="Unsat"/> or <see cref="Unknown"/>.</summary>
public abstract record SmtResult
{
    private SmtResult()
    {
    }

    /// <summary>Which of the three outcomes this is.</summary>
    public abstract SmtOutcome Outcome { get; }

    /// <summary>Satisfiable, with a model (completion on) that gives every term a value.</summary>
    /// <param name="Model">The model; it is released with the scope that was open at the check.</param>
    public sealed record Sat(SmtModel Model) : SmtResult
    {
        /// <inheritdoc/>
        public override SmtOutcome Outcome => SmtOutcome.Sat;

        /// <summary>The outcome and the model.</summary>
        public override string ToString() => $"sat\n{Model}";
    }

    /// <summary>Unsatisfiable, with the names of the named assertions in Z3's unsat core, in assertion order.</summary>
    /// <param name="Core">Names of named assertions that together are unsatisfiable (unnamed assertions never appear).</param>
    public sealed record Unsat(IReadOnlyList<string> Core) : SmtResult
    {
        /// <inheritdoc/>
        public override SmtOutcome Outcome => SmtOutcome.Unsat;

        /// <summary>The outcome and the core's names, e.g. <c>unsat [a1, a3]</c>.</summary>
        public override string ToString() => $"unsat [{string.Join(", ", Core)}]";
    }

    /// <summary>The solver could not decide, with its reason (e.g. <c>timeout</c>, <c>canceled</c>, <c>incomplete quantifiers</c>).</summary>
    /// <param name="Reason">Z3's reason text (<c>Z3_solver_get_reason_unknown</c>).</param>
    public sealed record Unknown(string Reason) : SmtResult
    {
        /// <inheritdoc/>
        public override SmtOutcome Outcome => SmtOutcome.Unknown;

        /// <summary>The outcome and the reason, e.g. <c>unknown (timeout)</c>.</summary>
        public override string ToString() => $"unknown ({Reason})";
    }
}
