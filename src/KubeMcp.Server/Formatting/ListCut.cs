using System.Text;

namespace KubeMcp.Server.Formatting;

/// <summary>
/// Joins rendered items until the output budget is used, cutting only between items, and ends with a line that
/// says how many were left out and how to ask for fewer.
/// </summary>
internal static class ListCut
{
    public static string Join(IReadOnlyList<string> items, int budget, string noun, string narrowHint, string separator = "")
    {
        var sb = new StringBuilder();
        var shown = 0;
        foreach (var item in items)
        {
            if (shown > 0 && sb.Length + separator.Length + item.Length > budget)
            {
                break;
            }
            if (shown > 0)
            {
                sb.Append(separator);
            }
            sb.Append(item);
            shown++;
        }
        if (shown < items.Count)
        {
            sb.Append(Note(items.Count - shown, items.Count, noun, narrowHint));
        }
        return sb.ToString();
    }

    /// <summary>The closing note of a cut list.</summary>
    public static string Note(int omitted, int total, string noun, string narrowHint) =>
        $"\n[{omitted} of {total} {noun} not shown: output budget reached. {narrowHint}]\n";

    /// <summary>Cuts one long text at a line boundary, keeping the start.</summary>
    public static string Truncate(string text, int budget, string narrowHint)
    {
        if (text.Length <= budget)
        {
            return text;
        }
        var cut = text.LastIndexOf('\n', Math.Max(0, budget - 1));
        if (cut <= 0)
        {
            cut = budget;
        }
        var omittedLines = text.AsSpan(cut).Count('\n');
        return text[..cut] + $"\n[{omittedLines} more lines not shown: output budget reached. {narrowHint}]\n";
    }
}
