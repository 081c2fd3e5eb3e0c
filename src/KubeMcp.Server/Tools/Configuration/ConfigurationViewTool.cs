using KubeMcp.Server.Formatting;

namespace KubeMcp.Server.Tools.Configuration;

/// <summary>configuration_view: the kubeconfig in use, with every credential redacted.</summary>
internal sealed class ConfigurationViewTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "configuration_view";

    public override string Toolset => KubeMcpToolsets.Config;

    public override ToolHints Hints => new(ReadOnly: true, Destructive: false, Idempotent: false, OpenWorld: true);

    protected override string Title => "Configuration: View";

    protected override string Description =>
        "Show the kubeconfig this server uses, as YAML. Tokens, passwords and keys are always replaced by REDACTED and " +
        "certificates by DATA+OMITTED. By default only the current context with its cluster and user is shown; minified=false " +
        "shows every context. Example: {\"minified\": false}.";

    protected override bool TakesContext => false;

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.Boolean("minified", "Only the current context, its cluster and its user (optional; default true)."),
    ];

    protected override Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var connections = Services.Connections;
        var text = connections.KubeconfigText;
        if (text is null)
        {
            var c = connections.Contexts[0];
            return Task.FromResult($"in-cluster configuration: server {c.Server}, namespace {c.Namespace}, credentials: the pod's service account token (REDACTED)\n");
        }
        var config = ManifestReader.Read(text, "kubeconfig")[0];
        var redacted = KubeconfigRedactor.Redact(config, args.Bool("minified") ?? true, connections.DefaultContext);
        return Task.FromResult(YamlText.Write(redacted));
    }
}
