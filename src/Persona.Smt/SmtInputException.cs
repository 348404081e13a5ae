namespace Persona.Smt;

/// <summary>Bad user input to the SMT layer, such as an SMT-LIB2 file that does not exist; the message names the input and the fault.</summary>
/// <remarks>Kept apart from <see cref="SmtException"/> (a solver or programming error) so the command line can turn only
/// this one into the bad-input exit code.</remarks>
public sealed class SmtInputException : Exception
{
    /// <summary>Creates the exception with a message naming the input, where in it, and what is wrong.</summary>
    public SmtInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public SmtInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
