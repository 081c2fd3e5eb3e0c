using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Tools;

/// <summary>
/// The tools the agent loop may call. <see cref="McpToolExecutor"/> implements it over an MCP client; tests use
/// hand-written fakes.
/// </summary>
public interface IToolExecutor
{
    /// <summary>The tool catalog, as discovered when the executor was created.</summary>
    IReadOnlyList<ToolDescriptor> Tools { get; }

    /// <summary>
    /// Calls a tool. Tool-level failures come back as a <see cref="ToolResult"/> with <see cref="ToolResult.IsError"/>;
    /// transport failures (connection reset, HTTP 5xx, timeouts) are thrown so the caller can retry them.
    /// </summary>
    Task<ToolResult> CallAsync(string name, JsonObject arguments, CancellationToken cancellationToken);
}
