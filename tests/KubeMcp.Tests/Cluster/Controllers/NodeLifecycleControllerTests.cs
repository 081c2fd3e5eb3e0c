using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Tests.Cluster.Controllers;

public sealed class NodeLifecycleControllerTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          replicas: 4
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: "nginx:1.27"}]
        """;

    private static void SetReady(SimulatedCluster sim, string node, string status) =>
        sim.UpdateStatus("v1", "Node", null, node, s =>
        {
            var ready = ((JsonArray)s["conditions"]!).OfType<JsonObject>().Single(c => c.Str("type") == "Ready");
            ready["status"] = status;
            ready["reason"] = status == "True" ? "KubeletReady" : "NodeStatusUnknown";
        });

    private static List<(string? Key, string? Effect)> Taints(SimulatedCluster sim, string node) =>
        (sim.Require("v1", "Node", null, node).At("spec.taints") as JsonArray ?? []).OfType<JsonObject>()
            .Select(t => (t.Str("key"), t.Str("effect"))).ToList();

    [Fact]
    public async Task NotReadyNode_IsTaintedAndItsPodsAreEvictedAfterTheirTolerationAndReplacedElsewhere()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Deployment);
        await sim.SettleAsync();
        var onWorker = sim.Pods().Where(p => p.Str("spec.nodeName") == "kubemcp-worker").Select(p => p.Name()).ToList();
        Assert.NotEmpty(onWorker);

        SetReady(sim, "kubemcp-worker", "False");
        await sim.SettleAsync();
        Assert.Equal([("node.kubernetes.io/not-ready", "NoSchedule"), ("node.kubernetes.io/not-ready", "NoExecute")], Taints(sim, "kubemcp-worker"));
        Assert.Equal(["Node kubemcp-worker status is now: NodeNotReady"], sim.EventMessages("default", "kubemcp-worker", "NodeNotReady"));

        await sim.AdvanceAsync(TimeSpan.FromSeconds(299));
        Assert.All(onWorker, name => Assert.NotNull(sim.Get("v1", "Pod", "default", name)));

        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        var pods = sim.Pods();
        Assert.All(onWorker, name => Assert.DoesNotContain(pods, p => p.Name() == name));
        Assert.Equal(4, pods.Count);
        Assert.All(pods, p => Assert.Equal("kubemcp-worker2", p.Str("spec.nodeName")));
        Assert.Equal([$"Marking for deletion Pod default/{onWorker[0]}"], sim.EventMessages("default", onWorker[0], "TaintManagerEviction"));
    }

    [Fact]
    public async Task UnknownReadiness_TaintsUnreachableAndReadyAgainRemovesTheTaints()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        SetReady(sim, "kubemcp-worker2", "Unknown");
        await sim.SettleAsync();
        Assert.Equal([("node.kubernetes.io/unreachable", "NoSchedule"), ("node.kubernetes.io/unreachable", "NoExecute")], Taints(sim, "kubemcp-worker2"));
        Assert.NotNull(sim.Require("v1", "Node", null, "kubemcp-worker2").At("spec.taints")?[1]?["timeAdded"]);

        SetReady(sim, "kubemcp-worker2", "True");
        await sim.SettleAsync();
        Assert.Empty(Taints(sim, "kubemcp-worker2"));
        Assert.Equal(["Node kubemcp-worker2 status is now: NodeReady"], sim.EventMessages("default", "kubemcp-worker2", "NodeReady"));
    }

    [Fact]
    public async Task UntoleratedNoExecuteTaint_EvictsAtOnceAndForeverTolerationsStay()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply("""
            apiVersion: v1
            kind: Pod
            metadata: {name: plain, namespace: default}
            spec:
              nodeName: kubemcp-worker
              containers: [{name: app, image: "nginx:1.27"}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: tolerant, namespace: default}
            spec:
              nodeName: kubemcp-worker
              tolerations: [{key: dedicated, operator: Exists, effect: NoExecute}]
              containers: [{name: app, image: "nginx:1.27"}]
            """);
        await sim.SettleAsync();
        sim.Update("v1", "Node", null, "kubemcp-worker",
            n => n.Ensure("spec")["taints"] = new JsonArray(new JsonObject { ["key"] = "dedicated", ["value"] = "db", ["effect"] = "NoExecute" }));
        await sim.SettleAsync();
        await sim.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Null(sim.Get("v1", "Pod", "default", "plain"));
        Assert.NotNull(sim.Get("v1", "Pod", "default", "tolerant"));
    }
}
