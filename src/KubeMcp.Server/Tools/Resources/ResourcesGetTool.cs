using KubeMcp.Server.Formatting;

namespace KubeMcp.Server.Tools.Resources;

/// <summary>resources_get: one object of any kind as cleaned YAML.</summary>
internal sealed class ResourcesGetTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "resources_get";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Resources: Get";

    protected override string Description =>
        "Get one object of any kind as YAML, without managedFields and the last-applied annotation; Secret values are replaced " +
        "by their size. Namespace defaults to the context's namespace and is ignored for cluster-scoped kinds. " +
        "Example: {\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"name\": \"web\", \"namespace\": \"production\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        CommonParameters.ApiVersion(),
        CommonParameters.Kind(),
        ToolParameter.String("name", "Name of the object.", required: true),
        CommonParameters.Namespace("Namespace of the object (optional; default: the context's namespace)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var resource = await api.Resources.ResolveAsync(args.RequiredString("apiVersion"), args.RequiredString("kind"), ct);
        var ns = resource.Namespaced ? args.String("namespace") ?? api.DefaultNamespace : null;
        var obj = await api.GetObjectAsync(resource, ns, args.RequiredString("name"), ct);
        return ListCut.Truncate(YamlText.Write(ObjectCleaner.Clean(obj)), Services.Budget, "Ask for a narrower object or use resources_list.");
    }
}
