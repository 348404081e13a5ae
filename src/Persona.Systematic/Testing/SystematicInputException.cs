namespace Persona.Systematic.Testing;

/// <summary>Bad user input to the systematic engine (a trace file, a test name, an option); the message names the input, the place and the fault.</summary>
public class SystematicInputException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public SystematicInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public SystematicInputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SystematicInputException()
        : base("bad input to the systematic engine")
    {
    }
}
