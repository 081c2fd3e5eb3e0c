using Microsoft.Extensions.AI;

namespace KubeMcp.Tests.Agent.Fakes;

/// <summary>An <see cref="IChatClient"/> that replays scripted replies and records every request.</summary>
internal sealed class ScriptedChatClient : IChatClient
{
    private readonly Queue<Func<IReadOnlyList<ChatMessage>, ChatOptions?, ChatResponse>> _script = new();

    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    /// <summary>Replies with text (which may contain &lt;tool_call&gt; blocks).</summary>
    public ScriptedChatClient ThenText(string text, long? inputTokens = 100, long? outputTokens = 20) =>
        Then((_, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = "scripted",
            Usage = inputTokens is null ? null : new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens },
        });

    /// <summary>Replies with native function calls.</summary>
    public ScriptedChatClient ThenCalls(params (string Name, string ArgumentsJson)[] calls) =>
        Then((_, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant,
            [.. calls.Select((c, i) => (AIContent)new FunctionCallContent($"native_{Guid.NewGuid():N}", c.Name,
                System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(c.ArgumentsJson)))]))
        {
            ModelId = "scripted",
            Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 20 },
        });

    public ScriptedChatClient ThenThrow(Exception exception) => Then((_, _) => throw exception);

    public ScriptedChatClient Then(Func<IReadOnlyList<ChatMessage>, ChatOptions?, ChatResponse> reply)
    {
        _script.Enqueue(reply);
        return this;
    }

    public int Remaining => _script.Count;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var snapshot = messages.ToList();
        Requests.Add((snapshot, options));
        if (_script.Count == 0)
        {
            throw new InvalidOperationException("The scripted model has no more replies.");
        }

        return Task.FromResult(_script.Dequeue()(snapshot, options));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
