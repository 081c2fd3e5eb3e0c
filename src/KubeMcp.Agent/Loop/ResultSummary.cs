namespace KubeMcp.Agent.Loop;

/// <summary>One line describing a tool result for progress output: "5 rows", the first line, or the error.</summary>
internal static class ResultSummary
{
    public static string Summarize(string text, bool isError, int maxLength = 100)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return isError ? "error (no message)" : "(empty)";
        }

        string summary;
        if (isError)
        {
            summary = "error: " + lines[0];
        }
        else if (LooksLikeTableHeader(lines[0]))
        {
            var rows = lines.Length - 1;
            summary = rows == 1 ? "1 row" : $"{rows} rows";
        }
        else
        {
            summary = lines.Length == 1 ? lines[0] : $"{lines[0]} (+{lines.Length - 1} lines)";
        }

        return summary.Length <= maxLength ? summary : summary[..(maxLength - 1)] + "…";
    }

    private static bool LooksLikeTableHeader(string line) =>
        line.Contains("  ", StringComparison.Ordinal) && line.Any(char.IsLetter) && !line.Any(char.IsLower);
}
