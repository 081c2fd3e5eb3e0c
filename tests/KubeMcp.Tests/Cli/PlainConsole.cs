using Spectre.Console;

namespace KubeMcp.Tests.Cli;

/// <summary>A Spectre console without colours or interaction, 200 columns wide, that writes into a string.</summary>
internal static class PlainConsole
{
    public static (IAnsiConsole Console, StringWriter Output) Create()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        return (console, output);
    }
}
