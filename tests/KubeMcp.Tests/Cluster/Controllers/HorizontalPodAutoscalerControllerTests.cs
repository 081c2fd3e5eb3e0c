using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Controllers.Autoscaling;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Tests.Cluster.Controllers;

public sealed class HorizontalPodAutoscalerControllerTests
{
    private static string Deployment(int replicas, string? cpuUsage = null, string requests = "resources: {requests: {cpu: 100m, memory: 64Mi}}")
    {
        var annotations = cpuUsage is null ? "" : $"annotations: {{sim.kubemcp.io/cpu-usage: {cpuUsage}}}";
        return $$$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: {{{replicas}}}
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web}
                  {{{annotations}}}
                spec:
                  containers: [{name: app, image: "nginx:1.27", {{{requests}}}}]
            """;
    }

    private static string Autoscaler(int min, int max, int target) => $$$"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: default}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: {{{min}}}
          maxReplicas: {{{max}}}
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: {{{target}}}}}
        """;

    private static JsonObject Condition(JsonObject hpa, string type) =>
        ((JsonArray)hpa.At("status.conditions")!).OfType<JsonObject>().Single(c => c.Str("type") == type);

    private static (string?, string?) StatusAndReason(JsonObject hpa, string type) =>
        (Condition(hpa, type).Str("status"), Condition(hpa, type).Str("reason"));

