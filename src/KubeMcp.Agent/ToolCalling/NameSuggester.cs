namespace KubeMcp.Agent.ToolCalling;

/// <summary>Finds the names closest to a misspelled one (edit distance, with a bonus for shared prefixes).</summary>
internal static class NameSuggester
{
    /// <summary>Up to <paramref name="max"/> candidates close enough to be what was meant, best first.</summary>
    public static IReadOnlyList<string> Closest(string wanted, IEnumerable<string> candidates, int max = 3)
    {
        var w = Normalize(wanted);
        return [.. candidates
            .Select(c => (Name: c, Score: Distance(w, Normalize(c))))
            .Where(x => x.Score <= Math.Max(2, w.Length / 2) || Normalize(x.Name).Contains(w, StringComparison.Ordinal)
                || (w.Length >= 3 && w.Contains(Normalize(x.Name), StringComparison.Ordinal)))
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Name)];
    }

    private static string Normalize(string s) => s.Replace("-", "_", StringComparison.Ordinal).ToLowerInvariant();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
