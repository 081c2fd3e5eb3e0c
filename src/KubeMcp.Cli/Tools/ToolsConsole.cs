using System.Globalization;
using Spectre.Console;

namespace KubeMcp.Cli.Tools;

/// <summary>Spectre consoles over the writers System.CommandLine hands the command (the real console, or a test's).</summary>
internal static class ToolsConsole
{
    /// <summary>
    /// A console over <paramref name="writer"/>. Colours and box borders only on a terminal; piped output gets plain,
    /// wide text (<c>$COLUMNS</c> or 200 columns) so lines are not wrapped for grep.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer)
    {
        var terminal = IsTerminal(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0
                ? columns
                : 200;
        }

        return console;
    }

    private static bool IsTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
        || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
}
