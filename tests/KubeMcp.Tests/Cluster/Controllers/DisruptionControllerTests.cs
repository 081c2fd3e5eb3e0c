using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Tests.Cluster.Controllers;

public sealed class DisruptionControllerTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: app, image: "nginx:1.27"}]
        """;

    private static string Budget(string name, string rule) => $$$"""
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: {{{name}}}, namespace: default}
        spec:
          {{{rule}}}
          selector: {matchLabels: {app: web}}
        """;

    private static (long?, long?, long?, long?) Counts(JsonObject pdb) =>
        (pdb.Int("status.expectedPods"), pdb.Int("status.desiredHealthy"), pdb.Int("status.currentHealthy"), pdb.Int("status.disruptionsAllowed"));

    [Fact]
    public async Task MinAvailable_AllowsDisruptionsAboveIt()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Deployment);
        sim.Apply(Budget("web", "minAvailable: 2"));
        await sim.SettleAsync();

        var pdb = sim.Require("policy/v1", "PodDisruptionBudget", "default", "web");
        Assert.Equal((3L, 2L, 3L, 1L), Counts(pdb));
        Assert.Equal(1, pdb.Int("status.observedGeneration"));
        var condition = (JsonObject)pdb.At("status.conditions")![0]!;
        Assert.Equal(("DisruptionAllowed", "True", "SufficientPods"), (condition.Str("type"), condition.Str("status"), condition.Str("reason")));
    }

    [Fact]
    public async Task MaxUnavailableAndPercentages_CountTheWorkloadsScale()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Deployment);
        sim.Apply(Budget("one-down", "maxUnavailable: 1"));
        sim.Apply(Budget("all", "minAvailable: 100%"));
        await sim.SettleAsync();

        Assert.Equal((3L, 2L, 3L, 1L), Counts(sim.Require("policy/v1", "PodDisruptionBudget", "default", "one-down")));
        var all = sim.Require("policy/v1", "PodDisruptionBudget", "default", "all");
        Assert.Equal((3L, 3L, 3L, 0L), Counts(all));
        Assert.Equal("InsufficientPods", all.At("status.conditions")?[0]?["reason"]?.ToString());

        // Scaling up raises the expectation before the new pods are healthy.
        sim.Update("apps/v1", "Deployment", "default", "web", d => d["spec"]!["replicas"] = 4);
        await sim.SettleAsync();
        Assert.Equal((4L, 3L, 4L, 1L), Counts(sim.Require("policy/v1", "PodDisruptionBudget", "default", "one-down")));
    }

    [Fact]
    public async Task NoMatchingPods_IsReportedAndAllowsNothing()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Budget("web", "minAvailable: 1"));
        await sim.SettleAsync();
        Assert.Equal((0L, 1L, 0L, 0L), Counts(sim.Require("policy/v1", "PodDisruptionBudget", "default", "web")));
        Assert.Equal(["No matching pods found"], sim.EventMessages("default", "web", "NoPods"));
    }
}
