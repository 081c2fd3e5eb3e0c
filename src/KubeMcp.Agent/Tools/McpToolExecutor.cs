using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Agent.Tools;

/// <summary>
/// An <see cref="IToolExecutor"/> over any MCP server reached through an <see cref="McpClient"/>.
/// </summary>
/// <remarks>
/// MCP <c>isError</c> results and JSON-RPC errors (unknown tool, invalid params) become error results the model can
/// read. Transport failures are rethrown unchanged: the agent loop classifies and retries them, so retries live in
/// one place. The executor does not own the client.
/// </remarks>
public sealed class McpToolExecutor : IToolExecutor
{
    private readonly McpClient _client;

    private McpToolExecutor(McpClient client, IReadOnlyList<ToolDescriptor> tools)
    {
        _client = client;
        Tools = tools;
    }

    /// <inheritdoc />
    public IReadOnlyList<ToolDescriptor> Tools { get; }

    /// <summary>Lists the server's tools and returns an executor for them.</summary>
    public static async Task<McpToolExecutor> CreateAsync(McpClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new McpToolExecutor(client, [.. tools.Select(t => ToDescriptor(t.ProtocolTool))]);
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
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in arguments)
        {
            args[key] = value is null ? null : JsonSerializer.SerializeToElement(value, McpJsonUtilities.DefaultOptions);
        }

        CallToolResult result;
        try
        {
            result = await _client.CallToolAsync(name, args, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (McpProtocolException ex)
        {
            // A JSON-RPC error is the server's answer (unknown tool, invalid params), not a transport failure.
            return ToolResult.Error($"The MCP server rejected the call to '{name}': {ex.Message}");
        }

        return new ToolResult(RenderContent(result), result.IsError == true);
    }

    private static string RenderContent(CallToolResult result)
    {
        var text = new StringBuilder();
        foreach (var block in result.Content)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(block is TextContentBlock t ? t.Text : $"[{block.Type} content omitted]");
        }

        if (text.Length == 0 && result.StructuredContent is { } structured)
        {
            text.Append(structured.GetRawText());
        }

        return text.ToString();
    }
}
