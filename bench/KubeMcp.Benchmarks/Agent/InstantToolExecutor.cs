using System.Text.Json.Nodes;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Benchmarks.Agent;

/// <summary>Tools that answer at once with a fixed text, behind a real catalog.</summary>
internal sealed class InstantToolExecutor(IReadOnlyList<ToolDescriptor> tools, string result) : IToolExecutor
{
    public IReadOnlyList<ToolDescriptor> Tools { get; } = tools;

    public Task<ToolResult> CallAsync(string name, JsonObject arguments, CancellationToken cancellationToken) =>
        Task.FromResult(ToolResult.Success(result));
}
