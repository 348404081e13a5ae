namespace Persona.Smt;

/// <summary>SMT-LIB2 lexical rules Persona needs: which names are symbols, which are taken by the theories, and how to quote.</summary>
internal static class SmtLibText
{
    private const string SimpleSymbolPunctuation = "~!@$%^&*_-+=<>.?/";

    /// <summary>Reserved words and the function symbols of the theories that <c>(set-logic ALL)</c> loads, which cvc5
    /// refuses to see redefined (for instance as an assertion name).</summary>
    private static readonly HashSet<string> TakenSymbols = new(StringComparer.Ordinal)
    {
        "_", "!", "as", "let", "exists", "forall", "match", "par", "NUMERAL", "DECIMAL", "STRING", "BINARY", "HEXADECIMAL",
        "true", "false", "not", "=>", "and", "or", "xor", "=", "distinct", "ite",
        "select", "store", "const",
        "concat", "extract", "repeat", "zero_extend", "sign_extend", "rotate_left", "rotate_right",
        "bvnot", "bvand", "bvor", "bvneg", "bvadd", "bvmul", "bvudiv", "bvurem", "bvshl", "bvlshr", "bvult",
        "bvnand", "bvnor", "bvxor", "bvxnor", "bvcomp", "bvsub", "bvsdiv", "bvsrem", "bvsmod", "bvashr",
        "bvule", "bvugt", "bvuge", "bvslt", "bvsle", "bvsgt", "bvsge",
        "+", "-", "*", "/", "div", "mod", "abs", "<=", "<", ">=", ">", "to_real", "to_int", "is_int",
    };

    /// <summary>Dotted prefixes of the string, sequence, set, bag and floating-point theories.</summary>
    private static readonly string[] TakenPrefixes = ["str.", "re.", "seq.", "set.", "bag.", "fp.", "int.", "@"];

    /// <summary>True when <paramref name="name"/> is a simple SMT-LIB2 symbol (needs no <c>|quotes|</c>).</summary>
    internal static bool IsSimpleSymbol(string name) =>
        name.Length > 0
        && !char.IsAsciiDigit(name[0])
        && name.All(ch => char.IsAsciiLetterOrDigit(ch) || SimpleSymbolPunctuation.Contains(ch, StringComparison.Ordinal));

    /// <summary>The name as an SMT-LIB2 symbol: as is when simple, else between bars.</summary>
    internal static string Symbol(string name) => IsSimpleSymbol(name) ? name : $"|{name}|";

    /// <summary>Throws when <paramref name="name"/> cannot be written as an SMT-LIB2 symbol of its own.</summary>
    internal static void RequireSymbol(string name, string role)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('|', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)
            || name.Any(char.IsControl))
            throw new SmtException($"The {role} '{name}' cannot be an SMT-LIB2 symbol (it is empty or holds '|', '\\' or a control character).");
        if (TakenSymbols.Contains(name) || TakenPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            throw new SmtException($"The {role} '{name}' is an SMT-LIB2 reserved word or theory symbol; cvc5 would reject it. Choose another name.");
    }
}
