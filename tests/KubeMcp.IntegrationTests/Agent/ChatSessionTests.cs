using System.Text.Json.Nodes;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Agent;
using KubeMcp.Cli.Commands;
using KubeMcp.Cli.Evaluation.Scripted;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Agent;

/// <summary><c>chat</c>: several tasks in one conversation, saved with <c>--session</c> and resumed after a restart.</summary>
public sealed class ChatSessionTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IDisposable
{
    private readonly AgentHarness _harness = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Chat_RemembersEarlierTasksAndResumesTheSessionAfterARestart()
    {
        var cluster = await FailingWorkloads.CreateAsync(server, "chat-session");
        await using var model = await ScriptedModelServer.StartAsync();
        model
            .Calls(("pods_list_in_namespace", """{"namespace":"chat-session"}"""))
            .Answer($"Three pods: {cluster.Api}, {cluster.Web} and {cluster.Cache}.")
            .Answer($"{cluster.Api} (CrashLoopBackOff) and {cluster.Web} (ImagePullBackOff).")
            .Calls(("pods_delete", $$"""{"name":"{{cluster.Api}}","namespace":"chat-session"}"""))
            .Answer($"Deleted {cluster.Api}; its ReplicaSet replaces it.");
        var settings = _harness.OpenAI(server, model, yes: true);
        settings.SessionId = "ops-1";
        settings.TranscriptsAsArray = true;

        // First process lifetime: two tasks in one conversation.
        var first = _harness.Terminal("List the pods in chat-session\n\nWhich of them are failing?\nexit\nnever read\n");
        await using (var session = await AgentSession.StartAsync(settings, first, Ct))
        {
            Assert.Equal(AgentExitCodes.Completed, await ChatCommand.RunAsync(session, first, Ct));
            Assert.Equal(2, session.Transcripts.Count);
        }

        Assert.Equal(3, model.Requests.Count);
        var second = model.Messages(2);
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user"], second.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal("Which of them are failing?", second[^1]!["content"]!.ToString());
        var firstRun = JsonNode.Parse(await File.ReadAllTextAsync(_harness.TranscriptPath, Ct))!.AsArray();
        Assert.Equal(["List the pods in chat-session", "Which of them are failing?"], firstRun.Select(t => t!["task"]!.GetValue<string>()));
        Assert.True(File.Exists(Path.Combine(_harness.SessionDirectory, "ops-1.json")));

        // A new session object, as after a restart: the saved conversation comes back.
        var resumed = _harness.Terminal("Restart the crashing one\n");
        await using (var session = await AgentSession.StartAsync(settings, resumed, Ct))
        {
            Assert.Equal(6, session.Conversation.Messages.Count);
            Assert.Equal(AgentExitCodes.Completed, await ChatCommand.RunAsync(session, resumed, Ct));
        }

        var third = model.Messages(3);
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "user", "assistant", "user"], third.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Contains("CrashLoopBackOff", third[3]!["content"]!.ToString()); // the first task's tool result is remembered
        Assert.Contains("Session: ops-1 (resumed, 6 earlier messages)", _harness.Output);
        var secondRun = JsonNode.Parse(await File.ReadAllTextAsync(_harness.TranscriptPath, Ct))!.AsArray();
        var last = AgentTranscript.FromJson(secondRun.Single()!.ToJsonString());
        Assert.Equal(AgentOutcome.Completed, last.Outcome);
        Assert.Equal("approved: pre-approved (--yes)", last.ToolCalls.Single().Approval);
        Assert.True(await cluster.IsDeletedAsync(cluster.Api));
    }

    [Fact]
    public async Task Session_WithAnUnsafeIdIsRefusedBeforeAnythingStarts()
    {
        var settings = _harness.Offline(server);
        settings.SessionId = "../escape";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => AgentSession.StartAsync(settings, _harness.Terminal(), Ct));

        Assert.Contains("The session id '../escape' is not allowed", error.Message);
    }
}
