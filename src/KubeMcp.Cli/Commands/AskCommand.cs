using System.CommandLine;
using KubeMcp.Cli.Agent;

namespace KubeMcp.Cli.Commands;

/// <summary><c>kubemcp ask "TASK"</c>: runs one task to the end; exit status 0 only when the agent finished it.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var task = new Argument<string[]>("task")
        {
            Description = "What to do, e.g. \"All production pods are failing. Please investigate and restart them.\"",
            Arity = ArgumentArity.OneOrMore,
        };
        var options = new AgentCommandOptions();
        var command = new Command("ask", "Run one task with the agent and exit (0 when it finished, 1 gave up, 2 setup failed, 3 step limit, 4 stopped).")
        {
            task,
        };
        options.AddTo(command);
        command.SetAction((result, ct) => AgentCommand.RunAsync("ask", () => options.Read(result), AgentTerminal.FromConsole(), async session =>
        {
            var transcript = await session.RunAsync(string.Join(' ', result.GetValue(task) ?? []), writeHeader: true, ct);
            return AgentExitCodes.For(transcript.Outcome);
        }, ct));
        return command;
    }
}
