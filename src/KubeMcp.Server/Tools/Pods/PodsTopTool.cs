using KubeMcp.Server.Formatting;
using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Pods;

/// <summary>pods_top: CPU and memory of pods from the metrics API, like <c>kubectl top pod</c>.</summary>
internal sealed class PodsTopTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "pods_top";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read(idempotent: true);

    protected override string Title => "Pods: Top";

    protected override string Description =>
        "Show current CPU (millicores, e.g. 250m) and memory (Mi) of pods from the metrics API (metrics-server), heaviest CPU first. " +
        "All namespaces by default; give namespace for one, name for one pod, label_selector to filter. " +
        "Example: {\"namespace\": \"production\", \"label_selector\": \"app=web\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.Boolean("all_namespaces", "List pods of all namespaces (optional; default true unless namespace or name is given).") with { Default = true },
        CommonParameters.Namespace("Namespace of the pods (optional)."),
        ToolParameter.String("name", "One pod to show (optional; needs namespace or uses the context's)."),
        ToolParameter.String("label_selector", "Only pods whose labels match, e.g. 'app=web' (optional)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var name = args.String("name");
        var ns = args.String("namespace");
        if (ns is null && (name is not null || args.Bool("all_namespaces") == false))
        {
            ns = api.DefaultNamespace;
        }
        var selector = SelectorSyntax.Label(args, "label_selector");
        var items = await MetricsReader.ReadAsync(api, ApiResource.PodMetrics, ns, name, selector, ct);
        if (items.Count == 0)
        {
            return ns is null ? "No pod metrics found in any namespace." : $"No pod metrics found in namespace {ns}.";
        }
        var rows = items.Select(m => (Item: m, Usage: MetricsReader.SumContainers(m)))
            .OrderByDescending(r => r.Usage.Cpu).ToList();
        TextTable table = ns is null ? new(["NAMESPACE", "NAME", "CPU(cores)", "MEMORY(bytes)"]) : new(["NAME", "CPU(cores)", "MEMORY(bytes)"]);
        foreach (var (item, usage) in rows)
        {
            var cells = new List<string> { item.Str("metadata.name") ?? "", Quantities.FormatCpu(usage.Cpu), Quantities.FormatMemory(usage.Memory) };
            if (ns is null)
            {
                cells.Insert(0, item.Str("metadata.namespace") ?? "");
            }
            table.Add([.. cells]);
        }
        var text = table.Render(Services.Budget, out var omitted);
        return omitted > 0 ? text + ListCut.Note(omitted, table.RowCount, "pods", "Narrow it with a namespace or label_selector.") : text;
    }
}
