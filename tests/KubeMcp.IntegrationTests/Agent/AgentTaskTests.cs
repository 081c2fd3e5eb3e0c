using k8s.Models;
using k8s;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Cli.Commands;
using KubeMcp.Cli.Evaluation.Scripted;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Agent;

/// <summary>Other tasks through the whole stack, each checking the cluster's final state, the transcript and the approvals.</summary>
public sealed class AgentTaskTests(McpServerFixture server) : IClassFixture<McpServerFixture>, IDisposable
{
    private readonly AgentHarness _harness = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ScaleDeployment_OpenAI_ChangesTheReplicasAfterApproval()
    {
        var cluster = await FailingWorkloads.CreateAsync(server, "task-scale");
        await using var model = await ScriptedModelServer.StartAsync();
        model
            .Calls(("resources_scale", """{"apiVersion":"apps/v1","kind":"Deployment","name":"cache","namespace":"task-scale"}"""))
            .Calls(("resources_scale", """{"apiVersion":"apps/v1","kind":"Deployment","name":"cache","namespace":"task-scale","scale":3}"""))
            .Answer("cache now wants 3 replicas (it had 1).");

        var transcript = await _harness.AskAsync(_harness.OpenAI(server, model, yes: true), "Scale the cache deployment in task-scale to 3 replicas");

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Contains("1 replicas desired", transcript.ToolCalls[0].Result);
        Assert.Contains("scaled from 1 to 3 replicas desired", transcript.ToolCalls[1].Result);
        Assert.All(transcript.ToolCalls, c => Assert.Equal("approved: pre-approved (--yes)", c.Approval)); // reading the scale is the same (destructive) tool
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("cache", cluster.Namespace, cancellationToken: Ct);
        Assert.Equal(3, deployment.Spec.Replicas);
    }

