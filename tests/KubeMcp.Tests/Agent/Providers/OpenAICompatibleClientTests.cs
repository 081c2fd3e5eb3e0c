using System.Text.Json.Nodes;
using System.Text.Json;
using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Evaluation.Scripted;
using Microsoft.Extensions.AI;

namespace KubeMcp.Tests.Agent.Providers;

/// <summary>The OpenAI-compatible back-end as the factory builds it, against the scripted server.</summary>
public sealed class OpenAICompatibleClientTests : IAsyncLifetime
{
    private ScriptedModelServer _server = null!;
    private ModelBackend _backend = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedModelServer.StartAsync();
        _backend = await new ModelBackendFactory().CreateAsync(new ModelBackendOptions
        {
            Provider = ModelProvider.OpenAI,
            ModelUrl = new Uri(_server.BaseUrl, "v1"),
            ApiKey = "secret-key",
        });
    }

    public async ValueTask DisposeAsync()
    {
        _backend.Dispose();
        await _server.DisposeAsync();
    }

    private static readonly ChatOptions WithTool = new()
    {
        Tools = [AIFunctionFactory.CreateDeclaration("pods_list", "List pods.", JsonDocument.Parse("""{"type":"object","properties":{"namespace":{"type":"string"}}}""").RootElement)],
    };

    [Fact]
    public async Task Factory_AsksTheServerForItsModelWhenNoneIsConfigured()
    {
        Assert.Equal(ModelProvider.OpenAI, _backend.Provider);
        Assert.Contains("model qwen3", _backend.Description);
        _server.ReplyOpenAI(new JsonObject { ["role"] = "assistant", ["content"] = "hi" });

        await _backend.Client.GetResponseAsync("hello", cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("qwen3", request.Json["model"]!.GetValue<string>());
        Assert.Equal("Bearer secret-key", request.Authorization);
    }

    [Fact]
    public async Task NativeToolCalls_BecomeFunctionCallsAndToolsAreDeclared()
    {
        _server.ReplyOpenAI(new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = "call_abc",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = "pods_list", ["arguments"] = "{\"namespace\":\"production\"}" },
            }),
        });

        var response = await _backend.Client.GetResponseAsync("list", WithTool, TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("call_abc", "pods_list"), (call.CallId, call.Name));
        Assert.Equal("production", call.Arguments!["namespace"]!.ToString());
        Assert.Equal(120, response.Usage!.InputTokenCount);
        var tools = _server.Requests.Single().Json["tools"]!.AsArray();
        Assert.Equal("pods_list", tools[0]!["function"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TextToolCalls_FallBackToParsing()
    {
        _server.ReplyOpenAI(new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = "Checking.\n<tool_call>\n{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"production\",}}\n</tool_call>",
        });

        var response = await _backend.Client.GetResponseAsync("list", WithTool, TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("pods_list", call.Name);
        Assert.Equal("Checking.", response.Text);
    }

    [Fact]
    public async Task MalformedTextToolCall_IsKeptAsTextWithTheParseErrors()
    {
        _server.ReplyOpenAI(new JsonObject { ["role"] = "assistant", ["content"] = "<tool_call>pods_list please</tool_call>" });

        var response = await _backend.Client.GetResponseAsync("list", WithTool, TestContext.Current.CancellationToken);

        Assert.Empty(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("<tool_call>pods_list please</tool_call>", response.Text);
        var errors = (string[])response.Messages[0].AdditionalProperties![ChatResponseProperties.ToolCallErrors]!;
        Assert.Contains("no JSON object", Assert.Single(errors));
    }

    [Fact]
    public async Task ServerError_SurfacesAsATransientFailureWithoutClientRetries()
    {
        _server.Reply("{\"error\":{\"message\":\"overloaded\"}}", 503);

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => _backend.Client.GetResponseAsync("x", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(503, ((System.ClientModel.ClientResultException)ex).Status);
        Assert.Single(_server.Requests); // the loop retries on its own clock; the SDK must not retry too
    }

    [Fact]
    public async Task ServerWithoutToolSupport_FallsBackToToolsInThePrompt()
    {
        _server.Reply("{\"object\":\"error\",\"message\":\"\\\"auto\\\" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set\",\"code\":400}", 400);
        _server.ReplyOpenAI(new JsonObject { ["role"] = "assistant", ["content"] = "<tool_call>{\"name\": \"pods_list\", \"arguments\": {}}</tool_call>" });
        _server.ReplyOpenAI(new JsonObject { ["role"] = "assistant", ["content"] = "done" });
        List<ChatMessage> history = [new(ChatRole.System, "You are KubeMcp."), new(ChatRole.User, "list")];

        var first = await _backend.Client.GetResponseAsync(history, WithTool, TestContext.Current.CancellationToken);
        history.AddRange(first.Messages);
        var call = first.Messages[0].Contents.OfType<FunctionCallContent>().Single();
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "NAME\nweb-1\n")]));
        await _backend.Client.GetResponseAsync(history, WithTool, TestContext.Current.CancellationToken);

        var requests = _server.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.NotNull(requests[0].Json["tools"]);
        foreach (var retried in requests.Skip(1))
        {
            Assert.Null(retried.Json["tools"]);
            Assert.Contains("<tools>", retried.Json["messages"]![0]!["content"]!.ToString());
        }

        var last = requests[2].Json["messages"]!.AsArray();
        Assert.Contains("<tool_call>", last[2]!["content"]!.ToString());
        Assert.Equal("user", last[3]!["role"]!.GetValue<string>());
        Assert.Contains("<tool_response>\nNAME\nweb-1\n\n</tool_response>", last[3]!["content"]!.ToString());
    }
}
