using System.Text.Json.Nodes;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Events;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Tools;
using KubeMcp.Tests.Agent.Fakes;
using KubeMcp.Tests.Agent.Loop;

namespace KubeMcp.Tests.Agent.Events;

public sealed class JsonLinesAgentObserverTests
{
    [Fact]
    public async Task Run_EveryStepToolCallAndApprovalIsOneJsonLine()
    {
        var tools = new FakeToolExecutor(KubeTools.Core)
            .On("pods_list", "NAME\nweb\n")
            .On("pods_delete", args => ToolResult.Success($"deleted {args["name"]}"));
        var model = new ScriptedChatClient()
            .ThenText(AgentRunnerTests.Call("pods_list"))
            .ThenText(AgentRunnerTests.Call("pods_delete", """{"name": "web", "namespace": "prod"}"""))
            .ThenText("done");
        var output = new StringWriter();
        using var observer = new JsonLinesAgentObserver(output, runId: "run-1");

        await new AgentRunner(model, tools, new AgentOptions { RetryJitter = false }, NonInteractiveApprovalGate.Instance, observer)
            .RunAsync("clean up", TestContext.Current.CancellationToken);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.All(lines, l => Assert.Equal("run-1", l["run"]!.GetValue<string>()));
        var events = lines.Select(l => l["event"]!.GetValue<string>()).ToList();
        Assert.Equal(3, events.Count(e => e == nameof(StepStarted)));
        Assert.Equal(nameof(AgentFinished), events[^1]);
        var refused = lines.Single(l => l["event"]!.GetValue<string>() == nameof(ToolCallCompleted) && l["tool"]!.GetValue<string>() == "pods_delete");
        Assert.Equal("Refused", refused["outcome"]!.GetValue<string>());
        Assert.Equal("prod", refused["arguments"]!["namespace"]!.GetValue<string>());
        var answer = lines.Single(l => l["event"]!.GetValue<string>() == nameof(ApprovalAnswered));
        Assert.False(answer["approved"]!.GetValue<bool>());
        Assert.DoesNotContain(tools.Calls, c => c.Name == "pods_delete");
    }

    [Fact]
    public void OnEvent_RedactsCredentialLikeArguments()
    {
        var output = new StringWriter();
        using var observer = new JsonLinesAgentObserver(output);

        observer.OnEvent(new ToolCallStarted(1, "c1", "login", new JsonObject { ["user"] = "bob", ["token"] = "s3cret" }));

        Assert.DoesNotContain("s3cret", output.ToString());
        Assert.Contains("\"token\":\"REDACTED\"", output.ToString());
    }

    [Fact]
    public void FileObserver_AppendsAndFlushesEachLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubemcp-agent-audit-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var observer = new JsonLinesAgentObserver(path))
            {
                observer.OnEvent(new StepStarted(1, 10));
                // Flushed before OnEvent returns: another reader sees it while the observer is open.
                using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                Assert.Contains("StepStarted", reader.ReadToEnd());
            }
            using (var again = new JsonLinesAgentObserver(path))
            {
                again.OnEvent(new StepStarted(2, 10));
            }

            Assert.Equal(2, File.ReadAllLines(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
