using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Pods;

/// <summary>pods_delete: deletes a pod (and the service pods_run created beside it).</summary>
internal sealed class PodsDeleteTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "pods_delete";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true);

    protected override string Title => "Pods: Delete";

    protected override string Description =>
        "Delete a pod. A pod owned by a Deployment, ReplicaSet, StatefulSet or Job is recreated by its controller (a common way " +
        "to restart it); a bare pod is gone for good. A service that pods_run created for the pod is deleted with it. " +
        "Example: {\"name\": \"web-1\", \"namespace\": \"production\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.String("name", "Name of the pod to delete.", required: true),
        CommonParameters.Namespace("Namespace of the pod (optional; default: the context's namespace)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var ns = args.String("namespace") ?? api.DefaultNamespace;
        var name = args.RequiredString("name");
        await api.DeleteAsync(ApiResource.Pods, ns, name, null, ct);
        // kubectl's words; the namespace is said only when the call left it to the default.
        var result = $"pod \"{name}\" deleted" + (args.String("namespace") is null ? $" from namespace {ns}" : "");
        var services = ApiResource.Services;
        try
        {
            var svc = await api.GetObjectAsync(services, ns, name, ct);
            if (svc["metadata"]?["labels"]?[PodsRunTool.ManagedByLabel]?.GetValue<string>() == PodsRunTool.ManagedByValue)
            {
                await api.DeleteAsync(services, ns, name, null, ct);
                result += $"; service \"{name}\" (created by pods_run) deleted too";
            }
        }
        catch (KubeApiException e) when (e.StatusCode is 404 or 403)
        {
        }
        return result;
    }
}
