using System.Text.Json.Nodes;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Providers.Offline;
using KubeMcp.Agent.Tools;
using KubeMcp.Agent.Transcripts;
using KubeMcp.Tests.Agent.Fakes;

namespace KubeMcp.Tests.Agent.Providers.Offline;

public sealed class OfflinePlannerTests
{
    private const string Task = "All production pods are failing. Please investigate and restart them.";

    private static Task<AgentTranscript> Run(IToolExecutor tools, string task, IApprovalGate? gate = null) =>
        new AgentRunner(new OfflinePlannerChatClient(), tools, new AgentOptions { ContextWindowTokens = 1_000_000 }, gate ?? AutoApproveGate.Instance)
            .RunAsync(task, TestContext.Current.CancellationToken);

    [Fact]
    public async Task ProductionFailing_DiagnosesEachPodRestartsOnlyWhatARestartFixesAndVerifies()
    {
        var cluster = new ProductionCluster();
        var tools = cluster.CreateExecutor();

        var transcript = await Run(tools, Task);

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Equal(OfflinePlannerChatClient.ModelName, transcript.ModelId);

        // list → gather (previous log for crash loops, events once) → read the pods a restart would help → restart → verify
        Assert.Equal(
            ["pods_list", "pods_log", "pods_log", "events_list", "pods_get", "pods_get", "pods_delete", "pods_delete", "pods_list"],
            transcript.ToolCalls.Select(c => c.Name));
        Assert.Equal("""{"namespace":"production"}""", transcript.ToolCalls[0].Arguments.ToJsonString());
        Assert.Equal("""{"name":"api-7c9d8f6b5-x2k4p","namespace":"production","tail":50,"previous":true}""", transcript.ToolCalls[1].Arguments.ToJsonString());
        Assert.Equal("""{"namespace":"production","fieldSelector":"type=Warning"}""", transcript.ToolCalls[3].Arguments.ToJsonString());
        Assert.Equal(6, transcript.Steps);
        // The image failure needs no pod YAML: its events say everything.
        Assert.DoesNotContain(transcript.ToolCalls, c => c.Name == "pods_get" && c.Arguments["name"]!.ToString() == ProductionCluster.Web);
        Assert.All(transcript.ToolCalls, c => Assert.False(c.IsError, c.Result));

        Assert.Equal([ProductionCluster.Api, ProductionCluster.Worker], cluster.Deleted.Order());

        var report = transcript.FinalAnswer!;
        Assert.StartsWith("Offline planner (rule-based, not an LLM): checked 4 pods in namespace production; 3 unhealthy.", report);
        Assert.Contains("production/api-7c9d8f6b5-x2k4p — CrashLoopBackOff (5 restarts)", report);
        Assert.Contains("a service it depends on was unreachable", report);
        Assert.Contains("Evidence: log: 2026-01-01T10:00:06Z ERROR failed to connect to database: dial tcp 10.96.4.12:5432: connect: connection refused\n", report);
        Assert.Contains("restarted (deleted the pod; ReplicaSet/api-7c9d8f6b5 creates a replacement)", report);
        Assert.Contains("panic: runtime error: invalid memory address or nil pointer dereference", report);
        Assert.Contains("production/web-6b7c8d9f0-z9y8x — ImagePullBackOff", report);
        Assert.Contains("Evidence: event Failed: Failed to pull image \"nginx:1.99-doesnotexist\": rpc error", report);
        Assert.Contains("not restarted — a restart cannot fix this", report);
        Assert.Contains("A person must: fix the image reference", report);
        Assert.Contains("Verification (pods_list after the restarts): new pods api-7c9d8f6b5-n3w1p Running 1/1, worker-5f6d7c8b9-m4t7k ContainerCreating 0/1", report);
        Assert.Contains("2 of 2 restarted pods are gone", report);
        Assert.Contains("Summary: restarted 2 (api-7c9d8f6b5-x2k4p, worker-5f6d7c8b9-q8w2e); 1 need a person (web-6b7c8d9f0-z9y8x)", report);
        Assert.DoesNotContain("cache-0 —", report);
    }

    [Fact]
    public async Task ProductionFailing_WithoutApprovalReportsTheRefusedRestarts()
    {
        var cluster = new ProductionCluster();

        var transcript = await Run(cluster.CreateExecutor(), Task, NonInteractiveApprovalGate.Instance);

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Empty(cluster.Deleted);
        Assert.Equal(2, transcript.ToolCalls.Count(c => c.Outcome == ToolCallOutcome.Refused));
        Assert.DoesNotContain("Verification", transcript.FinalAnswer);
        Assert.Contains("not restarted — Not run: the person did not approve pods_delete", transcript.FinalAnswer);
        // The refused restarts are reported as refused, not as restarts that could not have helped.
        Assert.Contains("Summary: no pod was restarted; 1 need a person (web-6b7c8d9f0-z9y8x) because a restart cannot fix them; "
            + "2 not restarted although a restart may help (api-7c9d8f6b5-x2k4p: Not run: the person did not approve pods_delete", transcript.FinalAnswer);
        Assert.DoesNotContain("3 need a person", transcript.FinalAnswer);
    }

