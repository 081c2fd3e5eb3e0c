using KubeMcp.Server.Tools;

namespace KubeMcp.Server.Helm;

/// <summary>
/// Decides which chart references helm_install may use: repository references (<c>repo/chart</c>) and
/// <c>https://</c> or <c>oci://</c> URLs always; local paths, <c>file://</c> and <c>http://</c> only under a prefix
/// the operator allowed, since they read the server's disk or travel unencrypted.
/// </summary>
internal static class ChartSourcePolicy
{
    public static void Check(string chart, IEnumerable<string> allowedPrefixes)
    {
        var allowed = allowedPrefixes.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (allowed.Any(p => chart.StartsWith(p, StringComparison.Ordinal)))
        {
            return;
        }
        if (chart.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || chart.StartsWith("oci://", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        if (chart.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || chart.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ToolArgumentException("chart", $"'{chart}' is not an allowed chart source: http:// and file:// charts are refused unless the server operator allows their prefix");
        }
        var looksLocal = chart.StartsWith('/') || chart.StartsWith('.') || chart.StartsWith('~') || chart.Contains('\\') ||
            chart.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || chart.Split('/').Length != 2;
        if (looksLocal)
        {
            throw new ToolArgumentException("chart",
                $"'{chart}' is a local path, which is refused unless the server operator allows its directory; use a repository reference " +
                "such as 'bitnami/nginx', an https:// chart URL or an oci:// reference");
        }
    }
}
