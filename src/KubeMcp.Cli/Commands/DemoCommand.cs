using System.CommandLine;
using KubeMcp.Cli.Agent;
using Spectre.Console;

namespace KubeMcp.Cli.Commands;

/// <summary>
/// <c>kubemcp demo</c>: the original story end to end on a fresh machine — an in-memory cluster whose production
/// pods are failing, KubeMcp's MCP server, and the agent asked to investigate and restart them (the offline planner
/// unless a model is configured). Destructive actions are pre-approved: the cluster lives only in this process.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var options = new AgentCommandOptions(connection: false);
        var command = new Command("demo", $"Run the agent on an in-memory cluster with failing pods: \"{DemoScenario.Task}\"");
        options.AddTo(command);
        command.SetAction((result, ct) =>
        {
            var terminal = AgentTerminal.FromConsole();
            terminal.Console.MarkupLine("[bold]KubeMcp demo[/]: starting an in-memory cluster whose [bold]production[/] pods are failing, and KubeMcp's MCP server.");
            return AgentCommand.RunAsync("demo", () => Settings(options.Read(result)), terminal, async session =>
            {
                var transcript = await session.RunAsync(DemoScenario.Task, writeHeader: true, ct);
                return AgentExitCodes.For(transcript.Outcome);
            }, ct);
        });
        return command;
    }

    /// <summary>The demo's fixed part: the embedded cluster with the scenario, approvals pre-given.</summary>
    public static AgentSettings Settings(AgentSettings settings)
    {
        settings.McpUrl = null;
        settings.StdioCommand = null;
        settings.AutoApprove = true;
        settings.EmbeddedCluster.Scenario = DemoScenario.Name;
        settings.PrepareEmbeddedCluster = DemoScenario.WaitForIncidentAsync;
        return settings;
    }
}
