using KubeMcp.Server.Kubernetes;
using KubeMcp.Server.Tools.Pods;

namespace KubeMcp.Server.Tools.Nodes;

/// <summary>nodes_log: kubelet or system logs of a node through the API server's node proxy.</summary>
internal sealed class NodesLogTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "nodes_log";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Node: Log";

    protected override string Description =>
        "Read a node's own logs through the API server's node proxy: a service such as \"kubelet\" (node log query) or a file under " +
        "/var/log such as \"/var/log/kube-proxy.log\". Returns the newest lines (default 100), capped in size. " +
        "Example: {\"name\": \"node-1\", \"query\": \"kubelet\", \"tailLines\": 50}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.String("name", "Name of the node.", required: true),
        ToolParameter.String("query", "What to read: a service name like \"kubelet\", or a log file path like \"/var/log/kubelet.log\".", required: true),
        ToolParameter.Integer("tailLines", "How many of the newest lines to return (optional; default 100; 0 = all, still capped in size).") with
        {
            Default = 100,
            Minimum = 0,
        },
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var name = args.RequiredString("name");
        var query = args.RequiredString("query");
        var tail = args.Long("tailLines") ?? 100;
        if (tail < 0)
        {
            throw new ToolArgumentException("tailLines", $"must be 0 or more, got {tail}");
        }
        if (query.Contains("..", StringComparison.Ordinal))
        {
            throw new ToolArgumentException("query", "must not contain '..'; name a service or a file under /var/log");
        }
        string path;
        if (query.StartsWith('/'))
        {
            var file = query.StartsWith("/var/log/", StringComparison.Ordinal) ? query["/var/log/".Length..] : query.TrimStart('/');
            path = ApiResource.Nodes.PathFor(null, name, "proxy/logs/" + string.Join('/', file.Split('/').Select(Uri.EscapeDataString)));
        }
        else
        {
            path = ApiResource.Nodes.PathFor(null, name, "proxy/logs/") + $"?query={Uri.EscapeDataString(query)}" + (tail > 0 ? $"&tailLines={tail}" : "");
        }
        var text = await api.GetTextAsync(new ApiTarget(ApiResource.Nodes, null, name, "read logs of"), path, ct);
        if (tail > 0)
        {
            var lines = text.TrimEnd('\n').Split('\n');
            if (lines.Length > tail)
            {
                text = string.Join('\n', lines[^(int)tail..]) + "\n";
            }
        }
        return text.Length == 0 ? $"(node {name} returned no log lines for '{query}')" : PodsLogTool.KeepNewest(text, Math.Min(Services.Options.MaxLogBytes, Services.Budget));
    }
}