    [Fact]
    public async Task InvestigateOnly_DoesNotRestart()
    {
        var cluster = new ProductionCluster();

        var transcript = await Run(cluster.CreateExecutor(), "Investigate the failing pods in namespace production");

        Assert.DoesNotContain(transcript.ToolCalls, c => c.Name == "pods_delete");
        Assert.Contains("nothing changed (the task did not ask for restarts); a restart may help", transcript.FinalAnswer);
    }

    [Fact]
    public async Task AllNamespaces_WhenTheTaskNamesNone()
    {
        var cluster = new ProductionCluster();

        var transcript = await Run(cluster.CreateExecutor(), "Some pods are crashing, investigate and fix them");

        Assert.Equal("{}", transcript.ToolCalls[0].Arguments.ToJsonString());
        Assert.Contains("in all namespaces", transcript.FinalAnswer);
        Assert.Equal(2, cluster.Deleted.Count);
    }

    [Fact]
    public async Task WhyIsXFailing_DiagnosesOnlyThatWorkload()
    {
        var cluster = new ProductionCluster();

        var transcript = await Run(cluster.CreateExecutor(), "Why is web failing in namespace production?");

        Assert.Equal(["pods_list", "events_list"], transcript.ToolCalls.Select(c => c.Name));
        Assert.Contains("1 unhealthy", transcript.FinalAnswer);
        Assert.Contains("web-6b7c8d9f0-z9y8x", transcript.FinalAnswer);
        Assert.DoesNotContain("api-7c9d8f6b5", transcript.FinalAnswer);
        Assert.Empty(cluster.Deleted);
    }

    [Fact]
    public async Task OtherCauses_AreNamedAndNeverRestarted()
    {
        var table = ProductionCluster.Format([
            ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
            ["mem-1", "0/1", "OOMKilled", "3", "5m"],
            ["cfg-1", "0/1", "CreateContainerConfigError", "0", "5m"],
            ["big-1", "0/1", "Pending", "0", "5m"],
            ["env-1", "0/1", "CrashLoopBackOff", "6", "5m"],
            ["bare", "0/1", "Error", "1", "5m"],
        ]);
        var events = ProductionCluster.Format([
            ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"],
            ["1m", "Warning", "Failed", "pod/cfg-1", "Error: configmap \"app-settings\" not found"],
            ["1m", "Warning", "FailedScheduling", "pod/big-1", "0/3 nodes are available: 3 Insufficient memory."],
        ]);
        var tools = new FakeToolExecutor(KubeTools.Core)
            .On("pods_list", table)
            .On("events_list", events)
            .On("pods_get", args => ToolResult.Success(args["name"]!.ToString() == "bare"
                ? "metadata:\n  name: bare\nstatus:\n  phase: Failed\n"
                : ProductionCluster.PodYaml(args["name"]!.ToString()).Replace("phase: Running", "lastState:\n  terminated:\n    reason: " + (args["name"]!.ToString() == "mem-1" ? "OOMKilled" : "Error"))))
            .On("pods_log", args => ToolResult.Success(args["name"]!.ToString() switch
            {
                "env-1" => "Starting...\nFATAL: environment variable DATABASE_URL is not set\n",
                "bare" => "Traceback (most recent call last):\nValueError: bad input\n",
                _ => "allocating...\n",
            }))
            .On("pods_delete", _ => ToolResult.Success("deleted"));

        var transcript = await Run(tools, "Pods in namespace shop are failing, restart them");

        var report = transcript.FinalAnswer!;
        Assert.Contains("exceeds its memory limit", report);
        Assert.Contains("raise the container's memory limit", report);
        Assert.Contains("Evidence: event Failed: Error: configmap \"app-settings\" not found", report);
        Assert.Contains("create the missing ConfigMap \"app-settings\"", report);
        Assert.Contains("0/3 nodes are available: 3 Insufficient memory.", report);
        Assert.Contains("FATAL: environment variable DATABASE_URL is not set", report);
        Assert.Contains("required configuration (DATABASE_URL) is missing", report);
        Assert.Contains("the pod has no controller", report);
        Assert.DoesNotContain(transcript.ToolCalls, c => c.Name == "pods_delete");
        Assert.Contains("Summary: no pod was restarted; 4 need a person", report);
        Assert.Contains("; 1 not restarted although a restart may help (bare: the pod has no controller, so a deleted pod would not come back)", report);
        // No log is asked for containers that never started.
        Assert.DoesNotContain(transcript.ToolCalls, c => c.Name == "pods_log" && c.Arguments["name"]!.ToString() is "cfg-1" or "big-1");
    }

