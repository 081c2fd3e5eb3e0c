using System.CommandLine;
using KubeMcp.Cli.Commands;

if (args is ["cluster", "up", ..])
{
    InterruptSignal.Restore();
}
var root = new RootCommand("kubemcp — operate Kubernetes safely through MCP tools: an embedded cluster, an MCP server, an MCP client and an agent.")
{
    ClusterCommand.Create(),
    KubeMcp.Server.Hosting.ServeCommand.Create(EmbeddedServe.StartAsync),
    AskCommand.Create(),
    ChatCommand.Create(),
    DemoCommand.Create(),
    StatsCommand.Create(),
    ToolsCommand.Create(),
    EvalCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
