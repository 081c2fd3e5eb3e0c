using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Http;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// The kubelet's <c>/logs/</c> endpoint behind <c>nodes/{node}/proxy/logs/…</c>: a node log query
/// (<c>?query=kubelet</c>), or files under <c>/var/log</c> — <c>kubelet.log</c>, <c>containerd.log</c> (also as
/// <c>kubelet</c> and <c>containerd</c>, which is how some clients ask) and the container logs under
/// <c>containers/</c>. Paths are names under <c>/var/log</c>; anything that tries to leave it is refused.
/// </summary>
internal sealed class NodeLogEndpoint(SimulatedKubelets kubelets)
{
    private static readonly Dictionary<string, string> ServiceFiles = new(StringComparer.Ordinal)
    {
        ["kubelet"] = KubeletJournal.Kubelet,
        ["kubelet.log"] = KubeletJournal.Kubelet,
        ["containerd"] = KubeletJournal.Containerd,
        ["containerd.log"] = KubeletJournal.Containerd,
    };

    public async Task ServeAsync(HttpContext context, JsonObject node, IReadOnlyList<string> path)
    {
        var segments = Segments(path);
        var query = context.Request.Query;
        if (segments.Count == 0 && query.ContainsKey("query"))
        {
            var options = NodeLogQuery.Parse(query);
            var lines = Journal(node).Where(e => options.Services.Contains(e.Unit, StringComparer.Ordinal) && options.Matches(e))
                .Select(e => KubeletJournal.Journal(e, node.Name())).ToList();
            await WriteLinesAsync(context, lines.Count == 0 ? ["-- No entries --"] : lines, options.TailLines);
            return;
        }
        var tail = TailLines(query);
        switch (segments)
        {
            case []:
                await WriteListingAsync(context, ["containers/", "containerd.log", "kubelet.log"]);
                return;
            case [var file] when ServiceFiles.TryGetValue(file, out var unit):
                await WriteLinesAsync(context, Journal(node).Where(e => e.Unit == unit).Select(e => e.Text).ToList(), tail);
                return;
            case ["containers"]:
                await WriteListingAsync(context, [.. ContainerFiles(node.Name()).Keys.Order(StringComparer.Ordinal)]);
                return;
            case ["containers", var file] when ContainerFiles(node.Name()).TryGetValue(file, out var instance):
                await WriteLinesAsync(context, CriLines(instance, tail), null);
                return;
            default:
                await ResponseWriter.WritePageNotFoundAsync(context);
                return;
        }
    }

    /// <summary>Decoded path segments under /var/log; a segment that could step outside it is a 400.</summary>
    public static IReadOnlyList<string> Segments(IReadOnlyList<string> raw)
    {
        var segments = new List<string>();
        foreach (var part in raw)
        {
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(part);
            }
            catch (UriFormatException)
            {
                throw ApiException.BadRequest($"invalid log path segment \"{part}\"");
            }
            if (decoded is "." or ".." || decoded.Contains('/', StringComparison.Ordinal) || decoded.Contains('\\', StringComparison.Ordinal)
                || decoded.Contains('\0', StringComparison.Ordinal))
            {
                throw ApiException.BadRequest($"invalid log path \"{string.Join('/', raw)}\": name a file or directory under /var/log without '..' or encoded separators");
            }
            if (decoded.Length > 0)
            {
                segments.Add(decoded);
            }
        }
        return segments;
    }

    private IReadOnlyList<JournalEntry> Journal(JsonObject node)
    {
        var events = kubelets.Registry.Store.List(kubelets.Registry.Catalog.Find("", "v1", "events")!.StorageKey, null).Items;
        return KubeletJournal.Build(node, kubelets.PodsOn(node.Name()), events);
    }

    /// <summary>/var/log/containers: <c>{pod}_{namespace}_{container}-{id}.log</c> for the current and previous run of each container.</summary>
    private Dictionary<string, ContainerInstance> ContainerFiles(string node)
    {
        var files = new Dictionary<string, ContainerInstance>(StringComparer.Ordinal);
        foreach (var pod in kubelets.PodsOn(node))
        {
            if (kubelets.Kubelet.Runtime(pod.Uid()) is not { } runtime)
            {
                continue;
            }
            foreach (var name in runtime.ContainerNames)
            {
                foreach (var instance in new[] { runtime.Previous(name), runtime.Current(name) })
                {
                    if (instance is not null)
                    {
                        var id = instance.ContainerId.Split("://")[^1];
                        files[$"{pod.Name()}_{pod.Namespace()}_{name}-{id}.log"] = instance;
                    }
                }
            }
        }
        return files;
    }

    /// <summary>The container log file as the CRI writes it: <c>time stream F text</c> per line.</summary>
    private List<string> CriLines(ContainerInstance instance, long? tail)
    {
        var elapsed = instance.ElapsedAt(kubelets.Clock.GetUtcNow());
        var lines = instance.Run.LinesUpTo(elapsed, (int)Math.Min(tail ?? NodeLogQuery.MaxLines, NodeLogQuery.MaxLines));
        return [.. lines.Select(l => $"{Rfc3339.FormatNano(instance.StartedAt + l.Offset)} {(l.Stream == Kubelet.LogStreamKind.Stderr ? "stderr" : "stdout")} F {l.Text}")];
    }

    private static long? TailLines(IQueryCollection query)
    {
        var text = query["tailLines"].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        return long.TryParse(text, out var n) && n >= 0 ? n : throw ApiException.BadRequest($"tailLines: Invalid value: \"{text}\": must be a non-negative integer");
    }

    private static async Task WriteLinesAsync(HttpContext context, IReadOnlyList<string> lines, long? tail)
    {
        var take = tail is { } t && t > 0 && t < lines.Count ? lines.Skip(lines.Count - (int)t) : lines;
        var text = new StringBuilder();
        foreach (var line in take)
        {
            text.Append(line).Append('\n');
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }

    /// <summary>A directory listing in the HTML Go's file server writes.</summary>
    private static async Task WriteListingAsync(HttpContext context, IReadOnlyList<string> names)
    {
        var html = new StringBuilder("<!doctype html>\n<meta name=\"viewport\" content=\"width=device-width\">\n<pre>\n");
        foreach (var name in names)
        {
            var escaped = WebUtility.HtmlEncode(name);
            html.Append($"<a href=\"{Uri.EscapeDataString(name.TrimEnd('/'))}{(name.EndsWith('/') ? "/" : "")}\">{escaped}</a>\n");
        }
        html.Append("</pre>\n");
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString(), context.RequestAborted);
    }
}
