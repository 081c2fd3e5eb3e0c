using System.Text;

namespace KubeMcp.Server.Formatting;

/// <summary>
/// Columns aligned with at least two spaces between them, one object per row — kubectl's look, without its
/// padding to tab stops. Rendering respects a character budget by dropping whole rows from the end.
/// </summary>
internal sealed class TextTable(IReadOnlyList<string> headers)
{
    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Headers { get; } = headers;

    public int RowCount => _rows.Count;

    public void Add(params string[] cells)
    {
        if (cells.Length != Headers.Count)
        {
            throw new ArgumentException($"a row needs {Headers.Count} cells, got {cells.Length}", nameof(cells));
        }
        _rows.Add(cells.Select(c => Clean(c)).ToArray());
    }

    /// <summary>Renders as many rows as fit in <paramref name="budget"/> characters; <paramref name="omitted"/> says how many did not.</summary>
    public string Render(int budget, out int omitted)
    {
        // Widths are measured over the rows that will be shown, so a long value cut off does not widen the rest.
        var shown = _rows.Count;
        while (true)
        {
            var text = RenderRows(shown);
            if (text.Length <= budget || shown == 0)
            {
                omitted = _rows.Count - shown;
                return text;
            }
            var perRow = text.Length / Math.Max(1, shown + 1);
            var excess = text.Length - budget;
            shown = Math.Max(0, shown - Math.Max(1, excess / Math.Max(1, perRow)));
        }
    }

    public override string ToString() => RenderRows(_rows.Count);

    private string RenderRows(int count)
    {
        var widths = Headers.Select(h => h.Length).ToArray();
        for (var r = 0; r < count; r++)
        {
            for (var c = 0; c < widths.Length; c++)
            {
                widths[c] = Math.Max(widths[c], _rows[r][c].Length);
            }
        }
        var sb = new StringBuilder();
        AppendLine(sb, Headers, widths);
        for (var r = 0; r < count; r++)
        {
            AppendLine(sb, _rows[r], widths);
        }
        return sb.ToString();
    }

    private static void AppendLine(StringBuilder sb, IReadOnlyList<string> cells, int[] widths)
    {
        var start = sb.Length;
        for (var c = 0; c < cells.Count; c++)
        {
            sb.Append(cells[c]);
            if (c < cells.Count - 1)
            {
                sb.Append(' ', widths[c] - cells[c].Length + 2);
            }
        }
        // No trailing blanks when the last cells are empty.
        var end = sb.Length;
        while (end > start && sb[end - 1] == ' ')
        {
            end--;
        }
        sb.Length = end;
        sb.Append('\n');
    }

    private static string Clean(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return "";
        }
        // One line per row: a message with newlines or tabs would break the columns.
        return cell.Contains('\n') || cell.Contains('\t') || cell.Contains('\r')
            ? string.Join(' ', cell.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim()
            : cell;
    }
}
