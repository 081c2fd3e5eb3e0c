using System.Text.Json.Nodes;
using KubeMcp.Cluster;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Serialization;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.Tests.Cluster.Controllers;

/// <summary>
/// An in-process embedded cluster on a fake clock, with the few operations controller tests need: create objects
/// from YAML, read them back, hand-set pod status (for pods on a node no simulated kubelet runs), advance time.
/// </summary>
internal sealed class SimulatedCluster : IAsyncDisposable
{
    /// <summary>A node with no simulated kubelet: pods bound there keep whatever status the test gives them.</summary>
    public const string ManualNode = "manual-node";

    private static readonly WriteOptions Write = new("controller-tests");

    private SimulatedCluster(EmbeddedCluster cluster, FakeTimeProvider clock)
    {
        Cluster = cluster;
        Clock = clock;
    }

    public EmbeddedCluster Cluster { get; }

    public FakeTimeProvider Clock { get; }

    public ObjectRegistry Registry => Cluster.Registry;

    public static async Task<SimulatedCluster> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Clock = clock, PreloadedImages = ["nginx:1.27", "busybox:1.36", "postgres:16"] }, TestContext.Current.CancellationToken);
        return new SimulatedCluster(cluster, clock);
    }

    public ResourceType Type(string apiVersion, string kind) =>
        Registry.Catalog.FindByApiVersionKind(apiVersion, kind) ?? throw new ArgumentException($"no resource {apiVersion} {kind}");

    /// <summary>Creates every document in the YAML and returns the stored objects.</summary>
    public IReadOnlyList<JsonObject> Apply(string yaml)
    {
        var created = new List<JsonObject>();
        foreach (var doc in YamlDocuments.Parse(yaml))
        {
            var obj = doc.AsObject();
            var type = Type(obj["apiVersion"]!.ToString(), obj["kind"]!.ToString());
            var ns = type.Namespaced ? obj.Namespace() is { Length: > 0 } n ? n : "default" : null;
            created.Add(Registry.Create(type, ns, obj, Write));
        }
        return created;
    }

    public JsonObject? Get(string apiVersion, string kind, string? ns, string name) =>
        Registry.TryGet(Type(apiVersion, kind), ns, name);

    public JsonObject Require(string apiVersion, string kind, string? ns, string name) =>
        Get(apiVersion, kind, ns, name) ?? throw new InvalidOperationException($"{kind} {ns}/{name} does not exist");

    public IReadOnlyList<JsonObject> List(string apiVersion, string kind, string? ns) =>
        Registry.Store.List(Type(apiVersion, kind).StorageKey, ns).Items;

    public IReadOnlyList<JsonObject> Pods(string ns = "default") => List("v1", "Pod", ns).OrderBy(p => p.Name(), StringComparer.Ordinal).ToList();

    /// <summary>Replaces an object's spec-side fields through a mutation of a copy of the stored object.</summary>
    public JsonObject Update(string apiVersion, string kind, string? ns, string name, Action<JsonObject> change)
    {
        var type = Type(apiVersion, kind);
        var next = Require(apiVersion, kind, ns, name).DeepClone().AsObject();
        change(next);
        return Registry.Update(type, ns, name, next, Write);
    }

    public JsonObject UpdateStatus(string apiVersion, string kind, string? ns, string name, Action<JsonObject> change)
    {
        var type = Type(apiVersion, kind);
        var next = Require(apiVersion, kind, ns, name).DeepClone().AsObject();
        change(next.Ensure("status"));
        return Registry.Update(type, ns, name, next, Write, "status");
    }

    public void Delete(string apiVersion, string kind, string? ns, string name, DeleteOptions? options = null) =>
        Registry.Delete(Type(apiVersion, kind), ns, name, options ?? DeleteOptions.Default);

    /// <summary>Adds a Ready node that no simulated kubelet runs.</summary>
    public JsonObject AddManualNode(string name = ManualNode, params (string Key, string Value)[] labels)
    {
        var node = YamlDocuments.Parse($$"""
            apiVersion: v1
            kind: Node
            metadata:
              name: {{name}}
              labels:
                kubernetes.io/hostname: {{name}}
            status:
              allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
              capacity: {cpu: "4", memory: 8Gi, pods: "110"}
              conditions:
              - {type: Ready, status: "True", reason: KubeletReady, message: kubelet is posting ready status}
            """)[0].AsObject();
        foreach (var (key, value) in labels)
        {
            node.Ensure("metadata.labels")[key] = value;
        }
        return Registry.Create(Type("v1", "Node"), null, node, Write);
    }

    /// <summary>Sets a pod's phase, and Ready when running and ready, as its kubelet would report it.</summary>
    public JsonObject SetPod(string ns, string name, string phase, bool ready = false, string? podIp = null)
    {
        var stamp = Clock.GetUtcNow().Timestamp();
        return UpdateStatus("v1", "Pod", ns, name, status =>
        {
            status["phase"] = phase;
            status["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Ready",
                ["status"] = ready ? "True" : "False",
                ["lastTransitionTime"] = stamp,
            });
            if (podIp is not null)
            {
                status["podIP"] = podIp;
                status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp });
            }
        });
    }

    public IReadOnlyList<JsonObject> Events(string ns, string involvedName) =>
        List("v1", "Event", ns).Where(e => e.Str("involvedObject.name") == involvedName)
            .OrderBy(e => e.ResourceVersionNumber()).ToList();

    public IReadOnlyList<string> EventMessages(string ns, string involvedName, string reason) =>
        Events(ns, involvedName).Where(e => e.Str("reason") == reason).Select(e => e.Str("message") ?? "").ToList();

    public Task SettleAsync() => Cluster.SettleAsync(TestContext.Current.CancellationToken);

    public async Task AdvanceAsync(TimeSpan by)
    {
        await SettleAsync();
        Clock.Advance(by);
        await SettleAsync();
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
