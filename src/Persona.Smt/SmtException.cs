namespace Persona.Smt;

/// <summary>A failure reported by Z3 (a sort mismatch, a bad parameter, ...) or a misuse of the term API, carrying Z3's own message.</summary>
public sealed class SmtException : Exception
{
    /// <summary>Creates the exception with a message that says what failed.</summary>
    public SmtException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public SmtException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a Z3 error: the operation Persona attempted and the text Z3 gave.</summary>
    public SmtException(string operation, string solverMessage)
        : base($"Z3 rejected {operation}: {solverMessage}")
    {
        SolverMessage = solverMessage;
    }

    /// <summary>Z3's own error text (from <c>Z3_get_error_msg</c>), or null when the error was found before calling Z3.</summary>
    public string? SolverMessage { get; }
}
