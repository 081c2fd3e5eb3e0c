using System.Text.RegularExpressions;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>
/// Reads a kubectl-style text table (a header line, columns separated by two or more spaces). Cells are found by
/// header name, so column order and extra columns do not matter; the last column keeps any spaces it contains.
/// </summary>
internal sealed partial class TextTable
{
    private TextTable(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Parses <paramref name="text"/>; returns null when its first line does not look like a header.</summary>
    public static TextTable? TryParse(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var headers = Columns().Split(lines[0].Trim());
        // Headers are upper case; a unit in parentheses may not be (kubectl top's "MEMORY(bytes)").
        if (headers.Length < 2 || headers.Any(h => Unit().Replace(h, "").Any(char.IsLower)))
        {
            return null;
        }

        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith('[') || line.StartsWith("No resources", StringComparison.Ordinal))
            {
                continue; // a truncation note or kubectl's empty-list message
            }

            var cells = Columns().Split(line.Trim(), headers.Length);
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Length; i++)
            {
                row[headers[i]] = i < cells.Length ? cells[i].Trim() : "";
            }

            rows.Add(row);
        }

        return new TextTable(headers, rows);
    }

    [GeneratedRegex(@"\([a-z]+\)$")]
    private static partial Regex Unit();

    [GeneratedRegex(@"\s{2,}|\t")]
    private static partial Regex Columns();
}
