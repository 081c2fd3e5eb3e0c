using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Resources;

/// <summary>resources_list: any kind (built-in or CRD) as a kubectl-style table.</summary>
internal sealed class ResourcesListTool(ToolServices services) : KubeTool(services)
{
    private readonly ListRenderer _renderer = new(services);

    public override string Name => "resources_list";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Resources: List";

    protected override string Description =>
        "List objects of any kind — built-in or custom (CRD) — as a table with the columns kubectl shows for that kind " +
        "(e.g. Deployments: READY UP-TO-DATE AVAILABLE AGE). All namespaces unless namespace is given; cluster-scoped kinds " +
        "ignore namespace. Secret values are never shown. Example: {\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"namespace\": \"production\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        CommonParameters.ApiVersion(),
        CommonParameters.Kind(),
        CommonParameters.Namespace("Namespace to list (optional; default: all namespaces)."),
        CommonParameters.LabelSelector("objects"),
        CommonParameters.FieldSelector("objects", "'metadata.name=web' or 'metadata.namespace!=kube-system' (fields beyond metadata depend on the kind)"),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var resource = await api.Resources.ResolveAsync(args.RequiredString("apiVersion"), args.RequiredString("kind"), ct);
        return await _renderer.ListAsync(api, resource, resource.Namespaced ? args.String("namespace") : null,
            new ListQuery(SelectorSyntax.Label(args, "labelSelector"), SelectorSyntax.Field(args, "fieldSelector")), ct);
    }
}