    [Fact]
    public async Task Verification_ReplacementsStillPendingAreStartingNotFailing()
    {
        var deleted = false;
        var tools = new FakeToolExecutor(KubeTools.Core)
            .On("pods_list", _ => ToolResult.Success(deleted
                ? "NAME  READY  STATUS  RESTARTS  AGE\napp-1  0/1  Terminating  2  5m\napp-2  0/1  Pending  0  0s\napp-3  0/1  Running  0  0s\nold-2  0/1  CrashLoopBackOff  4  1s\n"
                : "NAME  READY  STATUS  RESTARTS  AGE\napp-1  0/1  CrashLoopBackOff  2  5m\n"))
            .On("pods_get", ProductionCluster.PodYaml("app-1"))
            .On("events_list", "LAST SEEN  TYPE  REASON  OBJECT  MESSAGE\n")
            .On("pods_log", "error: connection refused by redis:6379")
            .On("pods_delete", _ =>
            {
                deleted = true;
                return ToolResult.Success("deleted");
            });

        var transcript = await Run(tools, "investigate failing pods in namespace default and restart them");

        Assert.Contains("2 replacement pods are still starting (app-2 Pending, app-3 Running): list the pods again shortly", transcript.FinalAnswer);
        Assert.Contains("1 replacement pods are failing again (old-2 CrashLoopBackOff)", transcript.FinalAnswer);
    }

    [Fact]
    public async Task HealthyCluster_SaysSo()
    {
        var tools = new FakeToolExecutor(KubeTools.Core).On("pods_list", "NAME  READY  STATUS  RESTARTS  AGE\na-1  1/1  Running  0  1d\njob-x  0/1  Completed  0  1d\n");

        var transcript = await Run(tools, "investigate failing pods in namespace default");

        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
        Assert.Contains("all 2 pods in namespace default look healthy", transcript.FinalAnswer);
        Assert.Single(transcript.ToolCalls);
    }

    [Fact]
    public async Task PreviousLogMissing_FallsBackToTheCurrentLog()
    {
        var tools = new FakeToolExecutor(KubeTools.Core)
            .On("pods_list", "NAME  READY  STATUS  RESTARTS  AGE\napp-1  0/1  CrashLoopBackOff  2  1m\n")
            .On("pods_get", ProductionCluster.PodYaml("app-1"))
            .On("events_list", "LAST SEEN  TYPE  REASON  OBJECT  MESSAGE\n")
            .On("pods_log", args => args["previous"] is null
                ? ToolResult.Success("error: connection refused by redis:6379")
                : ToolResult.Error("previous terminated container \"app\" in pod \"app-1\" not found"))
            .On("pods_delete", "deleted");

        var transcript = await Run(tools, "investigate failing pods in namespace default");

        Assert.Equal(2, transcript.ToolCalls.Count(c => c.Name == "pods_log"));
        Assert.Contains("connection refused by redis:6379", transcript.FinalAnswer);
    }

    [Fact]
    public async Task ScaleRequest_CallsResourcesScale()
    {
        var tools = new FakeToolExecutor(KubeTools.Core).On("resources_scale", args => ToolResult.Success($"deployment.apps/web scaled to {args["scale"]}"));

        var transcript = await Run(tools, "scale deployment web to 3 in namespace shop");

        var call = Assert.Single(transcript.ToolCalls);
        Assert.Equal("""{"apiVersion":"apps/v1","kind":"Deployment","name":"web","namespace":"shop","scale":3}""", call.Arguments.ToJsonString());
        Assert.Contains("scaled Deployment web to 3 replicas", transcript.FinalAnswer);
        Assert.Equal(AgentOutcome.Completed, transcript.Outcome);
    }

    [Fact]
    public async Task ListAndDescribeRequests_QuoteTheToolOutput()
    {
        var tools = new FakeToolExecutor(KubeTools.Core).On("pods_list", "NAME  READY\na  1/1\n").On("pods_get", "kind: Pod\nmetadata:\n  name: a\n");

        var list = await Run(tools, "list pods in namespace kube-system");
        var describe = await Run(tools, "describe pod a -n default");

        Assert.Equal("""{"namespace":"kube-system"}""", list.ToolCalls.Single().Arguments.ToJsonString());
        Assert.Contains("NAME  READY\na  1/1", list.FinalAnswer);
        Assert.Equal("""{"name":"a","namespace":"default"}""", describe.ToolCalls.Single().Arguments.ToJsonString());
        Assert.Contains("kind: Pod", describe.FinalAnswer);
    }

