using System.Globalization;
using System.Net;
using System.Text;

namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>Small inline SVG charts (no scripts, no external files), so the HTML report is one self-contained file.</summary>
internal static class SvgCharts
{
    private const int LabelWidth = 230;
    private const int BarArea = 430;
    private const int Row = 22;

    /// <summary>
    /// Horizontal bars, one row per item, stacked segments; a comparison value (the baseline) is drawn as a black
    /// tick. <paramref name="format"/> prints a row's total at the end of the bar.
    /// </summary>
    public static string HorizontalBars(string title, IReadOnlyList<SvgBar> bars, double max, Func<double, string> format)
    {
        var legend = bars.SelectMany(b => b.Segments.Select(s => (s.Name, s.Color))).Distinct().ToList();
        var hasCompare = bars.Any(b => b.Compare is not null);
        var height = 40 + bars.Count * Row + 28;
        var width = LabelWidth + BarArea + 110;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"16\" class=\"title\">{E(title)}</text>");
        var scale = max <= 0 ? 0 : BarArea / max;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 30 + i * Row;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\" class=\"label\">{E(Shorten(bar.Label))}<title>{E(bar.Label)}</title></text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{BarArea}\" height=\"{Row - 6}\" class=\"track\"/>");
            double x = LabelWidth;
            foreach (var (value, color, name) in bar.Segments)
            {
                var w = Math.Max(0, value * scale);
                if (w > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{Row - 6}\" fill=\"{color}\"><title>{E($"{bar.Label}: {name} {format(value)}")}</title></rect>");
                }
                x += w;
            }
            if (bar.Compare is { } compare)
            {
                var cx = LabelWidth + compare * scale;
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{cx:0.#}\" x2=\"{cx:0.#}\" y1=\"{y}\" y2=\"{y + Row}\" class=\"compare\"><title>{E($"baseline: {format(compare)}")}</title></line>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + BarArea + 6}\" y=\"{y + 14}\" class=\"value\">{E(bar.Note ?? format(bar.Total))}</text>");
        }
        var ly = 30 + bars.Count * Row + 18;
        var lx = LabelWidth;
        foreach (var (name, color) in legend)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx}\" y=\"{ly - 10}\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{lx + 16}\" y=\"{ly}\" class=\"label\">{E(name)}</text>");
            lx += 24 + name.Length * 7;
        }
        if (hasCompare)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{lx + 6}\" x2=\"{lx + 6}\" y1=\"{ly - 12}\" y2=\"{ly + 2}\" class=\"compare\"/><text x=\"{lx + 14}\" y=\"{ly}\" class=\"label\">baseline</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string label) => label.Length <= 32 ? label : label[..31] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
