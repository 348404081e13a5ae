namespace Persona.Smt;

/// <summary>SMT-LIB2 lexical rules Persona needs: which names are symbols and how to quote them.</summary>
internal static class SmtLibText
{
    private const string SimpleSymbolPunctuation = "~!@$%^&*_-+=<>.?/";

    /// <summary>True when <paramref name="name"/> is a simple SMT-LIB2 symbol (needs no <c>|quotes|</c>).</summary>
    internal static bool IsSimpleSymbol(string name) =>
        name.Length > 0
        && !char.IsAsciiDigit(name[0])
        && name.All(ch => char.IsAsciiLetterOrDigit(ch) || SimpleSymbolPunctuation.Contains(ch, StringComparison.Ordinal));

    /// <summary>The name as an SMT-LIB2 symbol: as is when simple, else between bars.</summary>
    internal static string Symbol(string name) => IsSimpleSymbol(name) ? name : $"|{name}|";

    /// <summary>Throws when <paramref name="name"/> cannot be written as an SMT-LIB2 symbol at all.</summary>
    internal static void RequireSymbol(string name, string role)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('|', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)
            || name.Any(char.IsControl))
            throw new SmtException($"The {role} '{name}' cannot be an SMT-LIB2 symbol (it is empty or holds '|', '\\' or a control character).");
    }
}
