using System.Globalization;
using System.Text;
using Persona.Cli.Verification;
using Persona.Spec.Model;

namespace Persona.Cli.Reports;

/// <summary>Each persona's page-ownership map over the scenario, drawn as a heat strip: time across, RAM bands down, colour for what the persona holds.</summary>
public static partial class HtmlReport
{
    private static readonly IReadOnlyDictionary<PageView, (string Colour, string Meaning)> Views = new Dictionary<PageView, (string, string)>
    {
        [PageView.Free] = ("#f4f4f4", "free: no one holds it"),
        [PageView.Hypervisor] = ("#555555", "hypervisor: tables, contexts, keystore, pools"),
        [PageView.OtherPersona] = ("#c9ced6", "the other persona's (no access)"),
        [PageView.Owned] = ("#3c8d5a", "owned by this persona"),
        [PageView.Lent] = ("#e0a800", "lent by this persona (a channel page)"),
        [PageView.Borrowed] = ("#8e44ad", "borrowed from the other persona"),
    };

    private static void Ownership(StringBuilder s, VerifyReport report)
    {
        s.Append("<section id=\"ownership\"><h2>Page ownership over time</h2>\n");
        if (report.Scenario is not { } scenario)
        {
            NotRun(s, report, "validated scenario");
            return;
        }
        var timeline = scenario.Ownership;
        s.Append("<p class=\"lead\">What each persona holds of the phone's RAM, read from the hypervisor's ownership metadata at boot, at every world switch ")
            .Append("and after every trap that changed a page's owner. Time runs left to right (one column per snapshot, labelled with its trap number); ")
            .Append("RAM runs top to bottom in bands, grouped by region. A band takes the colour of the most notable state in it, so a single lent page shows. ")
            .Append("The strip above each map shows which persona was in the foreground. Hover a cell for its counts.</p>\n<p class=\"figures\">");
        Figure(s, "ownership-snapshot-count", timeline.Snapshots.Count, "snapshots");
        Figure(s, "ownership-band-count", timeline.Bands.Count, "bands");
        if (timeline.Dropped > 0) s.Append("<span class=\"figure fail\">").Append(timeline.Dropped).Append(" later snapshots not drawn</span>");
        s.Append("</p>\n<div class=\"legend\">");
        foreach (var (view, (colour, meaning)) in Views)
            s.Append("<span class=\"swatch\" style=\"background:").Append(colour).Append("\"></span> ").Append(Html.Text(meaning)).Append(' ');
        s.Append("</div>\n");
        foreach (var persona in new[] { Component.Personal, Component.Work })
        {
            var name = persona.ToString().ToLowerInvariant();
            s.Append("<figure class=\"ownership\" id=\"ownership-").Append(name).Append("\" data-snapshots=\"").Append(timeline.Snapshots.Count).Append("\"><figcaption>")
                .Append("The <b>").Append(name).Append("</b> persona's view of RAM</figcaption><div class=\"scroll\">");
            HeatStrip(s, timeline, persona, name);
            s.Append("</div></figure>\n");
        }
        s.Append("</section>\n");
    }

    private static void HeatStrip(StringBuilder s, OwnershipTimeline timeline, Component persona, string name)
    {
        var inv = CultureInfo.InvariantCulture;
        const int left = 230, top = 40, bandHeight = 12, strip = 12;
        var columns = timeline.Snapshots.Count;
        var cell = Math.Clamp(880 / Math.Max(1, columns), 4, 110);
        var width = left + (columns * cell) + 10;
        var height = top + (timeline.Bands.Count * bandHeight) + 30;
        s.Append(inv, $"<svg class=\"heat\" id=\"ownership-{name}-svg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">");
        s.Append(inv, $"<title>{name} persona: page ownership over {columns} snapshots</title>");
        // The foreground strip: which persona ran after each snapshot's trap.
        for (var c = 0; c < columns; c++)
        {
            var snap = timeline.Snapshots[c];
            var colour = snap.Foreground == Component.Work ? WorkColour : PersonalColour;
            s.Append(inv, $"<rect x=\"{left + (c * cell)}\" y=\"{top - strip - 4}\" width=\"{cell}\" height=\"{strip}\" fill=\"{colour}\"><title>trap #{snap.Trap}: {Html.Text(snap.Cause)}; {snap.Foreground} in the foreground</title></rect>");
        }
        s.Append(inv, $"<text x=\"{left - 6}\" y=\"{top - 6}\" text-anchor=\"end\">foreground</text>");
        string? region = null;
        for (var b = 0; b < timeline.Bands.Count; b++)
        {
            var band = timeline.Bands[b];
            var y = top + (b * bandHeight);
            if (band.Region != region)
            {
                region = band.Region;
                s.Append(inv, $"<line class=\"region\" x1=\"{left - 4}\" x2=\"{width}\" y1=\"{y}\" y2=\"{y}\"/>");
                s.Append(inv, $"<text x=\"{left - 6}\" y=\"{y + 10}\" text-anchor=\"end\">{Html.Text(region)} 0x{band.Base:x}</text>");
            }
            // Equal neighbouring cells become one rectangle: the picture stays light however long the run.
            for (var c = 0; c < columns;)
            {
                var cellData = timeline.Snapshots[c].Of(persona)[b];
                var end = c + 1;
                while (end < columns && SameCell(timeline.Snapshots[end].Of(persona)[b], cellData)) end++;
                var tip = $"{band.Region} 0x{band.Base:x} (+{band.Frames} pages), traps #{timeline.Snapshots[c].Trap}..#{timeline.Snapshots[end - 1].Trap}: {Counts(cellData)}";
                s.Append(inv, $"<rect class=\"cell {cellData.View}\" x=\"{left + (c * cell)}\" y=\"{y}\" width=\"{(end - c) * cell}\" height=\"{bandHeight}\" fill=\"{Views[cellData.View].Colour}\"><title>{Html.Text(tip)}</title></rect>");
                c = end;
            }
        }
        var axis = top + (timeline.Bands.Count * bandHeight);
        var every = Math.Max(1, (int)Math.Ceiling(60.0 / cell));
        for (var c = 0; c < columns; c += every)
            s.Append(inv, $"<text class=\"tick\" x=\"{left + (c * cell)}\" y=\"{axis + 14}\">#{timeline.Snapshots[c].Trap}</text>");
        s.Append(inv, $"<text x=\"{left - 6}\" y=\"{axis + 14}\" text-anchor=\"end\">trap</text>");
        s.Append("</svg>");
    }

    private static bool SameCell(BandCell a, BandCell b) => a.View == b.View && a.Counts.SequenceEqual(b.Counts);

    private static string Counts(BandCell cell) =>
        string.Join(", ", cell.Counts.Select((n, i) => (n, View: (PageView)i)).Where(x => x.n > 0).Select(x => $"{x.n} {x.View.ToString().ToLowerInvariant()}"));
}
