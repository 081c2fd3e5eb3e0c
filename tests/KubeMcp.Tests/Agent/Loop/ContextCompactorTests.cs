using KubeMcp.Agent.Events;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Tools;
using KubeMcp.Tests.Agent.Fakes;
using Microsoft.Extensions.AI;

namespace KubeMcp.Tests.Agent.Loop;

public sealed class ContextCompactorTests
{
    private static ChatMessage Result(string id, string text) => new(ChatRole.Tool, [new FunctionResultContent(id, text)]);

    private static ChatMessage Calls(string id, string tool) => new(ChatRole.Assistant, [new FunctionCallContent(id, tool)]);

    [Fact]
    public void Compact_UnderBudgetChangesNothing()
    {
        List<ChatMessage> messages = [new(ChatRole.System, "s"), new(ChatRole.User, "t")];

        var result = ContextCompactor.Compact(messages, 1, 1000, null);

        Assert.False(result.Changed);
        Assert.Equal(messages, result.Messages);
    }

    [Fact]
    public void Compact_ElidesOldestResultsFirstAndKeepsTheLatestStep()
    {
        var big = new string('x', 7000);
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "system prompt"),
            new(ChatRole.User, "the task"),
            Calls("c1", "pods_list"), Result("c1", "NAME STATUS\n" + big),
            Calls("c2", "pods_log"), Result("c2", big),
            Calls("c3", "events_list"), Result("c3", big),
        ];

        var result = ContextCompactor.Compact(messages, 1, 4500, null);

        Assert.Equal(1, result.ResultsElided);
        Assert.Equal(0, result.MessagesDropped);
        var first = (string)result.Messages[3].Contents.OfType<FunctionResultContent>().Single().Result!;
        Assert.StartsWith("[Earlier output of pods_list elided to save context (7,012 characters; began: \"NAME STATUS\")", first);
        Assert.Equal(big, result.Messages[5].Contents.OfType<FunctionResultContent>().Single().Result);
        Assert.Equal(big, result.Messages[7].Contents.OfType<FunctionResultContent>().Single().Result);
        Assert.True(result.TokensAfter <= 4500);
        // The caller's messages are untouched.
        Assert.StartsWith("NAME STATUS", (string)messages[3].Contents.OfType<FunctionResultContent>().Single().Result!);
    }

    [Fact]
    public void Compact_DropsOldExchangesButNeverTheSystemPromptOrTheTask()
    {
        var huge = new string('y', 20000);
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "system prompt"),
            new(ChatRole.User, "an earlier task " + huge),
            new(ChatRole.Assistant, "earlier answer " + huge),
            new(ChatRole.User, "the current task"),
            Calls("c1", "pods_list"), Result("c1", "short"),
        ];

        var result = ContextCompactor.Compact(messages, 3, 1000, null);

        Assert.Equal(2, result.MessagesDropped);
        Assert.Equal("system prompt", result.Messages[0].Text);
        Assert.Contains("2 earlier messages were removed", result.Messages[1].Text);
        Assert.Equal("the current task", result.Messages[2].Text);
        Assert.Equal("short", result.Messages[^1].Contents.OfType<FunctionResultContent>().Single().Result);
    }

    [Fact]
    public async Task Runner_CompactsWhenThePromptNearsTheWindow()
    {
        var model = new ScriptedChatClient();
        for (var i = 0; i < 4; i++)
        {
            model.ThenText(AgentRunnerTests.Call("pods_log", $$"""{"name": "p{{i}}"}"""));
        }

        model.ThenText("done");
        var tools = new FakeToolExecutor(KubeTools.Core).On("pods_log", args => ToolResult.Success($"log of {args["name"]}\n" + new string('z', 6000)));
        var observer = new RecordingObserver();
        var options = new AgentOptions { ContextWindowTokens = 8000, MaxOutputTokens = 500 };

        var transcript = await new AgentRunner(model, tools, options, observer: observer).RunAsync("the task", TestContext.Current.CancellationToken);

        Assert.NotEmpty(observer.Of<ContextCompacted>());
        var last = model.Requests[^1].Messages;
        Assert.Equal(ChatRole.System, last[0].Role);
        Assert.Equal("the task", last[1].Text);
        Assert.Contains(last, m => m.Contents.OfType<FunctionResultContent>().Any(r => ((string)r.Result!).StartsWith("[Earlier output of pods_log", StringComparison.Ordinal)));
        Assert.All(observer.Of<ModelCallStarted>(), e => Assert.True(e.EstimatedPromptTokens <= 6000, $"{e.EstimatedPromptTokens} tokens"));
        // The transcript keeps everything.
        Assert.All(transcript.ToolCalls, c => Assert.StartsWith("log of", c.Result));
    }
}
