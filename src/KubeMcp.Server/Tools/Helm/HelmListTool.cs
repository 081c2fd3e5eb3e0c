using KubeMcp.Server.Formatting;

namespace KubeMcp.Server.Tools.Helm;

/// <summary>helm_list: Helm releases as a table.</summary>
internal sealed class HelmListTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "helm_list";

    public override string Toolset => KubeMcpToolsets.Helm;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Helm: List";

    protected override string Description =>
        "List Helm releases as a table: NAMESPACE NAME REVISION STATUS CHART APP VERSION UPDATED. All namespaces unless " +
        "namespace is given (all_namespaces=true overrides it). Example: {\"namespace\": \"apps\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        CommonParameters.Namespace("Namespace to list releases of (optional; default: all namespaces)."),
        ToolParameter.Boolean("all_namespaces", "List releases of every namespace even when namespace is given (optional)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var ns = args.String("namespace");
        var all = args.Bool("all_namespaces") == true || ns is null;
        var helmArgs = new List<string> { "list", "--output", "json", "--all" };
        helmArgs.AddRange(all ? ["--all-namespaces"] : ["--namespace", ns!]);
        var output = await Services.Helm.RunAsync(helmArgs, args.String(ContextParameter), ct);
        var table = HelmOutput.Releases(output);
        if (table.RowCount == 0)
        {
            return all ? "No Helm releases found" : $"No Helm releases in namespace {ns}";
        }
        var text = table.Render(Services.Budget, out var omitted);
        return omitted > 0 ? text + ListCut.Note(omitted, table.RowCount, "releases", "Give a namespace.") : text;
    }
}
