using System.Text.Json.Nodes;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Tests.Agent.Fakes;

/// <summary>An <see cref="IToolExecutor"/> with handlers per tool; records every call it receives.</summary>
internal sealed class FakeToolExecutor : IToolExecutor
{
    private readonly Dictionary<string, Func<JsonObject, CancellationToken, Task<ToolResult>>> _handlers = new(StringComparer.Ordinal);

    public FakeToolExecutor(params ToolDescriptor[] tools)
    {
        Tools = tools;
    }

    public IReadOnlyList<ToolDescriptor> Tools { get; }

    public List<(string Name, JsonObject Arguments)> Calls { get; } = [];

    public FakeToolExecutor On(string tool, Func<JsonObject, ToolResult> handler) =>
        On(tool, (args, _) => Task.FromResult(handler(args)));

    public FakeToolExecutor On(string tool, string text) => On(tool, _ => ToolResult.Success(text));

    public FakeToolExecutor On(string tool, Func<JsonObject, CancellationToken, Task<ToolResult>> handler)
    {
        _handlers[tool] = handler;
        return this;
    }

    public Task<ToolResult> CallAsync(string name, JsonObject arguments, CancellationToken cancellationToken)
    {
        Calls.Add((name, arguments));
        return _handlers.TryGetValue(name, out var handler)
            ? handler(arguments, cancellationToken)
            : Task.FromResult(ToolResult.Error($"no fake handler for {name}"));
    }
}
