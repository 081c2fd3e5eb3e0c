using System.CommandLine;
using KubeMcp.Agent.Loop;
using KubeMcp.Cli.Agent;
using Spectre.Console;

namespace KubeMcp.Cli.Commands;

/// <summary>
/// <c>kubemcp chat</c>: an interactive session. Each line is a task run in the same conversation, so later tasks can
/// refer to earlier answers; <c>--session ID</c> saves it after every task and resumes it next time.
/// </summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var options = new AgentCommandOptions();
        var command = new Command("chat", "Talk to the agent: one task per line, with memory of the conversation; 'exit' or end of input quits.");
        options.AddTo(command);
        command.SetAction((result, ct) =>
        {
            var terminal = AgentTerminal.FromConsole();
            return AgentCommand.RunAsync("chat", () => ReadSettings(options, result), terminal, session => RunAsync(session, terminal, ct), ct);
        });
        return command;
    }

    /// <summary>The chat loop over <paramref name="terminal"/>'s input; returns the exit status of the last task.</summary>
    public static async Task<int> RunAsync(AgentSession session, AgentTerminal terminal, CancellationToken cancellationToken)
    {
        var console = terminal.Console;
        if (terminal.Interactive)
        {
            console.MarkupLine("[grey]Type a task and press Enter; 'exit' quits.[/]");
        }

        AgentOutcome? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (terminal.Interactive)
            {
                console.Markup("[bold]> [/]");
            }

            string? line;
            try
            {
                line = await terminal.Input.ReadLineAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                break;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line is "exit" or "quit" or "/exit" or "/quit")
            {
                break;
            }

            if (!terminal.Interactive)
            {
                console.MarkupLine($"[bold]> {Markup.Escape(line)}[/]");
            }

            var transcript = await session.RunAsync(line, writeHeader: false, cancellationToken);
            last = transcript.Outcome;
            console.WriteLine();
        }

        return last is { } outcome ? AgentExitCodes.For(outcome) : AgentExitCodes.Completed;
    }

    private static AgentSettings ReadSettings(AgentCommandOptions options, ParseResult result)
    {
        var settings = options.Read(result);
        settings.TranscriptsAsArray = true;
        return settings;
    }
}
