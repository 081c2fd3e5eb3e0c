namespace KubeMcp.Server.Tools.Resources;

/// <summary>resources_delete: deletes one object of any kind.</summary>
internal sealed class ResourcesDeleteTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "resources_delete";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true);

    protected override string Title => "Resources: Delete";

    protected override string Description =>
        "Delete one object of any kind (dependents such as a Deployment's pods are removed in the background). Namespace defaults " +
        "to the context's namespace. Deleting a Namespace deletes everything in it. " +
        "Example: {\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"name\": \"old-settings\", \"namespace\": \"production\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        CommonParameters.ApiVersion(),
        CommonParameters.Kind(),
        ToolParameter.String("name", "Name of the object to delete.", required: true),
        CommonParameters.Namespace("Namespace of the object (optional; default: the context's namespace; ignored for cluster-scoped kinds)."),
        ToolParameter.Integer("gracePeriodSeconds", "Seconds the object gets to shut down; 0 deletes at once (optional; default: the kind's own)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var resource = await api.Resources.ResolveAsync(args.RequiredString("apiVersion"), args.RequiredString("kind"), ct);
        var ns = resource.Namespaced ? args.String("namespace") ?? api.DefaultNamespace : null;
        var grace = args.Long("gracePeriodSeconds");
        if (grace < 0)
        {
            throw new ToolArgumentException("gracePeriodSeconds", $"must be 0 or more, got {grace}");
        }
        var name = args.RequiredString("name");
        await api.DeleteAsync(resource, ns, name, grace, ct);
        // kubectl's words; the namespace is said only when the call left it to the default.
        return $"{ResourceNames.Qualified(resource)} \"{name}\" deleted" + (ns is not null && args.String("namespace") is null ? $" from namespace {ns}" : "");
    }
}
