using System.Diagnostics;
using System.Text.Json.Nodes;
using KubeMcp.Cluster;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Benchmarks.Cluster;

/// <summary>
/// The realistic path on a fresh cluster: one Deployment whose pods the ReplicaSet controller creates, the scheduler
/// binds and the simulated kubelets start, then the same list measurements.
/// </summary>
internal static class RealisticWorkload
{
    public static async Task<string> RunAsync(int replicas, bool runKubectl)
    {
        var directory = Directory.CreateTempSubdirectory("kubemcp-bench-real-").FullName;
        try
        {
            await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions());
            var kubeconfig = cluster.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
            using var lists = new ListMeasurements(cluster, kubeconfig, directory, runKubectl);
            var registry = cluster.Registry;
            var deployments = registry.Catalog.Find("apps", "v1", "deployments")!;
            var pods = registry.Catalog.Find("", "v1", "pods")!;
            var started = Stopwatch.StartNew();
            registry.Create(deployments, "default", Deployment(replicas), new WriteOptions("bench"));
            var running = 0;
            while (started.Elapsed < TimeSpan.FromMinutes(5))
            {
                await cluster.SettleAsync();
                running = registry.List(pods, "default", new ListOptions(FieldSelector: "status.phase=Running")).Items.Count;
                if (running >= replicas)
                {
                    break;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
            var ready = started.Elapsed;
            var memory = Memory.Measure();
            var kubectl = await lists.KubectlGetPodsAsync();
            var table = await lists.TableListAsync();
            return $"**Realistic workload** (fresh cluster): a Deployment of {replicas} replicas on the simulated nodes (two schedulable workers of 110 pods each) had " +
                   $"{running} pods Running after {Format.Ms(ready)} (ReplicaSet controller, scheduler and kubelets included). " +
                   $"Then `kubectl get pods -A` took {kubectl}, a one-request Table list {table}; {memory}.";
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static JsonObject Deployment(int replicas) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = "shop" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "shop" } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "shop" } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "shop",
                        ["image"] = "nginx:1.27",
                        ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "10m", ["memory"] = "16Mi" } },
                    }),
                },
            },
        },
    };
}
