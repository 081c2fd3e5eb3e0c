using System.Diagnostics;
using System.Text.Json.Nodes;
using KubeMcp.Cluster;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Benchmarks.Cluster;

/// <summary>Creates Running pods in bulk through the registry, on a node no kubelet simulates.</summary>
internal sealed class PodLoad(EmbeddedCluster cluster)
{
    public const int Namespaces = 10;

    private int _count;

    public async Task<TimeSpan> GrowToAsync(int target)
    {
        var registry = cluster.Registry;
        var pods = registry.Catalog.Find("", "v1", "pods")!;
        var namespaces = registry.Catalog.Find("", "v1", "namespaces")!;
        var write = new WriteOptions("bench");
        var started = Stopwatch.StartNew();
        for (var n = 0; n < Namespaces && _count == 0; n++)
        {
            registry.Create(namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"bench-{n}" } }, write);
        }
        for (; _count < target; _count++)
        {
            var ns = $"bench-{_count % Namespaces}";
            var name = $"app-{_count / 100:D4}-{_count % 100:D2}";
            var created = registry.Create(pods, ns, Pod(name, _count), write);
            registry.Update(pods, ns, name, WithStatus(created, _count), write, "status");
        }
        await cluster.SettleAsync();
        return started.Elapsed;
    }

    /// <summary>The <paramref name="i"/>th pod as created.</summary>
    public static JsonObject Pod(string name, int i) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { ["app"] = $"app-{i / 100:D4}", ["tier"] = i % 3 == 0 ? "web" : "worker" },
            ["annotations"] = new JsonObject { ["example.com/build"] = $"build-{i % 7}" },
        },
        ["spec"] = new JsonObject
        {
            ["nodeName"] = $"bench-node-{i % 50:D2}",
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "app",
                ["image"] = "registry.example.com/shop/app:1.4.2",
                ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["name"] = "http" }),
                ["env"] = new JsonArray(new JsonObject { ["name"] = "MODE", ["value"] = "production" }),
                ["resources"] = new JsonObject
                {
                    ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" },
                    ["limits"] = new JsonObject { ["memory"] = "256Mi" },
                },
            }),
        },
    };

    /// <summary>A copy of the <paramref name="i"/>th pod with the status of a started pod.</summary>
    public static JsonObject WithStatus(JsonObject pod, int i)
    {
        var next = pod.DeepClone().AsObject();
        const string Started = "2026-01-01T00:00:00Z";
        var ip = $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}";
        next["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["hostIP"] = "192.168.0.10",
            ["podIP"] = ip,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = ip }),
            ["startTime"] = Started,
            ["qosClass"] = "Burstable",
            ["conditions"] = new JsonArray(
                Condition("PodReadyToStartContainers", Started), Condition("Initialized", Started), Condition("Ready", Started),
                Condition("ContainersReady", Started), Condition("PodScheduled", Started)),
            ["containerStatuses"] = new JsonArray(new JsonObject
            {
                ["name"] = "app",
                ["image"] = "registry.example.com/shop/app:1.4.2",
                ["imageID"] = "registry.example.com/shop/app@sha256:" + new string('a', 64),
                ["containerID"] = $"containerd://{i:x32}",
                ["ready"] = true,
                ["started"] = true,
                ["restartCount"] = 0,
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Started } },
            }),
        };
        return next;
    }

    private static JsonObject Condition(string type, string at) => new()
    {
        ["type"] = type, ["status"] = "True", ["lastProbeTime"] = null, ["lastTransitionTime"] = at,
    };
}
