using System.Globalization;
using System.Text;
using KubeMcp.Benchmarks.Load;

namespace KubeMcp.Benchmarks.Server;

/// <summary>The server benchmark's Markdown tables; every ratio is ours over the last server (the Go one).</summary>
internal static class ServerReport
{
    public static string Throughput(IReadOnlyList<(int Sessions, string Server, SessionLoad.Result Result, TimeSpan Cpu)> runs, TimeSpan duration)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| sessions | server | pods_list calls/s | p50 | p99 | errors | server CPU per call | calls/s ours ÷ Go | CPU per call ours ÷ Go |");
        sb.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in runs.GroupBy(r => r.Sessions))
        {
            var rates = group.Select(r => r.Result.Calls / duration.TotalSeconds).ToList();
            var cpu = group.Select(r => r.Cpu.TotalMilliseconds / Math.Max(1, r.Result.Calls)).ToList();
            var i = 0;
            foreach (var (sessions, server, result, _) in group)
            {
                var sorted = result.Latencies.Values.SelectMany(b => b).Order().ToArray();
                var ratio = i == 0 && rates.Count > 1 && rates[^1] > 0 ? (rates[0] / rates[^1]).ToString("0.00×", CultureInfo.InvariantCulture) : "";
                var cpuRatio = i == 0 && cpu.Count > 1 && cpu[^1] > 0 ? (cpu[0] / cpu[^1]).ToString("0.00×", CultureInfo.InvariantCulture) : "";
                sb.AppendLine(Inv($"| {sessions} | {server} | {rates[i]:0} | {Ms(P(sorted, 0.50))} | {Ms(P(sorted, 0.99))} | {result.Unexpected.Count} | {Ms(cpu[i])} | {ratio} | {cpuRatio} |"));
                i++;
            }
        }
        return sb.ToString();
    }

    public static string ColdStart(IReadOnlyDictionary<string, List<double>> starts)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| server | stdio cold start to tools/list answered, median | min–max | ÷ Go |");
        sb.AppendLine("| --- | ---: | ---: | ---: |");
        var go = starts.Values.Last();
        foreach (var (server, times) in starts)
        {
            var sorted = times.Order().ToArray();
            var ratio = ReferenceEquals(times, go) ? "" : (P(sorted, 0.5) / P([.. go.Order()], 0.5)).ToString("0.00×", CultureInfo.InvariantCulture);
            sb.AppendLine(Inv($"| {server} | {Ms(P(sorted, 0.5))} | {Ms(sorted[0])}–{Ms(sorted[^1])} | {ratio} |"));
        }
        return sb.ToString();
    }

    public static string Sizes(IReadOnlyList<OutputSizes.Row> rows, IReadOnlyList<string> servers)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Characters of the text content, and estimated tokens (characters ÷ 4). `err` marks an isError result.");
        sb.AppendLine();
        sb.AppendLine("| call | " + string.Join(" | ", servers.Select(s => $"{s} chars (tokens)")) + " | ours ÷ Go |");
        sb.AppendLine("| --- | " + string.Join(" | ", servers.Select(_ => "---:")) + " | ---: |");
        foreach (var row in rows)
        {
            var cells = row.PerServer.Select(p => p.Chars is int c ? Inv($"{c:N0} ({(c + 3) / 4:N0}){(p.IsError ? " err" : "")}") : "—");
            var ours = row.PerServer[0].Chars;
            var go = row.PerServer[^1].Chars;
            var ratio = row.PerServer.Count > 1 && ours is int o && go is int g && g > 0 ? (o / (double)g).ToString("0.00", CultureInfo.InvariantCulture) : "";
            sb.AppendLine($"| `{row.Label}` | {string.Join(" | ", cells)} | {ratio} |");
        }
        return sb.ToString();
    }

    private static double P(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Ms(double ms) => ms >= 100 ? Inv($"{ms:0} ms") : ms >= 10 ? Inv($"{ms:0.0} ms") : Inv($"{ms:0.00} ms");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
