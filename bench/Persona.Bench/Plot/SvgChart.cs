using System.Globalization;
using System.Net;
using System.Text;

namespace Persona.Bench.Plot;

/// <summary>One bar of a chart: its group, its label, its value and the text printed beside it.</summary>
/// <param name="Group">The group (a benchmark class, a figure file).</param>
/// <param name="Label">The bar's label.</param>
/// <param name="Value">The value (positive; the axis is logarithmic).</param>
/// <param name="Text">The value as printed.</param>
public sealed record Bar(string Group, string Label, double Value, string Text);

/// <summary>One panel of the chart: a title, the unit of its logarithmic axis, and its bars.</summary>
/// <param name="Title">The panel's title.</param>
/// <param name="Unit">The axis unit, e.g. "ns".</param>
/// <param name="Bars">The bars, drawn in order, grouped by consecutive <see cref="Bar.Group"/>.</param>
public sealed record Panel(string Title, string Unit, IReadOnlyList<Bar> Bars);

/// <summary>Renders panels of horizontal bars on logarithmic axes as a standalone SVG (no plotting library is needed).</summary>
public static class SvgChart
{
    private const int LabelWidth = 430;
    private const int PlotWidth = 420;
    private const int TextWidth = 120;
    private const int BarHeight = 14;
    private const int RowHeight = 18;
    private const int Width = LabelWidth + PlotWidth + TextWidth + 20;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The SVG document for the panels, with a caption line under the title.</summary>
    public static string Render(string title, string caption, IReadOnlyList<Panel> panels)
    {
        var body = new StringBuilder();
        var y = 50;
        foreach (var panel in panels.Where(p => p.Bars.Count > 0))
            y = RenderPanel(body, panel, y) + 20;
        var svg = new StringBuilder();
        svg.AppendLine(string.Create(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{y}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.AppendLine(string.Create(Inv, $"<rect width=\"{Width}\" height=\"{y}\" fill=\"white\"/>"));
        svg.AppendLine(string.Create(Inv, $"<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">{Escape(title)}</text>"));
        svg.AppendLine(string.Create(Inv, $"<text x=\"10\" y=\"38\" fill=\"#555\">{Escape(caption)}</text>"));
        svg.Append(body);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static int RenderPanel(StringBuilder svg, Panel panel, int top)
    {
        var min = Math.Floor(Math.Log10(panel.Bars.Min(b => b.Value)));
        var max = Math.Ceiling(Math.Log10(panel.Bars.Max(b => b.Value)));
        if (max <= min)
            max = min + 1;
        double X(double value) => LabelWidth + ((Math.Log10(value) - min) / (max - min) * PlotWidth);
        svg.AppendLine(string.Create(Inv, $"<text x=\"10\" y=\"{top + 12}\" font-size=\"13\" font-weight=\"bold\">{Escape(panel.Title)} (log scale, {Escape(panel.Unit)})</text>"));
        var y = top + 22;
        string? group = null;
        foreach (var bar in panel.Bars)
        {
            if (bar.Group != group)
            {
                group = bar.Group;
                svg.AppendLine(string.Create(Inv, $"<text x=\"10\" y=\"{y + 12}\" font-weight=\"bold\" fill=\"#333\">{Escape(group)}</text>"));
                y += RowHeight;
            }
            var end = Math.Max(X(bar.Value), LabelWidth + 1);
            svg.AppendLine(string.Create(Inv, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 11}\" text-anchor=\"end\">{Escape(bar.Label)}</text>"));
            svg.AppendLine(string.Create(Inv, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{end - LabelWidth:F1}\" height=\"{BarHeight}\" fill=\"#4e79a7\"/>"));
            svg.AppendLine(string.Create(Inv, $"<text x=\"{end + 4:F1}\" y=\"{y + 11}\">{Escape(bar.Text)}</text>"));
            y += RowHeight;
        }
        for (var decade = min; decade <= max; decade++)
        {
            var x = X(Math.Pow(10, decade));
            svg.AppendLine(string.Create(Inv, $"<line x1=\"{x:F1}\" y1=\"{top + 20}\" x2=\"{x:F1}\" y2=\"{y}\" stroke=\"#ccc\" stroke-width=\"0.5\"/>"));
            svg.AppendLine(string.Create(Inv, $"<text x=\"{x:F1}\" y=\"{y + 12}\" text-anchor=\"middle\" fill=\"#555\">1e{decade:F0}</text>"));
        }
        return y + 16;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
