using System.Net;
using System.Text.Json;
using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Evaluation.Scripted;
using Microsoft.Extensions.AI;

namespace KubeMcp.Tests.Agent.Providers;

public sealed class TritonChatClientTests : IAsyncLifetime
{
    private ScriptedModelServer _server = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedModelServer.StartAsync();
        _http = new HttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private TritonChatClient Client() => new(_http, new TritonChatClientOptions { Endpoint = _server.BaseUrl, Model = "qwen3", MaxTokens = 256, Temperature = 0.1f });

    private static readonly ChatOptions WithTool = new()
    {
        Tools = [AIFunctionFactory.CreateDeclaration("pods_list", "List pods.", JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement)],
    };

    [Fact]
    public async Task GetResponse_PostsTheRenderedPromptAndReturnsTheText()
    {
        _server.ReplyTriton("<tool_call>\n{\"name\": \"pods_list\", \"arguments\": {}}\n</tool_call>");

        var response = await Client().GetResponseAsync([new ChatMessage(ChatRole.System, "sys"), new ChatMessage(ChatRole.User, "list pods")], WithTool, TestContext.Current.CancellationToken);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v2/models/qwen3/generate", request.Path);
        var body = request.Json;
        Assert.StartsWith("<|im_start|>system\nsys\n\n# Tools", body["text_input"]!.GetValue<string>());
        Assert.EndsWith("<|im_start|>user\nlist pods<|im_end|>\n<|im_start|>assistant\n", body["text_input"]!.GetValue<string>());
        Assert.Equal(256, body["parameters"]!["max_tokens"]!.GetValue<int>());
        Assert.Equal(0.1f, body["parameters"]!["temperature"]!.GetValue<float>());
        Assert.Equal("<|im_end|>", body["parameters"]!["stop"]![0]!.GetValue<string>());
        Assert.Contains("<tool_call>", response.Text);
        Assert.Equal("qwen3", response.ModelId);
    }

    [Fact]
    public async Task GetResponse_EstimatesTokenCountsAndMarksThemEstimated()
    {
        _server.ReplyTriton("All pods are healthy.");

        var response = await Client().GetResponseAsync([new ChatMessage(ChatRole.User, "how are my pods?")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(response.Usage!.InputTokenCount > 5);
        Assert.Equal(TokenEstimator.Estimate("All pods are healthy."), response.Usage.OutputTokenCount);
        Assert.Equal(true, response.AdditionalProperties![ChatResponseProperties.UsageEstimated]);
    }

    [Fact]
    public async Task GetResponse_StripsAnEchoedPromptAndTheEndOfTurnToken()
    {
        var prompt = "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n";
        _server.ReplyTriton(prompt + "Hello!<|im_end|>\n<|im_start|>user\nignored");

        var response = await Client().GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Hello!", response.Text);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(500, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    public async Task GetResponse_ErrorStatusThrowsWithTheServerMessageAndTransience(int status, bool transient)
    {
        _server.Reply("{\"error\":\"model 'qwen3' is not ready\"}", status);

        var ex = await Assert.ThrowsAsync<ModelBackendException>(() => Client().GetResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(transient, ex.IsTransient);
        Assert.Contains("model 'qwen3' is not ready", ex.Message);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"error\": \"out of memory\"}")]
    public async Task GetResponse_MalformedOrErrorBodyInA200Throws(string body)
    {
        _server.Reply(body);

        await Assert.ThrowsAsync<ModelBackendException>(() => Client().GetResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetResponse_MissingTextOutputIsAnEmptyAnswer()
    {
        _server.Reply("{\"model_name\": \"qwen3\"}");

        var response = await Client().GetResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("", response.Text);
    }

    [Fact]
    public async Task GetStreamingResponse_YieldsDeltasFromGenerateStream()
    {
        _server.ReplySse("{\"model_name\":\"qwen3\",\"text_output\":\"All \"}", "{\"model_name\":\"qwen3\",\"text_output\":\"pods \"}", "{\"model_name\":\"qwen3\",\"text_output\":\"healthy.\"}");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Client().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal("/v2/models/qwen3/generate_stream", Assert.Single(_server.Requests).Path);
        Assert.Equal("All pods healthy.", string.Concat(updates.Select(u => u.Text)));
        Assert.Contains(updates, u => u.Contents.OfType<UsageContent>().Any());
    }

    [Fact]
    public async Task GetStreamingResponse_AcceptsCumulativeChunks()
    {
        _server.ReplySse("{\"text_output\":\"All\"}", "{\"text_output\":\"All pods\"}", "{\"text_output\":\"All pods healthy.\"}");

        var text = "";
        await foreach (var update in Client().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken))
        {
            text += update.Text;
        }

        Assert.Equal("All pods healthy.", text);
    }

    [Fact]
    public async Task GetStreamingResponse_ErrorInsideA200StreamThrows()
    {
        _server.ReplySse("{\"text_output\":\"All \"}", "{\"error\":\"generation failed: CUDA out of memory\"}");

        var ex = await Assert.ThrowsAsync<ModelBackendException>(async () =>
        {
            await foreach (var _ in Client().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Contains("CUDA out of memory", ex.Message);
        Assert.Null(ex.StatusCode);
    }

    [Fact]
    public async Task WrappedInTextToolCallClient_ReturnsFunctionCalls()
    {
        _server.ReplyTriton("<think>list first</think>\n<tool_call>\n{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"production\"}}\n</tool_call>");
        using var client = new TextToolCallChatClient(Client());

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], WithTool, TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("pods_list", call.Name);
        Assert.Equal("production", call.Arguments!["namespace"]!.ToString());
        Assert.Contains(response.Messages[0].Contents, c => c is TextReasoningContent r && r.Text == "list first");
    }
}
