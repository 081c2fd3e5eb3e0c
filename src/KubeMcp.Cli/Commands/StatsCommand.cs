using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using KubeMcp.Cli.Stats;
using Spectre.Console;

namespace KubeMcp.Cli.Commands;

/// <summary><c>kubemcp stats --url …</c>: per-tool success rate and latency from a running server's <c>/metrics</c>.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var url = new Option<Uri>("--url") { Description = "The server's base URL (or its /metrics URL), e.g. http://127.0.0.1:8080.", Required = true };
        var token = new Option<string?>("--token") { Description = "Bearer token, when the server requires authentication (default: $KUBEMCP_TOKEN)." };
        var insecure = new Option<bool>("--insecure") { Description = "Accept any TLS certificate (self-signed test servers only)." };
        var command = new Command("stats", "Show each tool's calls, success rate and p50/p95 time from a server's /metrics.") { url, token, insecure };
        command.SetAction(async (result, ct) =>
        {
            var target = result.GetValue(url)!;
            var metricsUrl = target.AbsolutePath.TrimEnd('/').EndsWith("/metrics", StringComparison.Ordinal) ? target : new Uri(target, "/metrics");
            using var handler = new HttpClientHandler();
            if (result.GetValue(insecure))
            {
                handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
            }
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };
            if ((result.GetValue(token) ?? Environment.GetEnvironmentVariable("KUBEMCP_TOKEN")) is { Length: > 0 } bearer)
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }
            string text;
            try
            {
                using var response = await http.GetAsync(metricsUrl, ct);
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"kubemcp stats: {metricsUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}" +
                        (response.StatusCode == System.Net.HttpStatusCode.Unauthorized ? "; pass --token" : ""));
                    return 1;
                }
                text = await response.Content.ReadAsStringAsync(ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine($"kubemcp stats: cannot read {metricsUrl}: {e.Message}");
                return 1;
            }
            IReadOnlyList<ToolStatistics> stats;
            try
            {
                stats = ToolStatistics.From(PrometheusText.Parse(text));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"kubemcp stats: {metricsUrl} is not a Prometheus metrics page ({e.Message})");
                return 1;
            }
            Render(stats, AnsiConsole.Console);
            return 0;
        });
        return command;
    }

    internal static void Render(IReadOnlyList<ToolStatistics> stats, IAnsiConsole console)
    {
        if (stats.Count == 0)
        {
            console.WriteLine("No tool calls recorded yet.");
            return;
        }
        var table = new Table().AddColumns("Tool", "Calls", "OK", "Errors", "Denied", "Success", "p50", "p95");
        foreach (var s in stats)
        {
            table.AddRow(Markup.Escape(s.Tool), N(s.Calls), N(s.Ok), N(s.Errors), N(s.Denied),
                (s.SuccessRate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", Ms(s.P50Seconds), Ms(s.P95Seconds));
        }
        console.Write(table);
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Ms(double? seconds) => seconds is double s ? (s * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "-";
}
