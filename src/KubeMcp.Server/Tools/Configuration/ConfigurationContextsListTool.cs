using KubeMcp.Server.Formatting;

namespace KubeMcp.Server.Tools.Configuration;

/// <summary>configuration_contexts_list: the kubeconfig's contexts and the servers they point at.</summary>
internal sealed class ConfigurationContextsListTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "configuration_contexts_list";

    public override string Toolset => KubeMcpToolsets.Config;

    public override ToolHints Hints => new(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: false);

    protected override string Title => "Configuration: Contexts List";

    protected override string Description =>
        "List the kubeconfig's contexts: CURRENT (* marks the default) NAME SERVER NAMESPACE. Pass a context's name as the " +
        "context argument of any other tool to run it against that cluster.";

    protected override bool TakesContext => false;

    protected override IReadOnlyList<ToolParameter> Parameters => [];

    protected override Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var table = new TextTable(["CURRENT", "NAME", "SERVER", "NAMESPACE"]);
        var current = Services.Connections.DefaultContext;
        foreach (var c in Services.Connections.Contexts)
        {
            table.Add(c.Name == current ? "*" : "", c.Name, c.Server, c.Namespace);
        }
        return Task.FromResult(table.ToString());
    }
}
