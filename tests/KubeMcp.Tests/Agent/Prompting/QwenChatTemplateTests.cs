using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Prompting;
using Microsoft.Extensions.AI;

namespace KubeMcp.Tests.Agent.Prompting;

public sealed class QwenChatTemplateTests
{
    private static readonly AIFunctionDeclaration PodsLog = AIFunctionFactory.CreateDeclaration("pods_log", "Get a pod's log.",
        JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":"string"},"tail":{"type":"integer"}},"required":["name"]}""").RootElement);

    private static List<ChatMessage> Conversation() =>
    [
        new(ChatRole.System, "You are KubeMcp."),
        new(ChatRole.User, "Why is app-xyz failing?"),
        new(ChatRole.Assistant, [new TextContent("Reading its log."), new FunctionCallContent("c1", "pods_log", new Dictionary<string, object?> { ["name"] = "app-xyz", ["tail"] = 50 })]),
        new(ChatRole.Tool, [new FunctionResultContent("c1", "ERROR config missing")]),
        new(ChatRole.Assistant, [new FunctionCallContent("c2", "pods_log", new Dictionary<string, object?> { ["name"] = "a" }), new FunctionCallContent("c3", "pods_log", new Dictionary<string, object?> { ["name"] = "b" })]),
        new(ChatRole.Tool, [new FunctionResultContent("c2", "log a")]),
        new(ChatRole.Tool, [new FunctionResultContent("c3", "log b")]),
        new(ChatRole.Assistant, "It lacks its config."),
        new(ChatRole.User, "Thanks."),
    ];

    [Fact]
    public void Render_ProducesQwen3ChatMl()
    {
        var text = QwenChatTemplate.Render(Conversation(), [PodsLog]);

        var expected = """
            <|im_start|>system
            You are KubeMcp.

            # Tools

            You may call one or more functions to assist with the user query.

            You are provided with function signatures within <tools></tools> XML tags:
            <tools>
            {"type": "function", "function": {"name": "pods_log", "description": "Get a pod's log.", "parameters": {"type": "object", "properties": {"name": {"type": "string"}, "tail": {"type": "integer"}}, "required": ["name"]}}}
            </tools>

            For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:
            <tool_call>
            {"name": <function-name>, "arguments": <args-json-object>}
            </tool_call><|im_end|>
            <|im_start|>user
            Why is app-xyz failing?<|im_end|>
            <|im_start|>assistant
            Reading its log.
            <tool_call>
            {"name": "pods_log", "arguments": {"name": "app-xyz", "tail": 50}}
            </tool_call><|im_end|>
            <|im_start|>user
            <tool_response>
            ERROR config missing
            </tool_response><|im_end|>
            <|im_start|>assistant
            <tool_call>
            {"name": "pods_log", "arguments": {"name": "a"}}
            </tool_call>
            <tool_call>
            {"name": "pods_log", "arguments": {"name": "b"}}
            </tool_call><|im_end|>
            <|im_start|>user
            <tool_response>
            log a
            </tool_response>
            <tool_response>
            log b
            </tool_response><|im_end|>
            <|im_start|>assistant
            It lacks its config.<|im_end|>
            <|im_start|>user
            Thanks.<|im_end|>
            <|im_start|>assistant

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Render_WithoutSystemMessageStillDeclaresTools_AndCanDisableThinking()
    {
        var text = QwenChatTemplate.Render([new ChatMessage(ChatRole.User, "hi")], [PodsLog], disableThinking: true);

        Assert.StartsWith("<|im_start|>system\n# Tools\n", text);
        Assert.EndsWith("<|im_start|>assistant\n<think>\n\n</think>\n\n", text);
    }

    [Fact]
    public void Render_WithoutToolsHasNoToolsSection()
    {
        var text = QwenChatTemplate.Render([new ChatMessage(ChatRole.System, "s"), new ChatMessage(ChatRole.User, "hi")]);

        Assert.Equal("<|im_start|>system\ns<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", text);
    }

    [Fact]
    public void RenderThenParse_RoundTripsMessagesCallsResultsAndTools()
    {
        var original = Conversation();

        var (messages, tools) = QwenChatTemplate.Parse(QwenChatTemplate.Render(original, [PodsLog]));

        Assert.Equal(original.Count, messages.Count);
        for (var i = 0; i < original.Count; i++)
        {
            Assert.Equal(original[i].Role, messages[i].Role);
            Assert.Equal(original[i].Contents.OfType<TextContent>().Select(t => t.Text).FirstOrDefault(), messages[i].Contents.OfType<TextContent>().Select(t => t.Text).FirstOrDefault());
            var expectedCalls = original[i].Contents.OfType<FunctionCallContent>().ToList();
            var actualCalls = messages[i].Contents.OfType<FunctionCallContent>().ToList();
            Assert.Equal(expectedCalls.Select(c => c.Name), actualCalls.Select(c => c.Name));
            Assert.Equal(expectedCalls.Select(c => JsonSerializer.Serialize(c.Arguments)), actualCalls.Select(c => JsonSerializer.Serialize(c.Arguments)));
            Assert.Equal(original[i].Contents.OfType<FunctionResultContent>().Select(r => r.Result?.ToString()),
                messages[i].Contents.OfType<FunctionResultContent>().Select(r => r.Result?.ToString()));
        }

        // Results are matched to the calls before them, in order.
        Assert.Equal(messages[4].Contents.OfType<FunctionCallContent>().Select(c => c.CallId),
            messages.Skip(5).Take(2).Select(m => ((FunctionResultContent)m.Contents[0]).CallId));

        var tool = Assert.Single(tools);
        Assert.Equal("pods_log", tool.Name);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PodsLog.JsonSchema.GetRawText()), JsonNode.Parse(tool.JsonSchema.GetRawText())));
    }

    [Fact]
    public void Render_KeepsNonAsciiAndEscapesQuotesInArguments()
    {
        var text = QwenChatTemplate.Render([new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c", "t", new Dictionary<string, object?> { ["q"] = "say \"héllo\"" })])]);

        Assert.Contains("""{"name": "t", "arguments": {"q": "say \"héllo\""}}""", text);
    }
}
