using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Sessions;
using KubeMcp.Tests.Agent.Fakes;
using Microsoft.Extensions.AI;

namespace KubeMcp.Tests.Agent.Sessions;

public sealed class ConversationStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kubemcp-sessions-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task SaveThenLoad_RestoresMessagesCallsResultsAndNotes()
    {
        var store = new ConversationStore(_directory);
        var conversation = new AgentConversation("incident-42");
        conversation.Messages.Add(new ChatMessage(ChatRole.User, "why is web failing?"));
        conversation.Messages.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "pods_log", new Dictionary<string, object?> { ["name"] = "web-1", ["tail"] = 50 })]));
        conversation.Messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "ERROR no config")]));
        conversation.Messages.Add(new ChatMessage(ChatRole.User, "note") { AdditionalProperties = new() { [AgentRunner.NoteProperty] = true } });

        await store.SaveAsync(conversation, TestContext.Current.CancellationToken);
        var loaded = await new ConversationStore(_directory).LoadOrCreateAsync("incident-42", TestContext.Current.CancellationToken);

        Assert.Equal("incident-42", loaded.Id);
        Assert.Equal(4, loaded.Messages.Count);
        var call = loaded.Messages[1].Contents.OfType<FunctionCallContent>().Single();
        Assert.Equal(("c1", "pods_log", "web-1", "50"), (call.CallId, call.Name, call.Arguments!["name"]!.ToString(), call.Arguments["tail"]!.ToString()));
        Assert.Equal("ERROR no config", loaded.Messages[2].Contents.OfType<FunctionResultContent>().Single().Result!.ToString());
        Assert.True(loaded.Messages[3].AdditionalProperties!.ContainsKey(AgentRunner.NoteProperty));
        Assert.Equal(["incident-42"], store.List());
    }

    [Fact]
    public async Task Load_UnknownIdIsANewEmptyConversation()
    {
        var conversation = await new ConversationStore(_directory).LoadOrCreateAsync("fresh", TestContext.Current.CancellationToken);

        Assert.Empty(conversation.Messages);
        Assert.False(Directory.Exists(_directory));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("spaces are bad")]
    public async Task UnsafeIds_AreRejected(string id)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => new ConversationStore(_directory).LoadOrCreateAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CorruptFile_IsReportedWithTheWayOut()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "broken.json"), "{ not json", TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => new ConversationStore(_directory).LoadOrCreateAsync("broken", TestContext.Current.CancellationToken));

        Assert.Contains("Delete the file or pick another session id", ex.Message);
    }

    [Fact]
    public async Task ResumedSession_GivesTheModelTheEarlierConversation()
    {
        var firstModel = new ScriptedChatClient().ThenText(AgentRunnerTestsCall("pods_list")).ThenText("web-1 is crash-looping.");
        var first = await new ConversationStore(_directory).LoadOrCreateAsync("s1", TestContext.Current.CancellationToken);
        await new AgentRunner(firstModel, new FakeToolExecutor(KubeTools.Core).On("pods_list", "NAME  STATUS\nweb-1  CrashLoopBackOff\n"))
            .RunAsync(first, "what is failing?", TestContext.Current.CancellationToken);
        await new ConversationStore(_directory).SaveAsync(first, TestContext.Current.CancellationToken);

        // A new process: new store, new runner, same session id.
        var secondModel = new ScriptedChatClient().ThenText("It was web-1.");
        var resumed = await new ConversationStore(_directory).LoadOrCreateAsync("s1", TestContext.Current.CancellationToken);
        await new AgentRunner(secondModel, new FakeToolExecutor(KubeTools.Core)).RunAsync(resumed, "which pod was it again?", TestContext.Current.CancellationToken);

        var seen = secondModel.Requests[0].Messages;
        Assert.Equal(ChatRole.System, seen[0].Role);
        Assert.Equal("what is failing?", seen[1].Text);
        Assert.Contains(seen, m => m.Contents.OfType<FunctionResultContent>().Any(r => r.Result!.ToString()!.Contains("CrashLoopBackOff")));
        Assert.Equal("web-1 is crash-looping.", seen[^2].Text);
        Assert.Equal("which pod was it again?", seen[^1].Text);
    }

    private static string AgentRunnerTestsCall(string name) => Loop.AgentRunnerTests.Call(name);
}
