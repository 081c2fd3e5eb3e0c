namespace KubeMcp.Server.Tools.Helm;

/// <summary>helm_uninstall: removes a Helm release and what it created.</summary>
internal sealed class HelmUninstallTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "helm_uninstall";

    public override string Toolset => KubeMcpToolsets.Helm;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true);

    protected override string Title => "Helm: Uninstall";

    protected override string Description =>
        "Uninstall a Helm release: deletes every object the release created and its history. Namespace defaults to the " +
        "context's namespace. Example: {\"name\": \"web\", \"namespace\": \"apps\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.String("name", "Name of the release to uninstall.", required: true),
        CommonParameters.Namespace("Namespace of the release (optional; default: the context's namespace)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var ns = args.String("namespace") ?? api.DefaultNamespace;
        var name = args.RequiredString("name");
        await Services.Helm.RunAsync(["uninstall", name, "--namespace", ns], args.String(ContextParameter), ct);
        return $"release {name} uninstalled from namespace {ns}.";
    }
}
