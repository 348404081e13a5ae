using System.Globalization;
using Persona.Spec.Model;

namespace Persona.Spec.Platforms;

/// <summary>Reads a platform file: one declaration per line, <c>keyword key=value ...</c>, with <c>#</c> comments.</summary>
/// <remarks>Every fault is reported once, as a <see cref="PlatformFileException"/> naming the file, line, column and fault.</remarks>
public static partial class PlatformParser
{
    /// <summary>Reads and checks a platform file from disk.</summary>
    public static Platform ParseFile(string path)
    {
        if (!File.Exists(path))
            throw new PlatformFileException(path, 0, 0, "file not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads and checks platform text; <paramref name="source"/> names it in messages.</summary>
    public static Platform Parse(string text, string source)
    {
        var builder = new Builder(source);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            var tokens = Tokenize(line, i + 1);
            if (tokens.Count == 0) continue;
            builder.Declare(tokens);
        }
        return builder.Build();
    }

    private static List<Token> Tokenize(string line, int lineNumber)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i])) { i++; continue; }
            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            tokens.Add(new Token(line[start..i], lineNumber, start + 1));
        }
        return tokens;
    }

    /// <summary>A word of the file and where it is.</summary>
    private readonly record struct Token(string Text, int Line, int Column);

    /// <summary>Parses a size or address: decimal or 0x hex, with an optional KiB/MiB/GiB suffix.</summary>
    internal static bool TryParseNumber(string text, out ulong value)
    {
        value = 0;
        ulong multiplier = 1;
        foreach (var (suffix, factor) in new[] { ("KiB", 1UL << 10), ("MiB", 1UL << 20), ("GiB", 1UL << 30) })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length];
                multiplier = factor;
                break;
            }
        }
        text = text.Replace("_", "", StringComparison.Ordinal);
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!ok) return false;
        try
        {
            value = checked(value * multiplier);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