    [Fact]
    public async Task WhyIsPodPending_Triton_ReadsThePodAndTheSchedulerEvent()
    {
        var objects = new TestObjects(server.Cluster);
        await objects.NamespaceAsync("task-pending");
        await objects.Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "db-0" },
            Spec = new V1PodSpec
            {
                NodeSelector = new Dictionary<string, string> { ["disktype"] = "nvme" },
                Containers = [new V1Container { Name = "db", Image = "postgres:17" }],
            },
        }, "task-pending", cancellationToken: Ct);
        await WaitForEventAsync(objects.Client, "task-pending", "FailedScheduling");
        await using var model = await ScriptedModelServer.StartAsync();
        model
            .ReplyTriton(ModelReplies.Qwen("pods_get", """{"name": "db-0", "namespace": "task-pending"}"""))
            .ReplyTriton(ModelReplies.Qwen("events_list", """{"namespace": "task-pending", "fieldSelector": "involvedObject.name=db-0"}"""))
            .ReplyTriton("db-0 is Pending because no node has the label disktype=nvme that its nodeSelector requires.");

        var transcript = await _harness.AskAsync(_harness.Triton(server, model), "Why is the pod db-0 in task-pending Pending?");

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.All(transcript.ToolCalls, c => Assert.Equal(ToolCallOutcome.Succeeded, c.Outcome));
        Assert.Contains("disktype: nvme", transcript.ToolCalls[0].Result);
        Assert.Contains("FailedScheduling", transcript.ToolCalls[1].Result);
        Assert.Contains("didn't match Pod's node affinity/selector", model.Prompt(2));
        Assert.All(transcript.ToolCalls, c => Assert.Null(c.Approval));
        var pod = await objects.Client.CoreV1.ReadNamespacedPodAsync("db-0", "task-pending", cancellationToken: Ct);
        Assert.Equal("Pending", pod.Status.Phase);
    }

    [Fact]
    public async Task WhyIsPodPending_OfflinePlanner_NamesTheSchedulingProblem()
    {
        var objects = new TestObjects(server.Cluster);
        await objects.NamespaceAsync("task-pending-offline");
        await objects.Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "big-0" },
            Spec = new V1PodSpec
            {
                NodeSelector = new Dictionary<string, string> { ["gpu"] = "a100" },
                Containers = [new V1Container { Name = "train", Image = "trainer:1" }],
            },
        }, "task-pending-offline", cancellationToken: Ct);
        await WaitForEventAsync(objects.Client, "task-pending-offline", "FailedScheduling");

        var transcript = await _harness.AskAsync(_harness.Offline(server), "Why is big-0 pending in namespace task-pending-offline?");

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Contains("no node can run the pod", transcript.FinalAnswer);
        Assert.Contains("event FailedScheduling: 0/3 nodes are available", transcript.FinalAnswer);
        Assert.DoesNotContain(transcript.ToolCalls, c => c.Name == "pods_delete");
    }

    [Fact]
    public async Task DeletePod_RefusedByThePersonAtTheTerminal_ThenApproved()
    {
        var objects = new TestObjects(server.Cluster);
        await objects.NamespaceAsync("task-delete");
        await objects.PodAsync("task-delete", "scratch", status: TestObjects.Running(), node: FailingWorkloads.ExternalNode);
        await using var model = await ScriptedModelServer.StartAsync();
        model
            .Calls(("pods_delete", """{"name":"scratch","namespace":"task-delete"}"""))
            .Answer("You refused, so scratch was not deleted.")
            .Calls(("pods_delete", """{"name":"scratch","namespace":"task-delete"}"""))
            .Answer("scratch is being deleted.");
        var settings = _harness.OpenAI(server, model);

        var refused = await _harness.AskAsync(settings, "Delete the pod scratch in task-delete", _harness.Terminal("n\n", interactive: true));
        Assert.Equal(ToolCallOutcome.Refused, refused.ToolCalls[0].Outcome);
        Assert.Equal("refused: refused by the person", refused.ToolCalls[0].Approval);
        Assert.Contains("The agent wants to run a destructive action: pods_delete(name=scratch, namespace=task-delete)", _harness.Output);
        Assert.Contains("Not run: the person did not approve", model.Messages(1)[^1]!["content"]!.ToString());
        Assert.Null((await objects.Client.CoreV1.ReadNamespacedPodAsync("scratch", "task-delete", cancellationToken: Ct)).Metadata.DeletionTimestamp);

        var approved = await _harness.AskAsync(settings, "Delete the pod scratch in task-delete", _harness.Terminal("y\n", interactive: true));
        Assert.Equal(ToolCallOutcome.Succeeded, approved.ToolCalls[0].Outcome);
        Assert.Equal("approved: approved by the person", approved.ToolCalls[0].Approval);
        var pods = await objects.Client.CoreV1.ListNamespacedPodAsync("task-delete", cancellationToken: Ct);
        Assert.True(pods.Items.All(p => p.Metadata.DeletionTimestamp is not null), "the pod should be gone or terminating");
    }

    [Fact]
    public async Task MalformedToolCalls_Triton_TheModelIsToldAndRecovers()
    {
        var objects = new TestObjects(server.Cluster);
        await objects.NamespaceAsync("task-malformed");
        await objects.PodAsync("task-malformed", "web-1", status: TestObjects.Running(), node: FailingWorkloads.ExternalNode);
        await using var model = await ScriptedModelServer.StartAsync();
        model
            .ReplyTriton("<tool_call>\n{\"name\": \"pods_list_in_namespace\", \"arguments\": {\"namespace\": \n</tool_call>")
            .ReplyTriton("<tool_call>{\"arguments\": {\"namespace\": \"task-malformed\"}}</tool_call>")
            .ReplyTriton("Let me list them.\n<tool_call>\n{\"name\": \"pods_list_in_namespace\", \"arguments\": {\"namespace\": \"task-malformed\"}} and more text")
            .ReplyTriton("<think>web-1 is there</think>\nThere is one pod, web-1, and it is Running.");

        var transcript = await _harness.AskAsync(_harness.Triton(server, model), "List the pods in task-malformed");

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal(4, transcript.Steps);

        // The cut-off JSON is read as far as it goes, so the model hears which argument is missing; the call without a
        // name cannot be read at all; the call with text after it is read.
        Assert.Equal([ToolCallOutcome.Invalid, ToolCallOutcome.Succeeded], transcript.ToolCalls.Select(c => c.Outcome));
        Assert.Contains("'namespace': is required but was not given", model.Prompt(1));
        Assert.Contains("could not be read", model.Prompt(2));
        Assert.Contains("web-1", transcript.ToolCalls[1].Result);
        Assert.Contains("tool call(s) could not be read; the model was asked to rewrite them", _harness.Output);
        Assert.Equal("There is one pod, web-1, and it is Running.", transcript.FinalAnswer);
    }

    [Fact]
    public async Task InvalidArgumentsAndToolErrors_OpenAI_AreReturnedToTheModelWhichCorrectsItself()
    {
        var objects = new TestObjects(server.Cluster);
        await objects.NamespaceAsync("task-errors");
        await objects.PodAsync("task-errors", "api-1", status: TestObjects.CrashLooping(3), node: FailingWorkloads.ExternalNode);
        await using var model = await ScriptedModelServer.StartAsync();
        model
            .Calls(("pods_get", """{"namespace":"task-errors"}"""))
            .Calls(("pods_get", """{"name":"api","namespace":"task-errors"}"""))
            .Calls(("pods_get", """{"name":"api-1","namespace":"task-errors","extra":true}"""))
            .Calls(("pods_get", """{"name":"api-1","namespace":"task-errors"}"""))
            .Answer("api-1 is crash-looping (3 restarts).");

        var transcript = await _harness.AskAsync(_harness.OpenAI(server, model), "Show me the api pod in task-errors");

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal([ToolCallOutcome.Invalid, ToolCallOutcome.Failed, ToolCallOutcome.Invalid, ToolCallOutcome.Succeeded], transcript.ToolCalls.Select(c => c.Outcome));
        Assert.Contains("'name'", transcript.ToolCalls[0].Result);
        Assert.Contains("not found", transcript.ToolCalls[1].Result);
        Assert.Contains("'extra'", transcript.ToolCalls[2].Result);
        Assert.Contains("CrashLoopBackOff", transcript.ToolCalls[3].Result);
        Assert.Contains("The arguments for 'pods_get' are invalid", model.Messages(1)[^1]!["content"]!.ToString());
        Assert.Contains("not found", model.Messages(2)[^1]!["content"]!.ToString());
    }

    [Fact]
    public async Task ModelSaysItCannot_GivesUpWithExitCode1()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Answer("CANNOT COMPLETE: there is no tool to change RBAC role bindings.");

        var transcript = await _harness.AskAsync(_harness.OpenAI(server, model), "Give alice cluster-admin");

        Assert.Equal(AgentOutcome.GaveUp, transcript.Outcome);
        Assert.Equal(1, KubeMcp.Cli.Agent.AgentExitCodes.For(transcript.Outcome));
        Assert.Empty(transcript.ToolCalls);
    }

    [Fact]
    public async Task Stdio_TheAgentStartsTheServerAsAChildProcess()
    {
        var settings = _harness.Offline(server);
        settings.McpUrl = null;
        settings.StdioCommand = $"dotnet \"{Path.Combine(AppContext.BaseDirectory, "kubemcp.dll")}\" serve --stdio --kubeconfig \"{server.Cluster.KubeconfigPath}\"";

        var transcript = await _harness.AskAsync(settings, "list namespaces");

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Contains("kube-system", transcript.ToolCalls.Single().Result);
        Assert.Contains("Tools: 23 from the MCP server over stdio: dotnet", _harness.Output);
    }

    private static Task WaitForEventAsync(IKubernetes client, string ns, string reason) =>
        EventWatch.WaitAsync(client, ns, reason, TimeSpan.FromSeconds(30), Ct);
}
