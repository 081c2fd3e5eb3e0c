using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>Timestamps in objects (RFC 3339, optionally with fractional seconds) and how tables show them.</summary>
internal static partial class Timestamps
{
    public const string Unknown = "<unknown>";

    private static readonly string[] Rfc3339Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Parses a timestamp field; Go's zero time and text that is not RFC 3339 read as absent.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        TryParseRfc3339(text, out var t) && t != DateTimeOffset.MinValue ? t : null;

    public static DateTimeOffset? Parse(JsonNode? node, params ReadOnlySpan<string> path) => Parse(node.Str(path));

    /// <summary>Strict RFC 3339 (<c>2024-05-01T10:00:00Z</c>, fractions and offsets allowed), as Go's layout reads it.</summary>
    public static bool TryParseRfc3339(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        // Go keeps nanoseconds; .NET reads at most seven fractional digits, and ages need none of them.
        var trimmed = FractionBeyondTicks().Replace(text, "$1");
        return DateTimeOffset.TryParseExact(trimmed, Rfc3339Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>How long ago <paramref name="text"/> was, or <c>&lt;unknown&gt;</c> when it is unset.</summary>
    public static string Since(string? text, DateTimeOffset now) =>
        Parse(text) is { } t ? HumanDuration.Format(now - t) : Unknown;

    /// <summary>The AGE cell of an object: the time since its creation.</summary>
    public static string Age(JsonObject obj, DateTimeOffset now) => Since(obj.Str("metadata", "creationTimestamp"), now);

    /// <summary>RFC 3339 in UTC with whole seconds, as Go's <c>time.RFC3339</c> layout writes it.</summary>
    public static string Rfc3339(DateTimeOffset? t) =>
        (t ?? DateTimeOffset.MinValue).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex FractionBeyondTicks();
}
