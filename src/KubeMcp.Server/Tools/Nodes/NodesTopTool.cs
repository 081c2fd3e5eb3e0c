using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;
using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Nodes;

/// <summary>nodes_top: CPU and memory of nodes from the metrics API, with the share of allocatable.</summary>
internal sealed class NodesTopTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "nodes_top";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read(idempotent: true);

    protected override string Title => "Nodes: Top";

    protected override string Description =>
        "Show current CPU and memory use of nodes from the metrics API (metrics-server), also as a percentage of what the node " +
        "can allocate — like `kubectl top node`. Example: {\"label_selector\": \"node-role.kubernetes.io/worker=\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.String("name", "One node to show (optional; default: all nodes)."),
        ToolParameter.String("label_selector", "Only nodes whose labels match, e.g. 'kubernetes.io/os=linux' (optional)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var selector = SelectorSyntax.Label(args, "label_selector");
        var metrics = await MetricsReader.ReadAsync(api, ApiResource.NodeMetrics, null, args.String("name"), selector, ct);
        if (metrics.Count == 0)
        {
            return "No node metrics found.";
        }
        var nodes = await api.ListAsync(ApiResource.Nodes, null, new ListQuery(selector), asTable: false, ct);
        var allocatable = (nodes["items"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(n => n.Str("metadata.name") ?? "", n => n.At("status.allocatable"), StringComparer.Ordinal);
        var table = new TextTable(["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"]);
        foreach (var m in metrics.OrderBy(m => m.Str("metadata.name"), StringComparer.Ordinal))
        {
            var name = m.Str("metadata.name") ?? "";
            var (cpu, memory) = MetricsReader.SumContainers(m);
            allocatable.TryGetValue(name, out var alloc);
            table.Add(name, Quantities.FormatCpu(cpu), Percent(cpu, Quantities.Parse(alloc.Str("cpu"))),
                Quantities.FormatMemory(memory), Percent(memory, Quantities.Parse(alloc.Str("memory"))));
        }
        return table.Render(Services.Budget, out _);
    }

    private static string Percent(decimal used, decimal? total) =>
        total is decimal t && t > 0 ? ((long)Math.Round(used * 100 / t)).ToString(CultureInfo.InvariantCulture) + "%" : "<unknown>";
}
