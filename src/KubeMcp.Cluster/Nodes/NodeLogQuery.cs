using System.Globalization;
using System.Text.RegularExpressions;
using KubeMcp.Cluster.Api;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// The kubelet's node log query (<c>/logs/?query=kubelet&amp;tailLines=50</c>): which services, how many of the newest
/// lines, a time window and a pattern. Values are checked as the kubelet checks them, so nothing reaches a path.
/// </summary>
internal sealed partial record NodeLogQuery(IReadOnlyList<string> Services, long? TailLines, DateTimeOffset? SinceTime, DateTimeOffset? UntilTime, Regex? Pattern)
{
    /// <summary>The kubelet caps a query at this many lines.</summary>
    public const int MaxLines = 100_000;

    public static NodeLogQuery Parse(IQueryCollection query)
    {
        var services = query["query"].Select(q => q ?? "").ToList();
        foreach (var service in services)
        {
            if (!ServiceName().IsMatch(service))
            {
                throw ApiException.BadRequest(
                    $"query: Invalid value: \"{service}\": must be a service name (letters, digits and . _ - @ :) or a file name under /var/log, without path separators");
            }
        }
        long? tail = null;
        if (query["tailLines"].ToString() is { Length: > 0 } tailText)
        {
            tail = long.TryParse(tailText, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t <= MaxLines
                ? t
                : throw ApiException.BadRequest($"tailLines: Invalid value: \"{tailText}\": must be an integer between 0 and {MaxLines}");
        }
        var pattern = query["pattern"].ToString();
        Regex? regex = null;
        if (pattern.Length > 0)
        {
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException e)
            {
                throw ApiException.BadRequest($"pattern: Invalid value: \"{pattern}\": {e.Message}");
            }
        }
        var since = Time(query, "sinceTime");
        var until = Time(query, "untilTime");
        if (since is not null && until is not null && until < since)
        {
            throw ApiException.BadRequest("untilTime: Invalid value: must be after sinceTime");
        }
        return new NodeLogQuery(services, tail, since, until, regex);
    }

    /// <summary>Whether an entry passes the time window and pattern.</summary>
    public bool Matches(JournalEntry entry) =>
        (SinceTime is null || entry.Time >= SinceTime) && (UntilTime is null || entry.Time <= UntilTime)
        && (Pattern is null || Pattern.IsMatch(entry.Text));

    private static DateTimeOffset? Time(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        return Rfc3339.TryParse(text, out var time)
            ? time
            : throw ApiException.BadRequest($"{name}: Invalid value: \"{text}\": must be an RFC 3339 time such as 2025-03-14T09:26:53Z");
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.@:-]{0,254}$")]
    private static partial Regex ServiceName();
}