    [Fact]
    public async Task HighUtilization_ScalesTheTargetUp()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Deployment(2, cpuUsage: "90m"));
        await sim.RunForAsync(TimeSpan.FromSeconds(30));
        sim.Apply(Autoscaler(1, 10, 50));
        await sim.SettleAsync();

        Assert.Equal(4, sim.Require("apps/v1", "Deployment", "default", "web").Int("spec.replicas"));
        var hpa = sim.Require("autoscaling/v2", "HorizontalPodAutoscaler", "default", "web");
        Assert.Equal(["New size: 4; reason: cpu resource utilization (percentage of request) above target"],
            sim.EventMessages("default", "web", "SuccessfulRescale"));
        Assert.Equal(2, hpa.Int("status.currentReplicas"));
        Assert.Equal(4, hpa.Int("status.desiredReplicas"));
        Assert.NotNull(hpa.Str("status.lastScaleTime"));
        Assert.Equal(90, hpa.At("status.currentMetrics")?[0]?["resource"]?["current"]?["averageUtilization"]?.GetValue<int>());
        Assert.Equal("90m", hpa.At("status.currentMetrics")?[0]?["resource"]?["current"]?["averageValue"]?.ToString());
        Assert.Equal(("True", "SucceededRescale"), StatusAndReason(hpa, "AbleToScale"));
        Assert.Equal("the HPA controller was able to update the target scale to 4", Condition(hpa, "AbleToScale").Str("message"));
        Assert.Equal(("True", "ValidMetricFound"), StatusAndReason(hpa, "ScalingActive"));
        Assert.Equal(("False", "DesiredWithinRange"), StatusAndReason(hpa, "ScalingLimited"));

        // The new pods run at the same use, so the next sync (15 s later) scales again.
        await sim.RunForAsync(TimeSpan.FromSeconds(15));
        hpa = sim.Require("autoscaling/v2", "HorizontalPodAutoscaler", "default", "web");
        Assert.Equal(4, hpa.Int("status.currentReplicas"));
        Assert.Equal(8, sim.Require("apps/v1", "Deployment", "default", "web").Int("spec.replicas"));
    }

    [Fact]
    public async Task MaxReplicas_LimitsTheScale()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Deployment(2, cpuUsage: "90m"));
        await sim.RunForAsync(TimeSpan.FromSeconds(30));
        sim.Apply(Autoscaler(1, 3, 50));
        await sim.SettleAsync();

        Assert.Equal(3, sim.Require("apps/v1", "Deployment", "default", "web").Int("spec.replicas"));
        var hpa = sim.Require("autoscaling/v2", "HorizontalPodAutoscaler", "default", "web");
        Assert.Equal(("True", "TooManyReplicas"), StatusAndReason(hpa, "ScalingLimited"));
        Assert.Equal("the desired replica count is more than the maximum replica count", Condition(hpa, "ScalingLimited").Str("message"));
    }

    [Fact]
    public async Task LowUtilization_ScalesDownOnlyAfterTheStabilizationWindow()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Deployment(4));
        await sim.RunForAsync(TimeSpan.FromSeconds(30));
        sim.Apply(Autoscaler(1, 10, 80));
        await sim.SettleAsync();

        var hpa = sim.Require("autoscaling/v2", "HorizontalPodAutoscaler", "default", "web");
        Assert.Equal(30, hpa.At("status.currentMetrics")?[0]?["resource"]?["current"]?["averageUtilization"]?.GetValue<int>());
        Assert.Equal(4, hpa.Int("status.desiredReplicas"));
        Assert.Equal(("True", "ScaleDownStabilized"), StatusAndReason(hpa, "AbleToScale"));

        for (var i = 0; i < 20; i++)
        {
            await sim.AdvanceAsync(TimeSpan.FromSeconds(15));
        }
        Assert.Equal(2, sim.Require("apps/v1", "Deployment", "default", "web").Int("spec.replicas"));
        Assert.Equal(["New size: 2; reason: All metrics below target"], sim.EventMessages("default", "web", "SuccessfulRescale"));
    }

    [Fact]
    public async Task MissingRequests_MakeScalingInactive()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Deployment(1, requests: "resources: {}"));
        await sim.RunForAsync(TimeSpan.FromSeconds(30));
        sim.Apply(Autoscaler(1, 5, 50));
        await sim.SettleAsync();

        var hpa = sim.Require("autoscaling/v2", "HorizontalPodAutoscaler", "default", "web");
        Assert.Equal(("False", "FailedGetResourceMetric"), StatusAndReason(hpa, "ScalingActive"));
        var pod = sim.Pods().Single().Name();
        Assert.Equal($"the HPA was unable to compute the replica count: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container app of Pod {pod}",
            Condition(hpa, "ScalingActive").Str("message"));
        Assert.Equal([$"failed to get cpu utilization: missing request for cpu in container app of Pod {pod}"],
            sim.EventMessages("default", "web", "FailedGetResourceMetric"));
        Assert.Equal(1, sim.Require("apps/v1", "Deployment", "default", "web").Int("spec.replicas"));
    }

    [Fact]
    public async Task MissingTarget_CannotScale()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Autoscaler(1, 5, 50));
        await sim.SettleAsync();
        var hpa = sim.Require("autoscaling/v2", "HorizontalPodAutoscaler", "default", "web");
        Assert.Equal(("False", "FailedGetScale"), StatusAndReason(hpa, "AbleToScale"));
        Assert.Equal(["deployments.apps \"web\" not found"], sim.EventMessages("default", "web", "FailedGetScale"));
    }

    [Fact]
    public async Task AutoscalingV1_ReportsCurrentCpuUtilization()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Deployment(2, cpuUsage: "60m"));
        await sim.RunForAsync(TimeSpan.FromSeconds(30));
        sim.Apply("""
            apiVersion: autoscaling/v1
            kind: HorizontalPodAutoscaler
            metadata: {name: web, namespace: default}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 5
              targetCPUUtilizationPercentage: 60
            """);
        await sim.SettleAsync();
        var hpa = sim.Require("autoscaling/v1", "HorizontalPodAutoscaler", "default", "web");
        Assert.Equal(60, hpa.Int("status.currentCPUUtilizationPercentage"));
        Assert.Equal(2, hpa.Int("status.desiredReplicas"));
        Assert.Null(hpa.At("status.conditions"));
    }

    [Fact]
    public void RequestBasedMetrics_UseThirtyPercentOfRequestsUnlessAnnotated()
    {
        var pod = YamlDocuments.Parse("""
            metadata:
              annotations: {sim.kubemcp.io/sidecar.cpu-usage: 5m, sim.kubemcp.io/memory-usage: 100Mi}
            spec:
              containers:
              - {name: app, resources: {requests: {cpu: 200m, memory: 128Mi}}}
              - {name: sidecar, resources: {requests: {cpu: 100m}}}
            status: {phase: Running}
            """)[0].AsObject();
        var usage = new RequestBasedPodMetrics().Usage(pod);
        Assert.Equal(new PodUsage(60 + 5, 2 * 100 * 1024 * 1024), usage);

        pod["status"]!["phase"] = "Pending";
        Assert.Null(new RequestBasedPodMetrics().Usage(pod));
    }
}
