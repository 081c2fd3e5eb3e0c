using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeMcp.Cli.Tools;

/// <summary>Reads the connection options people type: <c>--header 'Name: value'</c>, <c>--timeout 30s</c>, <c>--url</c>.</summary>
internal static partial class ClientOptionParser
{
    /// <summary>Headers from <c>Name: value</c> (or <c>Name=value</c>) strings; a repeated name keeps the last value.</summary>
    public static Dictionary<string, string> ParseHeaders(IEnumerable<string> headers)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            var equals = header.IndexOf('=', StringComparison.Ordinal);
            var split = colon >= 0 && (equals < 0 || colon < equals) ? colon : equals;
            var name = split > 0 ? header[..split].Trim() : "";
            if (!HeaderName().IsMatch(name))
            {
                throw new ToolsUsageException($"--header '{header}' is not a header: write --header 'Name: value' (for example --header 'X-Api-Key: abc').");
            }

            var value = header[(split + 1)..].Trim();
            if (value.Any(char.IsControl))
            {
                throw new ToolsUsageException($"--header {name}: the value must not contain control characters such as line breaks.");
            }

            result[name] = value;
        }

        return result;
    }

    /// <summary>A duration: seconds as a number (<c>30</c>, <c>2.5</c>) or with a unit (<c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>).</summary>
    public static TimeSpan ParseTimeout(string text)
    {
        var match = Duration().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            throw new ToolsUsageException($"--timeout '{text}' is not a positive duration: write seconds (30) or a number with ms, s, m or h (500ms, 2m).");
        }

        var timeout = match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromSeconds(n),
        };
        return timeout <= TimeSpan.FromDays(1) ? timeout : throw new ToolsUsageException($"--timeout '{text}' is longer than a day.");
    }

    /// <summary>An absolute http(s) URL.</summary>
    public static Uri ParseUrl(string text)
    {
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        throw new ToolsUsageException($"--url '{text}' is not an http:// or https:// URL; for example --url http://localhost:8080/mcp.");
    }

    // RFC 9110 token characters.
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HeaderName();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<unit>ms|s|m|h)?$")]
    private static partial Regex Duration();
}
