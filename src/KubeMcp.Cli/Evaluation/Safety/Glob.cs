using System.Text.RegularExpressions;

namespace KubeMcp.Cli.Evaluation.Safety;

/// <summary>Case-insensitive glob patterns with <c>*</c> and <c>?</c>.</summary>
internal static class Glob
{
    /// <summary>True when <paramref name="patterns"/> is empty or one of them matches <paramref name="value"/>.</summary>
    public static bool MatchesAny(IReadOnlyList<string> patterns, string value) =>
        patterns.Count == 0 || patterns.Any(p => Matches(p, value));

    public static bool Matches(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
