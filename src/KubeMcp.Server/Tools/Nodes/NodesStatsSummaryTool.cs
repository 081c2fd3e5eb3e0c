using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;
using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Nodes;

/// <summary>nodes_stats_summary: the kubelet Summary API of a node, condensed to the numbers that matter.</summary>
internal sealed class NodesStatsSummaryTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "nodes_stats_summary";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Node: Stats Summary";

    protected override string Description =>
        "Resource usage of one node from its kubelet's Summary API (through the node proxy): node CPU, memory, filesystem and " +
        "pressure, then one line per pod with CPU, memory working set and ephemeral storage, heaviest first. Works without " +
        "metrics-server. Example: {\"name\": \"node-1\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.String("name", "Name of the node.", required: true),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var name = args.RequiredString("name");
        var text = await api.GetTextAsync(new ApiTarget(ApiResource.Nodes, null, name, "read stats of"),
            ApiResource.Nodes.PathFor(null, name, "proxy/stats/summary"), ct);
        JsonObject? summary;
        try
        {
            summary = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            summary = null;
        }
        if (summary?["node"] is not JsonObject node)
        {
            return ListCut.Truncate(text, Services.Budget, "");
        }
        var sb = new StringBuilder();
        sb.Append($"node {node.Str("nodeName") ?? name}: cpu {Cpu(node)}, memory {Mem(node.Long("memory.workingSetBytes"))} working set");
        if (node.Long("memory.availableBytes") is long avail)
        {
            sb.Append($" ({Mem(avail)} available)");
        }
        if (node.Long("fs.usedBytes") is long used && node.Long("fs.capacityBytes") is long cap && cap > 0)
        {
            sb.Append($", root fs {Mem(used)} of {Mem(cap)} used ({used * 100 / cap}%)");
        }
        sb.Append('\n');
        var pods = summary.Objects("pods").ToList();
        if (pods.Count == 0)
        {
            return sb.Append("no pods reported\n").ToString();
        }
        var table = new TextTable(["NAMESPACE", "POD", "CPU", "MEMORY", "EPHEMERAL"]);
        foreach (var p in pods.OrderByDescending(p => p.Long("cpu.usageNanoCores") ?? 0))
        {
            table.Add(p.Str("podRef.namespace") ?? "", p.Str("podRef.name") ?? "", Cpu(p), Mem(p.Long("memory.workingSetBytes")),
                Mem(p.Long("ephemeral-storage.usedBytes")));
        }
        var rendered = table.Render(Services.Budget - sb.Length, out var omitted);
        sb.Append(rendered);
        if (omitted > 0)
        {
            sb.Append(ListCut.Note(omitted, table.RowCount, "pods", "Use pods_top for a filtered view."));
        }
        return sb.ToString();
    }

    private static string Cpu(JsonNode n) =>
        n.Long("cpu.usageNanoCores") is long nano ? Quantities.FormatCpu(nano / 1_000_000_000m) : "-";

    private static string Mem(long? bytes) =>
        bytes is long b ? (b >= 1024L * 1024 * 1024 * 10
            ? (b / (1024L * 1024 * 1024)).ToString(CultureInfo.InvariantCulture) + "Gi"
            : Quantities.FormatMemory(b)) : "-";
}
