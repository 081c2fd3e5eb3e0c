using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Pods;

/// <summary>pods_list: the pods of every namespace as a compact table.</summary>
internal sealed class PodsListTool(ToolServices services) : KubeTool(services)
{
    private readonly ListRenderer _renderer = new(services);

    public override string Name => "pods_list";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Pods: List";

    protected override string Description =>
        "List pods in all namespaces as a table: NAMESPACE NAME READY STATUS RESTARTS AGE NODE. STATUS is the reason kubectl shows " +
        "(Running, Pending, CrashLoopBackOff, ImagePullBackOff, Error, Completed, Init:0/1, Terminating), RESTARTS includes when the last one was. " +
        "Use labelSelector/fieldSelector to narrow it, pods_list_in_namespace for one namespace, pods_get for one pod's full spec and status. " +
        "Long lists are cut at the output budget with a note. Example: {\"labelSelector\": \"app=web\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        CommonParameters.LabelSelector("pods"),
        CommonParameters.FieldSelector("pods", CommonParameters.PodFieldExamples),
    ];

    protected override Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct) =>
        _renderer.ListAsync(Cluster(args), ApiResource.Pods, null,
            new ListQuery(SelectorSyntax.Label(args, "labelSelector"), SelectorSyntax.Field(args, "fieldSelector")), ct);
}
