using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Tests.Cluster.Controllers;

public sealed class StatefulSetControllerTests
{
    private static string Web(int replicas, string policy = "OrderedReady", string? nodeName = null, string image = "nginx:1.27", int partition = 0)
    {
        var pinned = nodeName is null ? "" : "nodeName: " + nodeName;
        return $$$"""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: web, namespace: default}
            spec:
              replicas: {{{replicas}}}
              serviceName: web
              podManagementPolicy: {{{policy}}}
              updateStrategy:
                type: RollingUpdate
                rollingUpdate:
                  partition: {{{partition}}}
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  {{{pinned}}}
                  containers: [{name: nginx, image: "{{{image}}}"}]
            """;
    }

    [Fact]
    public async Task OrderedReady_CreatesEachPodOnlyAfterThePreviousIsRunningAndReady()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Web(3, nodeName: SimulatedCluster.ManualNode));
        await sim.SettleAsync();
        Assert.Equal(["web-0"], sim.Pods().Select(p => p.Name()));

        sim.SetPod("default", "web-0", "Running", ready: true);
        await sim.SettleAsync();
        Assert.Equal(["web-0", "web-1"], sim.Pods().Select(p => p.Name()));

        sim.SetPod("default", "web-1", "Running", ready: false);
        await sim.SettleAsync();
        Assert.Equal(2, sim.Pods().Count);

        sim.SetPod("default", "web-1", "Running", ready: true);
        await sim.SettleAsync();
        Assert.Equal(["web-0", "web-1", "web-2"], sim.Pods().Select(p => p.Name()));
    }

    [Fact]
    public async Task Parallel_CreatesAllPodsAtOnce()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Web(3, policy: "Parallel", nodeName: SimulatedCluster.ManualNode));
        await sim.SettleAsync();
        Assert.Equal(["web-0", "web-1", "web-2"], sim.Pods().Select(p => p.Name()));
    }

    [Fact]
    public async Task Pods_HaveStableIdentityAndStatusCountsThem()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Web(3));
        await sim.SettleAsync();

        var pods = sim.Pods();
        Assert.Equal(["web-0", "web-1", "web-2"], pods.Select(p => p.Name()));
        Assert.All(pods, p => Assert.Equal("Running", p.Str("status.phase")));
        var web1 = pods[1];
        Assert.Equal("web-1", web1.Str("spec.hostname"));
        Assert.Equal("web", web1.Str("spec.subdomain"));
        Assert.Equal("web-1", web1.Labels()?["statefulset.kubernetes.io/pod-name"]?.ToString());
        Assert.Equal("1", web1.Labels()?["apps.kubernetes.io/pod-index"]?.ToString());

        var set = sim.Require("apps/v1", "StatefulSet", "default", "web");
        Assert.Equal(3, set.Int("status.replicas"));
        Assert.Equal(3, set.Int("status.readyReplicas"));
        Assert.Equal(3, set.Int("status.availableReplicas"));
        Assert.Equal(3, set.Int("status.currentReplicas"));
        Assert.Equal(3, set.Int("status.updatedReplicas"));
        Assert.Equal(1, set.Int("status.observedGeneration"));
        var revision = set.Str("status.updateRevision");
        Assert.StartsWith("web-", revision);
        Assert.Equal(revision, set.Str("status.currentRevision"));
        Assert.All(pods, p => Assert.Equal(revision, p.Labels()?["controller-revision-hash"]?.ToString()));
        Assert.Contains("create Pod web-0 in StatefulSet web successful", sim.EventMessages("default", "web", "SuccessfulCreate"));
    }

    [Fact]
    public async Task ScaleDown_DeletesFromTheHighestOrdinalOneAtATime()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Web(3, policy: "OrderedReady", nodeName: SimulatedCluster.ManualNode));
        for (var i = 0; i < 3; i++)
        {
            await sim.SettleAsync();
            sim.SetPod("default", $"web-{i}", "Running", ready: true);
        }
        await sim.SettleAsync();

        sim.Update("apps/v1", "StatefulSet", "default", "web", s => s["spec"]!["replicas"] = 1);
        await sim.SettleAsync();
        // web-2 is terminating (no kubelet on the manual node finishes it), so web-1 must wait.
        var pods = sim.Pods();
        Assert.Equal(["web-0", "web-1", "web-2"], pods.Select(p => p.Name()));
        Assert.NotNull(pods[2]["metadata"]?["deletionTimestamp"]);
        Assert.Null(pods[1]["metadata"]?["deletionTimestamp"]);

        sim.Delete("v1", "Pod", "default", "web-2", new DeleteOptions(GracePeriodSeconds: 0));
        await sim.SettleAsync();
        Assert.NotNull(sim.Require("v1", "Pod", "default", "web-1")["metadata"]?["deletionTimestamp"]);
        Assert.Equal(["delete Pod web-2 in StatefulSet web successful", "delete Pod web-1 in StatefulSet web successful"],
            sim.EventMessages("default", "web", "SuccessfulDelete"));
    }

    [Fact]
    public async Task RollingUpdate_ReplacesPodsInReverseOrdinalOrderDownToThePartition()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Web(3, partition: 1));
        await sim.SettleAsync();
        var before = sim.Require("apps/v1", "StatefulSet", "default", "web").Str("status.currentRevision");

        sim.Update("apps/v1", "StatefulSet", "default", "web", s => s["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:1.28");
        await sim.SettleAsync();

        var set = sim.Require("apps/v1", "StatefulSet", "default", "web");
        var after = set.Str("status.updateRevision");
        Assert.NotEqual(before, after);
        var pods = sim.Pods();
        Assert.Equal([before, after, after], pods.Select(p => p.Labels()?["controller-revision-hash"]?.ToString()));
        Assert.Equal("nginx:1.27", pods[0].At("spec.containers")?[0]?["image"]?.ToString());
        Assert.Equal("nginx:1.28", pods[2].At("spec.containers")?[0]?["image"]?.ToString());
        Assert.Equal(2, set.Int("status.updatedReplicas"));
        Assert.Equal(1, set.Int("status.currentReplicas"));
        Assert.Equal(before, set.Str("status.currentRevision"));
        Assert.Equal(["delete Pod web-2 in StatefulSet web successful", "delete Pod web-1 in StatefulSet web successful"],
            sim.EventMessages("default", "web", "SuccessfulDelete"));

        sim.Update("apps/v1", "StatefulSet", "default", "web", s => s["spec"]!["updateStrategy"]!["rollingUpdate"]!["partition"] = 0);
        await sim.SettleAsync();
        set = sim.Require("apps/v1", "StatefulSet", "default", "web");
        Assert.Equal(after, set.Str("status.currentRevision"));
        Assert.Equal(3, set.Int("status.currentReplicas"));
        var revisions = sim.List("apps/v1", "ControllerRevision", "default").OrderBy(r => r.Int("revision")).ToList();
        Assert.Equal([before, after], revisions.Select(r => r.Name()));
        Assert.Equal([1L, 2L], revisions.Select(r => r.Int("revision") ?? 0));
    }

    [Fact]
    public async Task VolumeClaimTemplates_CreateOneClaimPerPodMountedUnderTheTemplateName()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: 2
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: pg, image: "postgres:16", volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]}]
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
            """);
        await sim.SettleAsync();

        var claims = sim.List("v1", "PersistentVolumeClaim", "default").Select(c => c.Name()).Order(StringComparer.Ordinal);
        Assert.Equal(["data-db-0", "data-db-1"], claims);
        var claim = sim.Require("v1", "PersistentVolumeClaim", "default", "data-db-1");
        Assert.Equal("db", claim.Labels()?["app"]?.ToString());
        var volume = ((JsonArray)sim.Require("v1", "Pod", "default", "db-1").At("spec.volumes")!).OfType<JsonObject>().Single(v => v.Str("name") == "data");
        Assert.Equal("data-db-1", volume.Str("persistentVolumeClaim.claimName"));
        Assert.Contains("create Claim data-db-0 Pod db-0 in StatefulSet db success", sim.EventMessages("default", "db", "SuccessfulCreate"));
    }
}
