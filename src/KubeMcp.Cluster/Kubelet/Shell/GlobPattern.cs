using System.Text;
using System.Text.RegularExpressions;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>Shell glob patterns (<c>*</c>, <c>?</c>, <c>[…]</c>) for pathname expansion and <c>${VAR%pattern}</c>.</summary>
internal static class GlobPattern
{
    public static bool HasWildcards(string text) => text.IndexOfAny(['*', '?', '[']) >= 0;

    public static Regex ToRegex(string pattern, bool anchored = true)
    {
        var regex = new StringBuilder(anchored ? "^" : "");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }
                    var set = pattern[(i + 1)..close];
                    if (set.StartsWith('!'))
                    {
                        set = "^" + set[1..];
                    }
                    regex.Append('[').Append(set.Replace("\\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        if (anchored)
        {
            regex.Append('$');
        }
        return new Regex(regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary><c>${VAR#p}</c>, <c>##</c>, <c>%</c>, <c>%%</c>: removes the shortest or longest matching prefix or suffix.</summary>
    public static string Remove(string value, string pattern, string op)
    {
        var regex = ToRegex(pattern);
        var prefix = op.StartsWith('#');
        var longest = op.Length == 2;
        if (prefix)
        {
            var lengths = Enumerable.Range(0, value.Length + 1);
            foreach (var length in longest ? lengths.Reverse() : lengths)
            {
                if (regex.IsMatch(value[..length]))
                {
                    return value[length..];
                }
            }
        }
        else
        {
            var starts = Enumerable.Range(0, value.Length + 1);
            foreach (var start in longest ? starts : starts.Reverse())
            {
                if (regex.IsMatch(value[start..]))
                {
                    return value[..start];
                }
            }
        }
        return value;
    }
}
