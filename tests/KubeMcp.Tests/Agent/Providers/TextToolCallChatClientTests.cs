using KubeMcp.Agent.Providers;
using KubeMcp.Tests.Agent.Fakes;
using Microsoft.Extensions.AI;

namespace KubeMcp.Tests.Agent.Providers;

public sealed class TextToolCallChatClientTests
{
    [Fact]
    public async Task Streaming_PassesProseThroughAndTurnsTheCallIntoFunctionCallContent()
    {
        var inner = new ChunkedChatClient("Let me ", "check <", "tool_call>{\"name\": \"pods_list\", ", "\"arguments\": {}}</tool_call>");
        using var client = new TextToolCallChatClient(inner);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(u);
        }

        var streamedText = string.Concat(updates.Select(u => u.Text));
        Assert.Equal("Let me check ", streamedText);
        Assert.DoesNotContain("<", streamedText);
        Assert.Equal("pods_list", Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>()).Name);
    }

    [Fact]
    public async Task Streaming_ALessThanSignThatIsNotATagIsShown()
    {
        using var client = new TextToolCallChatClient(new ChunkedChatClient("3 <", " 5 and a <b", "> tag"));

        var text = "";
        await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken))
        {
            text += u.Text;
        }

        Assert.Equal("3 < 5 and a <b> tag", text);
    }

    [Fact]
    public async Task NativeCallsPassThroughUntouched()
    {
        var inner = new ScriptedChatClient().ThenCalls(("pods_list", "{}"));
        using var client = new TextToolCallChatClient(inner);

        var response = await client.GetResponseAsync("x", cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("native_", Assert.Single(response.Messages[0].Contents.OfType<FunctionCallContent>()).CallId);
    }

    private sealed class ChunkedChatClient(params string[] chunks) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(chunks))));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var chunk in chunks)
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
