namespace Persona.Spec.Platforms;

/// <summary>A platform file is bad: the message names the file, the line and column, and the fault.</summary>
public sealed class PlatformFileException : Exception
{
    /// <summary>A fault at a place in a file.</summary>
    public PlatformFileException(string file, int line, int column, string fault)
        : base($"{file}:{line}:{column}: {fault}")
    {
        File = file;
        Line = line;
        Column = column;
        Fault = fault;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column.</summary>
    public int Column { get; }

    /// <summary>What is wrong.</summary>
    public string Fault { get; }
}
