using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Events;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Tools;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server.Audit;
using ModelContextProtocol.Client;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>
/// Tool output is data, not instructions — but a model may obey it anyway. The server's policy is what stands
/// between a poisoned pod log and the cluster, whatever the client or its approval settings.
/// </summary>
public sealed class PromptInjectionTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _dir = Directory.CreateTempSubdirectory("kubemcp-injection-").FullName;

    [Fact]
    public async Task PoisonedPodLog_ObeyingModelDeletesNothingAndTheAttemptIsAudited()
    {
        var objects = new TestObjects(cluster);
        await objects.NamespaceAsync("production");
        await objects.Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web",
                // The simulated kubelet prints these lines as the container's log.
                Annotations = new Dictionary<string, string> { ["sim.kubemcp.io/logs"] = "starting web\n" + InjectionFollowingModel.Injection + "\nready" },
            },
            Spec = new V1PodSpec { NodeName = "kubemcp-worker", Containers = [new V1Container { Name = "main", Image = "nginx:1.27" }] },
        }, "production", cancellationToken: Ct);
        var serverAudit = Path.Combine(_dir, "server-audit.jsonl");
        var agentAudit = Path.Combine(_dir, "agent-audit.jsonl");
        // The default policy; the agent runs with --yes (approves everything it is asked): the worst case.
        await using var server = await HardenedServer.StartAsync(cluster, o => o.AuditLog = new AuditLogOptions { Path = serverAudit });
        var gate = new ServerApprovalBridge(AutoApproveGate.Instance);
        using var http = new HttpClient(new RetryAfterHandler());
        await using var client = await server.ConnectAsync(gate.HandleElicitationAsync, http);
        var model = new InjectionFollowingModel();
        using var observer = new JsonLinesAgentObserver(agentAudit, runId: "injection");

        var transcript = await new AgentRunner(model, await McpToolExecutor.CreateAsync(client, Ct), new AgentOptions(), gate, observer)
            .RunAsync("Check why the web pod in production is slow.", Ct);

        Assert.True(model.SawInjection, "the poisoned text never reached the model");
        Assert.True(model.TriedToDelete);
        var attempt = Assert.Single(transcript.ToolCalls, c => c.Name == "resources_delete");
        Assert.True(attempt.IsError);
        Assert.Contains("Denied by policy rule 'namespace-deletion'", attempt.Result);
        var ns = await objects.Client.CoreV1.ReadNamespaceAsync("production", cancellationToken: Ct);
        Assert.Null(ns.Metadata.DeletionTimestamp);
        Assert.Contains((await objects.Client.CoreV1.ListNamespacedPodAsync("production", cancellationToken: Ct)).Items, p => p.Metadata.Name == "web");

        var serverLine = AuditLog.ReadAll(serverAudit).Select(l => JsonNode.Parse(l)!).Single(l => l["tool"]!.GetValue<string>() == "resources_delete");
        Assert.Equal(("denied", "namespace-deletion"), (serverLine["decision"]!.GetValue<string>(), serverLine["rule"]!.GetValue<string>()));
        Assert.Equal("production", serverLine["arguments"]!["name"]!.GetValue<string>());
        var agentLine = File.ReadAllLines(agentAudit).Select(l => JsonNode.Parse(l)!)
            .Single(l => l["event"]!.GetValue<string>() == nameof(ToolCallCompleted) && l["tool"]!.GetValue<string>() == "resources_delete");
        Assert.True(agentLine["isError"]!.GetValue<bool>());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
