using System.Text.Json.Nodes;
using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class StatsSummaryTests
{
    private static JsonObject Node(bool controlPlane) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = controlPlane ? "kubemcp-control-plane" : "kubemcp-worker",
            ["creationTimestamp"] = "2025-03-14T09:00:00Z",
            ["labels"] = controlPlane ? new JsonObject { ["node-role.kubernetes.io/control-plane"] = "" } : new JsonObject(),
        },
        ["status"] = new JsonObject
        {
            ["capacity"] = new JsonObject { ["cpu"] = "4", ["memory"] = "8148516Ki", ["ephemeral-storage"] = "102626232Ki" },
        },
    };

    [Fact]
    public void Build_ReportsTheNodeInTheKubeletsSummaryShape()
    {
        var summary = StatsSummary.Build(Node(controlPlane: false), [], Instances.Start);
        var node = summary["node"]!.AsObject();

        Assert.Equal("kubemcp-worker", node["nodeName"]!.ToString());
        Assert.Equal("2025-03-14T08:59:40Z", node["startTime"]!.ToString());
        Assert.Equal(["kubelet", "runtime", "pods"], node["systemContainers"]!.AsArray().Select(c => c!["name"]!.ToString()));
        var memory = node["memory"]!;
        Assert.Equal(8148516L * 1024, memory["availableBytes"]!.GetValue<long>() + memory["workingSetBytes"]!.GetValue<long>());
        Assert.InRange(memory["workingSetBytes"]!.GetValue<long>(), 200L * 1024 * 1024, 260L * 1024 * 1024);
        Assert.Equal(102626232L * 1024, node["fs"]!["capacityBytes"]!.GetValue<long>());
        Assert.True(node["fs"]!["usedBytes"]!.GetValue<long>() < node["fs"]!["capacityBytes"]!.GetValue<long>());
        Assert.NotNull(node["runtime"]!["imageFs"]!["usedBytes"]);
        Assert.NotNull(node["rlimit"]!["maxpid"]);
        Assert.Equal("eth0", node["network"]!["interfaces"]![0]!["name"]!.ToString());
        Assert.Empty(summary["pods"]!.AsArray());
    }

    [Fact]
    public void Build_ControlPlaneCarriesTheControlPlaneComponents()
    {
        var worker = StatsSummary.Build(Node(controlPlane: false), [], Instances.Start)["node"]!;
        var controlPlane = StatsSummary.Build(Node(controlPlane: true), [], Instances.Start)["node"]!;

        Assert.True(controlPlane["cpu"]!["usageNanoCores"]!.GetValue<long>() > 3 * worker["cpu"]!["usageNanoCores"]!.GetValue<long>());
        Assert.True(controlPlane["memory"]!["workingSetBytes"]!.GetValue<long>() > 2 * worker["memory"]!["workingSetBytes"]!.GetValue<long>());
    }
}
