using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Mcp;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Agent.Tools;

/// <summary>
/// An <see cref="IToolExecutor"/> over any MCP server reached through an <see cref="McpConnection"/> (which replaces
/// an expired session by itself) or a bare <see cref="McpClient"/>.
/// </summary>
/// <remarks>
/// MCP <c>isError</c> results and JSON-RPC errors (unknown tool, invalid params) become error results the model can
/// read. Transport failures are rethrown unchanged: the agent loop classifies and retries them, so retries live in
/// one place. The executor does not own the client.
/// </remarks>
public sealed class McpToolExecutor : IToolExecutor
{
    private readonly Func<string, JsonObject, CancellationToken, Task<CallToolResult>> _call;

    private McpToolExecutor(Func<string, JsonObject, CancellationToken, Task<CallToolResult>> call, IReadOnlyList<ToolDescriptor> tools)
    {
        _call = call;
        Tools = tools;
    }

    /// <inheritdoc />
    public IReadOnlyList<ToolDescriptor> Tools { get; }

    /// <summary>Lists the server's tools and returns an executor for them.</summary>
    public static async Task<McpToolExecutor> CreateAsync(McpClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new McpToolExecutor((name, arguments, ct) => CallAsync(client, name, arguments, ct), [.. tools.Select(t => ToDescriptor(t.ProtocolTool))]);
    }

    /// <summary>
    /// Lists the server's tools over <paramref name="connection"/> and returns an executor for them. Failures reach the
    /// caller as <see cref="McpClientException"/>s that keep the transport error as their inner exception.
    /// </summary>
    public static async Task<McpToolExecutor> CreateAsync(McpConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tools = await connection.ListToolsAsync(cancellationToken).ConfigureAwait(false);
        return new McpToolExecutor(connection.CallToolAsync, [.. tools.Select(ToDescriptor)]);
    }

    /// <summary>Maps an MCP tool definition onto a descriptor.</summary>
    public static ToolDescriptor ToDescriptor(Tool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var schema = tool.InputSchema.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(tool.InputSchema.GetRawText()) as JsonObject
            : null;
        return new ToolDescriptor(tool.Name, tool.Description ?? "", schema ?? new JsonObject { ["type"] = "object" })
        {
            Title = tool.Title ?? tool.Annotations?.Title,
            ReadOnlyHint = tool.Annotations?.ReadOnlyHint,
            DestructiveHint = tool.Annotations?.DestructiveHint,
            IdempotentHint = tool.Annotations?.IdempotentHint,
        };
    }

    /// <inheritdoc />
    public async Task<ToolResult> CallAsync(string name, JsonObject arguments, CancellationToken cancellationToken)
    {
        CallToolResult result;
        try
        {
            result = await _call(name, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is McpProtocolException or McpServerErrorException)
        {
            // A JSON-RPC error is the server's answer (unknown tool, invalid params), not a transport failure.
            return ToolResult.Error($"The MCP server rejected the call to '{name}': {ex.Message}");
        }

        return new ToolResult(ToolResultText.Render(result), result.IsError == true);
    }

    private static async Task<CallToolResult> CallAsync(McpClient client, string name, JsonObject arguments, CancellationToken cancellationToken)
    {
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in arguments)
        {
            args[key] = value is null ? null : JsonSerializer.SerializeToElement(value, McpJsonUtilities.DefaultOptions);
        }

        return await client.CallToolAsync(name, args, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
