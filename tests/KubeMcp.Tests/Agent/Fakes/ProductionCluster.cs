using System.Text.Json.Nodes;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Tests.Agent.Fakes;

/// <summary>
/// Canned MCP tool output for a "production is failing" cluster: two crash-looping pods (one cannot reach its
/// database, one panics), one pod whose image tag does not exist, and a healthy one. Deleting a controller-owned pod
/// makes its replacement appear in the next pods_list, as a ReplicaSet would.
/// </summary>
internal sealed class ProductionCluster
{
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);

    public const string Api = "api-7c9d8f6b5-x2k4p";
    public const string Worker = "worker-5f6d7c8b9-q8w2e";
    public const string Web = "web-6b7c8d9f0-z9y8x";
    public const string Cache = "cache-0";

    public IReadOnlyCollection<string> Deleted => _deleted;

    public FakeToolExecutor CreateExecutor(params ToolDescriptor[] tools) =>
        new FakeToolExecutor(tools.Length > 0 ? tools : KubeTools.Core)
            .On("pods_list", PodsList)
            .On("pods_get", args => ToolResult.Success(PodYaml(args["name"]!.ToString())))
            .On("pods_log", PodsLog)
            .On("events_list", _ => ToolResult.Success(Events))
            .On("pods_delete", args =>
            {
                _deleted.Add(args["name"]!.ToString());
                return ToolResult.Success($"Pod deleted: production/{args["name"]}");
            });

    private ToolResult PodsList(JsonObject args)
    {
        var ns = args["namespace"]?.ToString();
        if (ns is not null && ns != "production")
        {
            return ToolResult.Success("No resources found in " + ns + " namespace.");
        }

        List<string[]> rows =
        [
            _deleted.Contains(Api) ? ["api-7c9d8f6b5-n3w1p", "1/1", "Running", "0", "5s", "node-1"] : [Api, "0/1", "CrashLoopBackOff", "5 (30s ago)", "10m", "node-1"],
            _deleted.Contains(Worker) ? ["worker-5f6d7c8b9-m4t7k", "0/1", "ContainerCreating", "0", "5s", "node-1"] : [Worker, "0/1", "CrashLoopBackOff", "4 (1m ago)", "10m", "node-1"],
            [Web, "0/1", "ImagePullBackOff", "0", "10m", "node-2"],
            [Cache, "1/1", "Running", "0", "3d", "node-2"],
        ];
        var header = ns is null
            ? new[] { "NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE" }
            : new[] { "NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE" };
        var table = rows.Select(r => ns is null ? ["production", .. r] : r).Prepend(header).ToList();
        return ToolResult.Success(Format(table));
    }

    private static ToolResult PodsLog(JsonObject args) => args["name"]!.ToString() switch
    {
        Api => ToolResult.Success("""
            2026-01-01T10:00:00Z INFO  starting api v2.3.1
            2026-01-01T10:00:01Z INFO  connecting to database postgres.production.svc:5432
            2026-01-01T10:00:06Z ERROR failed to connect to database: dial tcp 10.96.4.12:5432: connect: connection refused
            2026-01-01T10:00:06Z INFO  shutting down
            """),
        Worker => ToolResult.Success("""
            worker starting, 4 threads
            processing batch 1
            panic: runtime error: invalid memory address or nil pointer dereference
            [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a2b3c]
            """),
        var name => ToolResult.Error($"container in pod \"{name}\" is waiting to start: trying and failing to pull image"),
    };

    public static string PodYaml(string name) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: production
          labels:
            app: {name.Split('-')[0]}
          ownerReferences:
          - apiVersion: apps/v1
            blockOwnerDeletion: true
            controller: true
            kind: {(name == Cache ? "StatefulSet" : "ReplicaSet")}
            name: {(name == Cache ? "cache" : string.Join('-', name.Split('-')[..2]))}
            uid: 6f1c2d3e
        spec:
          containers:
          - image: registry.example/{name.Split('-')[0]}:2.3.1
            name: {name.Split('-')[0]}
        status:
          phase: Running
        """;

    public const string Events = """
        NAMESPACE    LAST SEEN   TYPE      REASON      OBJECT                           MESSAGE
        production   30s         Warning   BackOff     pod/api-7c9d8f6b5-x2k4p          Back-off restarting failed container api in pod api-7c9d8f6b5-x2k4p_production
        production   1m          Warning   BackOff     pod/worker-5f6d7c8b9-q8w2e       Back-off restarting failed container worker in pod worker-5f6d7c8b9-q8w2e_production
        production   2m          Warning   Failed      pod/web-6b7c8d9f0-z9y8x          Failed to pull image "nginx:1.99-doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99-doesnotexist": not found
        production   2m          Warning   Failed      pod/web-6b7c8d9f0-z9y8x          Error: ImagePullBackOff
        production   3d          Normal    Scheduled   pod/cache-0                      Successfully assigned production/cache-0 to node-2
        """;

    public static string Format(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return string.Join('\n', rows.Select(r => string.Join("   ", r.Select((c, i) => c.PadRight(widths[i]))).TrimEnd())) + "\n";
    }
}
