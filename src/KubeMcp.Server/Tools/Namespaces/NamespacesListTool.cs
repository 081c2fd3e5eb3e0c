using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Namespaces;

/// <summary>namespaces_list: the namespaces with status and age.</summary>
internal sealed class NamespacesListTool(ToolServices services) : KubeTool(services)
{
    private readonly ListRenderer _renderer = new(services);

    public override string Name => "namespaces_list";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Namespaces: List";

    protected override string Description =>
        "List the cluster's namespaces as a table: NAME STATUS AGE (STATUS is Active or Terminating). " +
        "Example: {} or {\"fieldSelector\": \"status.phase=Active\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        CommonParameters.FieldSelector("namespaces", "'metadata.name=production' or 'status.phase=Active'"),
    ];

    protected override Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct) =>
        _renderer.ListAsync(Cluster(args), ApiResource.Namespaces, null, new ListQuery(FieldSelector: SelectorSyntax.Field(args, "fieldSelector")), ct);
}
