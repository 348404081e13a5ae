namespace Persona.Smt;

/// <summary>The command-line solvers that re-check Persona's SMT-LIB2 output (both from Debian).</summary>
public enum SmtLibTool
{
    /// <summary>The z3 command line (Debian package <c>z3</c>), run as <c>z3 -smt2 FILE</c>.</summary>
    Z3,

    /// <summary>The cvc5 command line (Debian package <c>cvc5</c>), run as <c>cvc5 --lang=smt2 FILE</c>.</summary>
    Cvc5,
}

/// <summary>What a command-line solver answered to an SMT-LIB2 script.</summary>
public enum SmtLibVerdict
{
    /// <summary>It printed <c>sat</c>.</summary>
    Sat,

    /// <summary>It printed <c>unsat</c>.</summary>
    Unsat,

    /// <summary>It printed <c>unknown</c>.</summary>
    Unknown,

    /// <summary>It was still running when the time limit passed, and was killed.</summary>
    Timeout,

    /// <summary>It rejected the script (an <c>(error ...)</c> line, <c>unsupported</c>, or no answer).</summary>
    Error,
}

/// <summary>The answer of one command-line run.</summary>
/// <param name="Tool">The solver that ran.</param>
/// <param name="Verdict">Its answer.</param>
/// <param name="Output">Everything it printed (standard output, then standard error), for the failure message.</param>
public sealed record SmtLibAnswer(SmtLibTool Tool, SmtLibVerdict Verdict, string Output)
{
    /// <summary>The verdict as the in-process outcome, or null for a timeout or an error.</summary>
    public SmtOutcome? Outcome => Verdict switch
    {
        SmtLibVerdict.Sat => SmtOutcome.Sat,
        SmtLibVerdict.Unsat => SmtOutcome.Unsat,
        SmtLibVerdict.Unknown => SmtOutcome.Unknown,
        _ => null,
    };
}
