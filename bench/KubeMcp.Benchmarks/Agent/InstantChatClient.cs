using System.Text.Json.Nodes;
using KubeMcp.Agent.ToolCalling;
using Microsoft.Extensions.AI;

namespace KubeMcp.Benchmarks.Agent;

/// <summary>
/// A model that answers at once: <paramref name="callsPerRun"/> steps of one tool call each (<paramref name="next"/>
/// gives the call of step i), then a final answer.
/// </summary>
internal sealed class InstantChatClient(Func<int, (string Tool, JsonObject Arguments)> next, int callsPerRun) : IChatClient
{
    public int CallsPerRun { get; } = callsPerRun;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var calls = messages.Count(m => m.Role == ChatRole.Assistant);
        var contents = new List<AIContent>();
        if (calls < CallsPerRun)
        {
            var (tool, arguments) = next(calls);
            contents.Add(new FunctionCallContent(CallIds.New(), tool, FunctionCallArguments.ToDictionary(arguments)));
        }
        else
        {
            contents.Add(new TextContent("done"));
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ModelId = "instant",
            Usage = new UsageDetails { InputTokenCount = 0, OutputTokenCount = 0 },
        });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
