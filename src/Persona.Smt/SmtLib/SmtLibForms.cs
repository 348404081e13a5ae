namespace Persona.Smt;

/// <summary>Splits SMT-LIB2 text into its top-level forms (commands), honouring <c>|quoted symbols|</c>, strings and comments.</summary>
internal static class SmtLibForms
{
    /// <summary>The top-level parenthesised forms of <paramref name="text"/>, each as its exact source text.</summary>
    internal static List<string> Split(string text)
    {
        var forms = new List<string>();
        var depth = 0;
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case ';':
                    while (i < text.Length && text[i] != '\n')
                        i++;
                    break;
                case '|':
                    i = text.IndexOf('|', i + 1);
                    if (i < 0)
                        throw new SmtException("Unterminated |quoted symbol| in SMT-LIB2 text from Z3.");
                    break;
                case '"':
                    i = SkipString(text, i);
                    break;
                case '(':
                    if (depth++ == 0)
                        start = i;
                    break;
                case ')':
                    if (--depth == 0)
                        forms.Add(text[start..(i + 1)]);
                    else if (depth < 0)
                        throw new SmtException("Unbalanced ')' in SMT-LIB2 text from Z3.");
                    break;
            }
        }
        if (depth != 0)
            throw new SmtException("Unbalanced '(' in SMT-LIB2 text from Z3.");
        return forms;
    }

    /// <summary>The command keyword of a form, e.g. <c>assert</c> for <c>(assert ...)</c>.</summary>
    internal static string Head(string form)
    {
        var i = 1;
        while (i < form.Length && char.IsWhiteSpace(form[i]))
            i++;
        var j = i;
        while (j < form.Length && !char.IsWhiteSpace(form[j]) && form[j] != '(' && form[j] != ')')
            j++;
        return form[i..j];
    }

    /// <summary>The token after the command keyword, e.g. the name in <c>(declare-fun name ...)</c> (bars kept).</summary>
    internal static string SecondToken(string form)
    {
        var i = form.IndexOf(Head(form), StringComparison.Ordinal) + Head(form).Length;
        while (i < form.Length && char.IsWhiteSpace(form[i]))
            i++;
        if (i < form.Length && form[i] == '|')
            return form[i..(form.IndexOf('|', i + 1) + 1)];
        var j = i;
        while (j < form.Length && !char.IsWhiteSpace(form[j]) && form[j] != '(' && form[j] != ')')
            j++;
        return form[i..j];
    }

    /// <summary>The body of an <c>(assert body)</c> form.</summary>
    internal static string AssertBody(string form) => form[(form.IndexOf("assert", StringComparison.Ordinal) + "assert".Length)..^1].Trim();

    private static int SkipString(string text, int open)
    {
        // SMT-LIB2 escapes a quote inside a string by doubling it.
        var i = open + 1;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw new SmtException("Unterminated string in SMT-LIB2 text from Z3.");
    }
}
