using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Providers.Offline;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Evaluation.Scripted;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Agent;

/// <summary>
/// The original design's workflow — "All production pods are failing. Please investigate and restart them." — through
/// the whole stack: scripted model (both protocols) or the offline planner → agent → our MCP server → embedded cluster.
/// </summary>
public sealed class OriginalWorkflowTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IDisposable
{
    private readonly AgentHarness _harness = new();

    private static string Task(string ns) => $"All {ns} pods are failing. Please investigate and restart them.";

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task OpenAI_ListLogsEventsRestartVerifyReport()
    {
        var cluster = await FailingWorkloads.CreateAsync(server, "wf-openai");
        var ns = cluster.Namespace;
        await using var model = await ScriptedModelServer.StartAsync();
        model
            .Calls(("pods_list_in_namespace", $$"""{"namespace":"{{ns}}"}"""))
            .Calls(("pods_log", $$"""{"name":"{{cluster.Api}}","namespace":"{{ns}}","previous":true,"tail":50}"""), ("events_list", $$"""{"namespace":"{{ns}}"}"""))
            .Calls(("pods_delete", $$"""{"name":"{{cluster.Api}}","namespace":"{{ns}}"}"""))
            .Calls(("pods_list_in_namespace", $$"""{"namespace":"{{ns}}"}"""))
            .Answer($"{cluster.Api} was crash-looping; I restarted it and its replacement is up. {cluster.Web} cannot pull nginx:1.99-doesnotexist: fix the image tag.");

        var transcript = await _harness.AskAsync(_harness.OpenAI(server, model, yes: true), Task(ns));

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal(["pods_list_in_namespace", "pods_log", "events_list", "pods_delete", "pods_list_in_namespace"], transcript.ToolCalls.Select(c => c.Name));
        Assert.Equal(5, transcript.Steps);

        // The real server's answers reached the model.
        var afterList = model.Messages(1);
        Assert.Contains("CrashLoopBackOff", afterList[^1]!["content"]!.ToString());
        Assert.Contains("ImagePullBackOff", afterList[^1]!["content"]!.ToString());
        Assert.Contains("Failed to pull image", transcript.ToolCalls[2].Result);
        Assert.Contains($"pod \"{cluster.Api}\" deleted", transcript.ToolCalls[3].Result);
        Assert.Equal(23, model.Requests.First().Json["tools"]!.AsArray().Count);
        // One way to present the tools: declared natively (destructive ones marked), not listed again in the system prompt.
        var delete = model.Requests.First().Json["tools"]!.AsArray().Single(t => t!["function"]!["name"]!.ToString() == "pods_delete")!;
        Assert.StartsWith("[destructive] ", delete["function"]!["description"]!.ToString());
        Assert.DoesNotContain("pods_delete", model.Messages(0)[0]!["content"]!.ToString());

        // Only the destructive call needed approval, and --yes gave it.
        Assert.Equal([null, null, null, "approved: pre-approved (--yes)", null], transcript.ToolCalls.Select(c => c.Approval));

        // The cluster: api restarted by its ReplicaSet, web and cache untouched.
        Assert.True(await cluster.IsDeletedAsync(cluster.Api));
        var replacement = await cluster.ReplacementAsync("api");
        Assert.StartsWith("api-", replacement.Metadata.Name);
        Assert.Null((await cluster.FindPodAsync(cluster.Web))!.Metadata.DeletionTimestamp);
        Assert.Null((await cluster.FindPodAsync(cluster.Cache))!.Metadata.DeletionTimestamp);

        // The transcript file is the same transcript.
        var saved = AgentTranscript.FromJson(await File.ReadAllTextAsync(_harness.TranscriptPath, TestContext.Current.CancellationToken));
        Assert.Equal(transcript.ToolCalls.Select(c => (c.Name, c.Outcome, c.Approval)), saved.ToolCalls.Select(c => (c.Name, c.Outcome, c.Approval)));
        Assert.Equal(transcript.FinalAnswer, saved.FinalAnswer);
        Assert.Equal((600, 150), (saved.InputTokens, saved.OutputTokens));
        Assert.Equal(["system", "user", "assistant", "tool", "assistant", "tool", "tool", "assistant", "tool", "assistant", "tool", "assistant"],
            saved.Messages.Select(m => m.Role));

        Assert.Contains($"Step 3: pods_delete(name={cluster.Api}, namespace={ns})", _harness.Output);
        Assert.Contains("Completed · 5 steps · 5 tool calls · 750 tokens", _harness.Output);
    }

