namespace KubeMcp.Server.Policy;

/// <summary>Shell-style patterns for policy selectors: <c>*</c> is any run of characters, <c>?</c> one character.</summary>
internal static class GlobPattern
{
    /// <summary>True when <paramref name="patterns"/> is empty or one of them matches.</summary>
    public static bool MatchesAny(IEnumerable<string> patterns, string value)
    {
        var any = false;
        foreach (var pattern in patterns)
        {
            any = true;
            if (Matches(pattern, value))
            {
                return true;
            }
        }
        return !any;
    }

    /// <summary>Case-insensitive match of the whole value; iterative, so hostile patterns cannot blow the stack.</summary>
    public static bool Matches(string pattern, string value)
    {
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
