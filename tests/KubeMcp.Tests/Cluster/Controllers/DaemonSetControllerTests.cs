using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Tests.Cluster.Controllers;

public sealed class DaemonSetControllerTests
{
    private const string Agent = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: default}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: "busybox:1.36"}]
        """;

    private static string NodeOf(JsonObject pod) => pod.Str("spec.nodeName") ?? "";

    [Fact]
    public async Task RunsOnePodPerWorkerAndNoneOnTheTaintedControlPlane()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Agent);
        await sim.SettleAsync();

        var pods = sim.Pods();
        Assert.Equal(["kubemcp-worker", "kubemcp-worker2"], pods.Select(NodeOf).Order(StringComparer.Ordinal));
        Assert.All(pods, p => Assert.Equal("Running", p.Str("status.phase")));
        var terms = pods[0].At("spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms") as JsonArray;
        Assert.Equal(NodeOf(pods[0]), terms?[0]?["matchFields"]?[0]?["values"]?[0]?.ToString());
        Assert.Contains(((JsonArray)pods[0].At("spec.tolerations")!).OfType<JsonObject>(),
            t => t.Str("key") == "node.kubernetes.io/unreachable" && t.Str("effect") == "NoExecute" && t["tolerationSeconds"] is null);

        var ds = sim.Require("apps/v1", "DaemonSet", "default", "agent");
        Assert.Equal(2, ds.Int("status.desiredNumberScheduled"));
        Assert.Equal(2, ds.Int("status.currentNumberScheduled"));
        Assert.Equal(2, ds.Int("status.numberReady"));
        Assert.Equal(2, ds.Int("status.numberAvailable"));
        Assert.Equal(2, ds.Int("status.updatedNumberScheduled"));
        Assert.Equal(0, ds.Int("status.numberMisscheduled"));
        Assert.Null(ds.At("status.numberUnavailable"));
        Assert.Equal(1, ds.Int("status.observedGeneration"));
    }

    [Fact]
    public async Task ControlPlaneToleration_AddsThePodThere()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Agent.Replace("      containers:",
            "      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]\n      containers:",
            StringComparison.Ordinal));
        await sim.SettleAsync();
        Assert.Equal(3, sim.Pods().Count);
        Assert.Contains(sim.Pods(), p => NodeOf(p) == "kubemcp-control-plane");
    }

    [Fact]
    public async Task NodeSelector_FollowsNodeLabels()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Agent.Replace("      containers:", "      nodeSelector: {disk: ssd}\n      containers:", StringComparison.Ordinal));
        await sim.SettleAsync();
        Assert.Empty(sim.Pods());

        sim.Update("v1", "Node", null, "kubemcp-worker2", n => n.Ensure("metadata.labels")["disk"] = "ssd");
        await sim.SettleAsync();
        Assert.Equal(["kubemcp-worker2"], sim.Pods().Select(NodeOf));

        sim.Update("v1", "Node", null, "kubemcp-worker2", n => n.Ensure("metadata.labels").Remove("disk"));
        await sim.SettleAsync();
        Assert.Empty(sim.Pods());
        Assert.Equal(0, sim.Require("apps/v1", "DaemonSet", "default", "agent").Int("status.desiredNumberScheduled"));
    }

    [Fact]
    public async Task TemplateChange_RollsEveryNodeToTheNewRevision()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Agent);
        await sim.SettleAsync();
        var before = sim.Pods().Select(p => p.Name()).ToHashSet();

        sim.Update("apps/v1", "DaemonSet", "default", "agent", d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "busybox:1.37");
        await sim.SettleAsync();

        var pods = sim.Pods();
        Assert.Equal(2, pods.Count);
        Assert.DoesNotContain(pods, p => before.Contains(p.Name()));
        Assert.All(pods, p => Assert.Equal("busybox:1.37", p.At("spec.containers")?[0]?["image"]?.ToString()));
        Assert.Single(pods.Select(p => p.Labels()?["controller-revision-hash"]?.ToString()).Distinct());
        Assert.All(pods, p => Assert.Equal("2", p.Labels()?["pod-template-generation"]?.ToString()));
        var ds = sim.Require("apps/v1", "DaemonSet", "default", "agent");
        Assert.Equal(2, ds.Int("status.updatedNumberScheduled"));
        Assert.Equal(2, ds.Int("status.observedGeneration"));
        Assert.Equal(2, sim.List("apps/v1", "ControllerRevision", "default").Count);
        Assert.Equal(4, sim.EventMessages("default", "agent", "SuccessfulCreate").Count);
        Assert.Equal(2, sim.EventMessages("default", "agent", "SuccessfulDelete").Count);
    }
}
