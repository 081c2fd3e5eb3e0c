using System.Text.Json.Nodes;
using k8s;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Agent;
using KubeMcp.Cli.Evaluation.Scripted;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Agent;

/// <summary><c>kubemcp ask</c>, <c>chat</c> and <c>demo</c> as real child processes.</summary>
public sealed class CliProcessTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IDisposable
{
    private readonly AgentHarness _harness = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _harness.Dispose();

    private string[] OpenAIArgs(ScriptedModelServer model) =>
        ["--url", server.Endpoint.ToString(), "--provider", "openai", "--model-url", new Uri(model.BaseUrl, "v1").ToString(), "--model", model.ModelName, "--json", _harness.TranscriptPath];

    private async Task<AgentTranscript> TranscriptAsync() => AgentTranscript.FromJson(await File.ReadAllTextAsync(_harness.TranscriptPath, Ct));

    [Fact]
    public async Task Ask_DeleteIsRefusedWithoutYesAndRunsWithYes()
    {
        var objects = new TestObjects(server.Cluster);
        await objects.NamespaceAsync("cli-delete");
        await objects.PodAsync("cli-delete", "doomed", status: TestObjects.Running(), node: FailingWorkloads.ExternalNode);
        await using var model = await ScriptedModelServer.StartAsync();
        model
            .Calls(("pods_delete", """{"name":"doomed","namespace":"cli-delete"}"""))
            .Answer("I was not allowed to delete doomed; run again with --yes.")
            .Calls(("pods_delete", """{"name":"doomed","namespace":"cli-delete"}"""))
            .Answer("doomed is being deleted.");

        var refused = await _harness.RunCliAsync(["ask", "Delete", "the", "pod", "doomed", "in", "cli-delete", .. OpenAIArgs(model)]);

        Assert.True(refused.ExitCode == 0, refused.Stdout + refused.Stderr);
        var first = await TranscriptAsync();
        Assert.Equal("Delete the pod doomed in cli-delete", first.Task);
        Assert.Equal(ToolCallOutcome.Refused, first.ToolCalls.Single().Outcome);
        Assert.StartsWith("refused: this run is non-interactive and was not started with --yes", first.ToolCalls.Single().Approval);
        Assert.Contains("Step 1: pods_delete(name=doomed, namespace=cli-delete)", refused.Stdout);
        Assert.Contains("refused", refused.Stdout);
        Assert.Null((await objects.Client.CoreV1.ReadNamespacedPodAsync("doomed", "cli-delete", cancellationToken: Ct)).Metadata.DeletionTimestamp);

        var approved = await _harness.RunCliAsync(["ask", "Delete the pod doomed in cli-delete", "--yes", .. OpenAIArgs(model)]);

        Assert.True(approved.ExitCode == 0, approved.Stdout + approved.Stderr);
        var second = await TranscriptAsync();
        Assert.Equal(ToolCallOutcome.Succeeded, second.ToolCalls.Single().Outcome);
        Assert.Equal("approved: pre-approved (--yes)", second.ToolCalls.Single().Approval);
        var pods = await objects.Client.CoreV1.ListNamespacedPodAsync("cli-delete", cancellationToken: Ct);
        Assert.True(pods.Items.All(p => p.Metadata.DeletionTimestamp is not null), "doomed should be gone or terminating");
    }

    [Fact]
    public async Task Ask_WithoutUrlStartsTheEmbeddedClusterAndServer()
    {
        var result = await _harness.RunCliAsync("ask", "list namespaces", "--provider", "offline", "--json", _harness.TranscriptPath);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("Tools: 23 from the embedded cluster at https://127.0.0.1:", result.Stdout);
        Assert.Contains("offline-planner (rule-based, not an LLM)", result.Stdout);
        var transcript = await TranscriptAsync();
        var call = transcript.ToolCalls.Single();
        Assert.Equal("namespaces_list", call.Name);
        Assert.Contains("kube-system", call.Result);
        Assert.Contains("kube-system", transcript.FinalAnswer);
    }

    [Fact]
    public async Task Demo_TheOfflinePlannerSolvesProductionFailing()
    {
        var result = await _harness.RunCliAsync("demo", "--provider", "offline", "--json", _harness.TranscriptPath);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("Step 1: pods_list_in_namespace(namespace=production)", result.Stdout);
        Assert.Contains("Completed · ", result.Stdout);
        var transcript = await TranscriptAsync();
        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal(DemoTask, transcript.Task);
        var deletes = transcript.ToolCalls.Where(c => c.Name == "pods_delete").ToList();
        Assert.NotEmpty(deletes);
        Assert.All(deletes, d => Assert.Equal(ToolCallOutcome.Succeeded, d.Outcome));
        Assert.All(deletes, d => Assert.Equal("approved: pre-approved (--yes)", d.Approval));
        Assert.Equal("pods_list_in_namespace", transcript.ToolCalls[^1].Name); // verified after acting
        Assert.Contains("Summary: restarted", transcript.FinalAnswer);
        Assert.InRange(transcript.ToolCalls.Count, 1, 12);
    }

    [Fact]
    public async Task Chat_SessionSurvivesAProcessRestart()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Answer("Noted: the on-call team is blue.").Answer("The on-call team is blue.");

        var first = await _harness.RunCliWithInputAsync("Remember that the on-call team is blue\n", ["chat", "--session", "notes", .. OpenAIArgs(model)]);
        var second = await _harness.RunCliWithInputAsync("Which team is on call?\n", ["chat", "--session", "notes", .. OpenAIArgs(model)]);

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        Assert.Contains("Session: notes (new)", first.Stdout);
        Assert.Contains("Session: notes (resumed, 2 earlier messages)", second.Stdout);
        var messages = model.Messages(1);
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal("Noted: the on-call team is blue.", messages[2]!["content"]!.ToString());
        var transcripts = JsonNode.Parse(await File.ReadAllTextAsync(_harness.TranscriptPath, Ct))!.AsArray();
        Assert.Equal("Which team is on call?", transcripts.Single()!["task"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExitCodes_StepLimitIs3AndSetupFailuresAre2()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Calls(("namespaces_list", "{}"));

        var stepLimit = await _harness.RunCliAsync(["ask", "keep going", "--max-steps", "1", .. OpenAIArgs(model)]);
        var unreachable = await _harness.RunCliAsync("ask", "anything", "--url", "http://127.0.0.1:1/mcp", "--provider", "offline");
        var both = await _harness.RunCliAsync("ask", "anything", "--url", "http://127.0.0.1:1/mcp", "--stdio", "kubemcp serve --stdio", "--provider", "offline");

        Assert.Equal(AgentExitCodes.StepLimit, stepLimit.ExitCode);
        Assert.Contains("The step limit (1) was reached", stepLimit.Stdout);
        Assert.Equal(AgentExitCodes.SetupFailed, unreachable.ExitCode);
        Assert.Contains("kubemcp ask: Cannot reach the MCP server at http://127.0.0.1:1/mcp", unreachable.Stderr);
        Assert.Equal(AgentExitCodes.SetupFailed, both.ExitCode);
        Assert.Contains("kubemcp ask: Give --url or --stdio, not both.", both.Stderr);
    }

    private const string DemoTask = "All production pods are failing. Please investigate and restart them.";
}