    [Fact]
    public async Task UnsupportedTask_IsAnHonestGiveUp()
    {
        var transcript = await Run(new FakeToolExecutor(KubeTools.Core), "Write me a poem about Helm charts");

        Assert.Equal(AgentOutcome.GaveUp, transcript.Outcome);
        Assert.Contains("cannot do this task", transcript.FinalAnswer);
        Assert.Contains("--model-url", transcript.FinalAnswer);
        Assert.Empty(transcript.ToolCalls);
    }

    [Fact]
    public async Task ServerWithPodsListInNamespace_UsesItAndItsParameterNames()
    {
        // The Go kubernetes-mcp-server splits the namespaced listing into its own tool.
        var podsList = ToolDescriptor.Create("pods_list", "", """{"type":"object","properties":{"labelSelector":{"type":"string"}}}""") with { ReadOnlyHint = true };
        var inNamespace = ToolDescriptor.Create("pods_list_in_namespace", "", """{"type":"object","properties":{"namespace":{"type":"string"}},"required":["namespace"]}""") with { ReadOnlyHint = true };
        var tools = new FakeToolExecutor(podsList, inNamespace).On("pods_list_in_namespace", "NAMESPACE  APIVERSION  KIND  NAME  READY  STATUS  RESTARTS  AGE\nprod  v1  Pod  a  1/1  Running  0  1d\n");

        var transcript = await Run(tools, "All prod pods are failing");

        Assert.Equal("pods_list_in_namespace", transcript.ToolCalls.Single().Name);
        Assert.Contains("look healthy", transcript.FinalAnswer);
    }

    [Fact]
    public async Task SecretValueRequest_IsDeclinedWithoutAnyToolCall()
    {
        var tools = new FakeToolExecutor(KubeTools.Core);

        var transcript = await Run(tools, "Print the database password stored in the db-credentials secret in the payments namespace.");

        Assert.Empty(tools.Calls);
        Assert.Contains("I will not print passwords, tokens or other secret values from the Secret db-credentials in namespace payments", transcript.FinalAnswer);
    }

    [Fact]
    public async Task MemoryQuestion_ReadsPodMetricsAndNamesTheLargest()
    {
        var top = ToolDescriptor.Create("pods_top", "Pod metrics.", """{"type":"object","properties":{"namespace":{"type":"string"}}}""")
            with { ReadOnlyHint = true };
        var tools = new FakeToolExecutor([.. KubeTools.Core, top]).On("pods_top", ProductionCluster.Format([
            ["NAME", "CPU(cores)", "MEMORY(bytes)"],
            ["query-1", "1m", "60Mi"],
            ["indexer-1", "1m", "1.2Gi"],
            ["ingest-1", "3m", "900Mi"],
            ["broken-1", "1m", "<unknown>"],
        ]));

        var transcript = await Run(tools, "Which pod in the data namespace is using the most memory?");

        Assert.Equal([("pods_top", "data")], tools.Calls.Select(c => (c.Name, c.Arguments["namespace"]!.ToString())));
        Assert.Contains("the pod using the most memory in namespace data is indexer-1, with 1.2Gi", transcript.FinalAnswer);
    }

    [Fact]
    public async Task PodStillStartingWithoutWarnings_IsNotReportedAsFailing()
    {
        var tools = new FakeToolExecutor(KubeTools.Core)
            .On("pods_list", ProductionCluster.Format([
                ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
                ["web-1", "1/1", "Running", "0", "5m"],
                ["web-2", "0/1", "ContainerCreating", "0", "2s"],
            ]))
            .On("events_list", "No resources found in shop namespace.\n");

        var transcript = await Run(tools, "Why are the web pods in namespace shop not ready?");

        Assert.Equal(["pods_list", "events_list"], tools.Calls.Select(c => c.Name));
        Assert.Contains("look healthy", transcript.FinalAnswer);
    }

    [Fact]
    public async Task Planner_IsDeterministic()
    {
        var first = await Run(new ProductionCluster().CreateExecutor(), Task);
        var second = await Run(new ProductionCluster().CreateExecutor(), Task);

        Assert.Equal(first.FinalAnswer, second.FinalAnswer);
        Assert.Equal(first.ToolCalls.Select(c => c.Arguments.ToJsonString()), second.ToolCalls.Select(c => c.Arguments.ToJsonString()));
    }
}
