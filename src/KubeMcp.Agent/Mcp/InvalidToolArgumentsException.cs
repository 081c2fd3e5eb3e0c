using System.Text.Json.Nodes;
using KubeMcp.Agent.ToolCalling;

namespace KubeMcp.Agent.Mcp;

/// <summary>
/// A tool call's arguments do not fit the tool's input schema (or could not be read at all), found before anything was
/// sent to the server.
/// </summary>
public sealed class InvalidToolArgumentsException(string toolName, IReadOnlyList<ArgumentError> errors, JsonObject? inputSchema, string message)
    : McpClientException(message)
{
    /// <summary>The tool the arguments were for.</summary>
    public string ToolName { get; } = toolName;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ArgumentError> Errors { get; } = errors;

    /// <summary>The tool's input schema, to show what it expects (null when the tool is not known yet).</summary>
    public JsonObject? InputSchema { get; } = inputSchema;

    /// <summary>An exception whose message lists every problem, one per line.</summary>
    public static InvalidToolArgumentsException Create(string toolName, IReadOnlyList<ArgumentError> errors, JsonObject? inputSchema)
    {
        var lines = errors.Select(e => $"\n  - {e.Argument}: {e.Problem}");
        return new InvalidToolArgumentsException(toolName, errors, inputSchema,
            $"The arguments for {toolName} do not match its input schema, so nothing was sent:{string.Concat(lines)}");
    }
}
