using KubeMcp.Server.Formatting;
using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Pods;

/// <summary>pods_get: one pod as YAML, without managedFields.</summary>
internal sealed class PodsGetTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "pods_get";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Pods: Get";

    protected override string Description =>
        "Get one pod as YAML (spec and status; managedFields and the last-applied annotation are left out). Read " +
        "status.containerStatuses[].state and lastState for why a container waits or restarted. Namespace defaults to the " +
        "context's namespace. Example: {\"name\": \"web-1\", \"namespace\": \"production\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.String("name", "Name of the pod.", required: true),
        CommonParameters.Namespace("Namespace of the pod (optional; default: the context's namespace)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var pod = await api.GetObjectAsync(ApiResource.Pods, args.String("namespace") ?? api.DefaultNamespace, args.RequiredString("name"), ct);
        return ListCut.Truncate(YamlText.Write(ObjectCleaner.Clean(pod)), Services.Budget, "Use pods_log or events_list for details.");
    }
}
