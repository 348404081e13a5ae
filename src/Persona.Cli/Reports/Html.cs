using System.Globalization;
using System.Net;

namespace Persona.Cli.Reports;

/// <summary>Small helpers for writing HTML and SVG text safely and the same way everywhere.</summary>
public static class Html
{
    /// <summary>Text escaped for HTML content or an attribute value.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A number with invariant formatting.</summary>
    public static string Number(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A string usable as an HTML id (letters, digits and dashes).</summary>
    public static string Id(string text) =>
        new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
}