    [Fact]
    public async Task Triton_QwenTextWithMalformedAndHallucinatedCallsStillRestartsTheCrashingPod()
    {
        var cluster = await FailingWorkloads.CreateAsync(server, "wf-triton");
        var ns = cluster.Namespace;
        await using var model = await ScriptedModelServer.StartAsync();
        model
            .ReplyTriton($"<think>List the pods first.</think>\n{ModelReplies.Qwen("pod_list", $$"""{"namespace": "{{ns}}"}""")}")
            .ReplyTriton(ModelReplies.Qwen("pods_list_in_namespace", $$"""{"namespace": "{{ns}}"}"""))
            .ReplyTriton($$$"""
                The api pod is crash-looping; I will read its previous log and the events.
                <tool_call>
                {'name': 'pods_log', 'arguments': {'name': '{{{cluster.Api}}}', 'namespace': '{{{ns}}}', 'previous': True, 'tail': 50,}}
                </tool_call>
                <tool_call>
                {"name": "events_list", "arguments": "{\"namespace\": \"{{{ns}}}\"}"}
                """)
            .ReplyTriton("<tool_call>\npods_delete " + cluster.Api + "\n</tool_call>")
            .ReplyTriton("```json\n" + $$$"""{"name": "pods_delete", "arguments": {"name": "{{{cluster.Api}}}", "namespace": "{{{ns}}}"}}""" + "\n```")
            .ReplyTriton(ModelReplies.Qwen("pods_list_in_namespace", $$"""{"namespace": "{{ns}}"}"""))
            .ReplyTriton($"<think>done</think>Restarted {cluster.Api}; {cluster.Web} has a bad image tag and needs a person.");

        var transcript = await _harness.AskAsync(_harness.Triton(server, model, yes: true), Task(ns));

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal(["pod_list", "pods_list_in_namespace", "pods_log", "events_list", "pods_delete", "pods_list_in_namespace"], transcript.ToolCalls.Select(c => c.Name));
        Assert.Equal(ToolCallOutcome.UnknownTool, transcript.ToolCalls[0].Outcome);
        // The log call ran with the single-quoted, trailing-comma arguments read correctly; whether a log exists is the
        // kubelet simulation's business.
        Assert.Equal($$"""{"name":"{{cluster.Api}}","namespace":"{{ns}}","previous":true,"tail":50}""", transcript.ToolCalls[2].Arguments.ToJsonString());
        Assert.Contains(transcript.ToolCalls[2].Outcome, (ToolCallOutcome[])[ToolCallOutcome.Succeeded, ToolCallOutcome.Failed]);
        Assert.All(transcript.ToolCalls.Where(c => c.Name != "pods_log").Skip(1), c => Assert.Equal(ToolCallOutcome.Succeeded, c.Outcome));
        Assert.Equal("qwen3", transcript.ModelId);
        Assert.True(transcript.TokensEstimated);
        Assert.Equal($"Restarted {cluster.Api}; {cluster.Web} has a bad image tag and needs a person.", transcript.FinalAnswer);

        // What the model was told after each mistake.
        Assert.Contains("There is no tool named 'pod_list'. Did you mean pods_list", model.Prompt(1));
        Assert.Contains("could not be read", model.Prompt(4));
        Assert.Contains("<tool_response>", model.Prompt(2));
        Assert.DoesNotContain("List the pods first", model.Prompt(1));

        Assert.True(await cluster.IsDeletedAsync(cluster.Api));
        await cluster.ReplacementAsync("api");
        Assert.False(await cluster.IsDeletedAsync(cluster.Web));
    }

    [Fact]
    public async Task OfflinePlanner_DiagnosesRestartsTheRestartableAndReportsTheRest()
    {
        var cluster = await FailingWorkloads.CreateAsync(server, "wf-offline");
        var ns = cluster.Namespace;

        var transcript = await _harness.AskAsync(_harness.Offline(server, yes: true), Task(ns));

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal(OfflinePlannerChatClient.ModelName, transcript.ModelId);
        var names = transcript.ToolCalls.Select(c => c.Name).ToList();
        Assert.Equal("pods_list_in_namespace", names[0]);
        Assert.Contains("pods_get", names);
        Assert.Contains("events_list", names);
        Assert.Equal("pods_list_in_namespace", names[^1]);
        var delete = Assert.Single(transcript.ToolCalls, c => c.Name == "pods_delete");
        Assert.Equal(cluster.Api, delete.Arguments["name"]!.ToString());
        Assert.Equal(ToolCallOutcome.Succeeded, delete.Outcome);
        Assert.InRange(transcript.ToolCalls.Count, 5, 8);

        var report = transcript.FinalAnswer!;
        Assert.StartsWith($"Offline planner (rule-based, not an LLM): checked 3 pods in namespace {ns}; 2 unhealthy.", report);
        Assert.Contains($"{ns}/{cluster.Api} — CrashLoopBackOff (5 restarts)", report);
        Assert.Contains($"restarted (deleted the pod; ReplicaSet/{cluster.Api[..cluster.Api.LastIndexOf('-')]} creates a replacement)", report);
        Assert.Contains($"{ns}/{cluster.Web} — ImagePullBackOff", report);
        Assert.Contains("Evidence: event Failed: Failed to pull image \"nginx:1.99-doesnotexist\"", report);
        Assert.Contains("Verification (pods_list_in_namespace after the restarts)", report);
        Assert.Contains($"Summary: restarted 1 ({cluster.Api}); 1 need a person ({cluster.Web})", report);

        Assert.True(await cluster.IsDeletedAsync(cluster.Api));
        await cluster.ReplacementAsync("api");
        Assert.False(await cluster.IsDeletedAsync(cluster.Web));
        Assert.False(await cluster.IsDeletedAsync(cluster.Cache));
    }

    [Fact]
    public async Task OfflinePlanner_NonInteractiveWithoutYesRefusesTheRestartsAndChangesNothing()
    {
        var cluster = await FailingWorkloads.CreateAsync(server, "wf-refused");

        var transcript = await _harness.AskAsync(_harness.Offline(server), Task(cluster.Namespace));

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        var delete = Assert.Single(transcript.ToolCalls, c => c.Name == "pods_delete");
        Assert.Equal(ToolCallOutcome.Refused, delete.Outcome);
        Assert.StartsWith("refused: this run is non-interactive and was not started with --yes", delete.Approval);
        Assert.Contains("Summary: no pod was restarted", transcript.FinalAnswer);
        Assert.False(await cluster.IsDeletedAsync(cluster.Api));
        Assert.Contains("Approvals: destructive actions are refused (non-interactive, no --yes)", _harness.Output);
    }
}
