using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Pods;

/// <summary>pods_list_in_namespace: the pods of one namespace as a compact table.</summary>
internal sealed class PodsListInNamespaceTool(ToolServices services) : KubeTool(services)
{
    private readonly ListRenderer _renderer = new(services);

    public override string Name => "pods_list_in_namespace";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Pods: List in Namespace";

    protected override string Description =>
        "List the pods of one namespace as a table: NAME READY STATUS RESTARTS AGE NODE, with STATUS the kubectl reason " +
        "(CrashLoopBackOff, ImagePullBackOff, OOMKilled, Pending, Completed …). Narrow with labelSelector/fieldSelector. " +
        "Example: {\"namespace\": \"production\", \"fieldSelector\": \"status.phase!=Running\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        CommonParameters.Namespace("Namespace whose pods to list.", required: true),
        CommonParameters.LabelSelector("pods"),
        CommonParameters.FieldSelector("pods", CommonParameters.PodFieldExamples),
    ];

    protected override Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct) =>
        _renderer.ListAsync(Cluster(args), ApiResource.Pods, args.RequiredString("namespace"),
            new ListQuery(SelectorSyntax.Label(args, "labelSelector"), SelectorSyntax.Field(args, "fieldSelector")), ct);
}
