using Spectre.Console;

namespace KubeMcp.Cli.Agent;

/// <summary>Where an agent session prints and reads: the real console, or writers and readers in tests.</summary>
/// <param name="Console">Progress, answers and totals.</param>
/// <param name="Input">Chat tasks and approval answers.</param>
/// <param name="Prompts">Where approval questions are asked.</param>
/// <param name="Interactive">True when a person types the input, so destructive calls can be put to them.</param>
internal sealed record AgentTerminal(IAnsiConsole Console, TextReader Input, TextWriter Prompts, bool Interactive)
{
    /// <summary>The process's console; interactive when standard input is a terminal.</summary>
    public static AgentTerminal FromConsole() =>
        new(AnsiConsole.Console, System.Console.In, System.Console.Out, !System.Console.IsInputRedirected);
}
