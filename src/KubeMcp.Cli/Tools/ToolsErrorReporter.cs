using System.Text.Encodings.Web;
using System.Text.Json;
using KubeMcp.Agent.Mcp;

namespace KubeMcp.Cli.Tools;

/// <summary>Prints what went wrong as a person can act on it (never a stack trace) and picks the exit status.</summary>
internal static class ToolsErrorReporter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="exception"/> to <paramref name="error"/> and returns the exit status for it.</summary>
    public static int Report(Exception exception, TextWriter error, bool verbose)
    {
        switch (exception)
        {
            case InvalidToolArgumentsException invalid:
                error.WriteLine($"error: {invalid.Message}");
                if (invalid.InputSchema is { } schema)
                {
                    error.WriteLine($"The input schema of {invalid.ToolName}:");
                    error.WriteLine(schema.ToJsonString(Indented));
                }

                return ToolsExitCodes.Usage;
            case UnknownToolException or ToolsUsageException:
                error.WriteLine($"error: {exception.Message}");
                return ToolsExitCodes.Usage;
            case McpClientException:
                error.WriteLine($"error: {exception.Message}");
                if (verbose && exception.InnerException is { } inner)
                {
                    error.WriteLine($"  caused by {inner.GetType().Name}: {OneLine(inner)}");
                }

                return ToolsExitCodes.Connection;
            default:
                error.WriteLine($"error: unexpected {exception.GetType().Name}: {OneLine(exception)}");
                if (!verbose)
                {
                    error.WriteLine("Run again with --verbose to see each step.");
                }

                return ToolsExitCodes.Connection;
        }
    }

    private static string OneLine(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null && messages.Count < 4; e = e.InnerException)
        {
            messages.Add(e.Message.ReplaceLineEndings(" "));
        }

        return string.Join(" → ", messages.Distinct());
    }
}
