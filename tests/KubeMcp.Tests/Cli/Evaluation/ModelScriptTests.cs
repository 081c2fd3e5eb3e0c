using System.Text.Json.Nodes;
using KubeMcp.Cli.Evaluation.Scripted;

namespace KubeMcp.Tests.Cli.Evaluation;

public sealed class ModelScriptTests
{
    [Fact]
    public void Parse_ReadsCallsAnswersAndUsage_SkippingCommentsAndBlankLines()
    {
        var script = ModelScript.Parse("""
            # list first
            {"tool_calls": [{"name": "pods_list", "arguments": {"namespace": "web"}}, {"name": "events_list"}]}

            {"content": "done", "usage": {"prompt_tokens": 900, "completion_tokens": 12}}
            """, "script.jsonl");

        Assert.Collection(script.Turns,
            t =>
            {
                Assert.Null(t.Content);
                Assert.Equal(["pods_list", "events_list"], t.Calls.Select(c => c.Name));
                Assert.Equal("web", t.Calls[0].Arguments["namespace"]!.GetValue<string>());
                Assert.Empty(t.Calls[1].Arguments);
                Assert.Null(t.PromptTokens);
            },
            t => Assert.Equal(("done", 900, 12), (t.Content, t.PromptTokens!.Value, t.CompletionTokens!.Value)));
    }

    [Theory]
    [InlineData("not json", "script.jsonl line 1:")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{\"text\": \"hi\"}", "unknown key 'text'")]
    [InlineData("{}", "a reply needs content or tool_calls")]
    [InlineData("{\"content\": 3}", "content must be a string")]
    [InlineData("{\"tool_calls\": {\"name\": \"x\"}}", "tool_calls must be an array")]
    [InlineData("{\"tool_calls\": [{\"arguments\": {}}]}", "each tool call needs a name")]
    [InlineData("{\"tool_calls\": [{\"name\": \"x\", \"arguments\": \"a=b\"}]}", "the arguments of x must be a JSON object")]
    [InlineData("{\"content\": \"x\", \"usage\": {\"prompt_tokens\": -1}}", "usage.prompt_tokens must be a whole number")]
    [InlineData("# only a comment", "holds no replies")]
    public void Parse_RejectsMalformedLines(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => ModelScript.Parse(text, "script.jsonl"));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_NamesTheLineNumberCountingSkippedLines()
    {
        var error = Assert.Throws<FormatException>(() => ModelScript.Parse("# c\n{\"content\": \"a\"}\n\n{}", "s.jsonl"));

        Assert.StartsWith("s.jsonl line 4:", error.Message);
    }

    [Fact]
    public async Task ReplaceAsync_FillsEveryPlaceholderWithItsNameAndArgument()
    {
        var seen = new List<(string, string)>();

        var text = await ModelScript.ReplaceAsync("delete {{pod:web:app=api}} from {{taskDir}}/chart", (name, arg) =>
        {
            seen.Add((name, arg));
            return Task.FromResult(name == "pod" ? "api-7d9f" : "/suite/t");
        });

        Assert.Equal("delete api-7d9f from /suite/t/chart", text);
        Assert.Equal([("pod", "web:app=api"), ("taskDir", "")], seen);
        Assert.False(ModelScript.HasPlaceholders("plain {text}"));
    }

    [Fact]
    public async Task QueueOn_ServesOpenAICompletionsWithResolvedArgumentsAndEstimatedUsage()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        ModelScript.Parse("""
            {"tool_calls": [{"name": "pods_delete", "arguments": {"name": "{{pod:web:app=api}}", "namespace": "web"}}]}
            {"content": "restarted {{pod:web:app=api}}", "usage": {"prompt_tokens": 5, "completion_tokens": 2}}
            """, "s").QueueOn(server, (text, _) => Task.FromResult(text.Replace("{{pod:web:app=api}}", "api-1", StringComparison.Ordinal)));
        using var http = new HttpClient();

        var first = await Complete(http, server, "{\"messages\": [{\"role\": \"user\", \"content\": \"restart api\"}]}");
        var second = await Complete(http, server, "{}");

        var call = first["choices"]![0]!["message"]!["tool_calls"]![0]!["function"]!;
        Assert.Equal("pods_delete", call["name"]!.GetValue<string>());
        Assert.Equal("""{"name":"api-1","namespace":"web"}""", call["arguments"]!.GetValue<string>());
        Assert.Equal("tool_calls", first["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.True(first["usage"]!["prompt_tokens"]!.GetValue<int>() > 0);
        Assert.Equal("restarted api-1", second["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal((5, 2), (second["usage"]!["prompt_tokens"]!.GetValue<int>(), second["usage"]!["completion_tokens"]!.GetValue<int>()));
        Assert.Equal(0, server.Pending);
    }

    private static async Task<JsonNode> Complete(HttpClient http, ScriptedModelServer server, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(server.BaseUrl, "v1/chat/completions"), content, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}
