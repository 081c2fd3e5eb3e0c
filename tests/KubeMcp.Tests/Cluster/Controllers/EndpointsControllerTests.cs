using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Tests.Cluster.Controllers;

public sealed class EndpointsControllerTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: default, labels: {tier: front}}
        spec:
          selector: {app: web}
          ports:
          - {name: http, port: 80, targetPort: http}
          - {name: metrics, port: 9090, targetPort: 9100}
        """;

    private static string Pod(string name, string labels = "{app: web}") => $$$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{{name}}}, namespace: default, labels: {{{labels}}}}
        spec:
          nodeName: {{{SimulatedCluster.ManualNode}}}
          containers: [{name: app, image: "nginx:1.27", ports: [{name: http, containerPort: 8080}]}]
        """;

    private static JsonArray Subsets(SimulatedCluster sim) =>
        sim.Require("v1", "Endpoints", "default", "web")["subsets"] as JsonArray ?? [];

    [Fact]
    public async Task ReadyPods_BecomeAddressesWithResolvedPorts()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Service);
        sim.Apply("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: app, image: "nginx:1.27", ports: [{name: http, containerPort: 8080}]}]
            """);
        await sim.SettleAsync();

        var subset = Assert.Single(Subsets(sim))!.AsObject();
        var addresses = ((JsonArray)subset["addresses"]!).OfType<JsonObject>().ToList();
        var pods = sim.Pods();
        Assert.Equal(pods.Select(p => p.Str("status.podIP")).Order(StringComparer.Ordinal), addresses.Select(a => a.Str("ip")));
        Assert.All(addresses, a => Assert.Equal("Pod", a.Str("targetRef.kind")));
        Assert.All(addresses, a => Assert.Equal(pods.Single(p => p.Name() == a.Str("targetRef.name")).Str("spec.nodeName"), a.Str("nodeName")));
        Assert.Equal(
            [("http", 8080L, "TCP"), ("metrics", 9100L, "TCP")],
            ((JsonArray)subset["ports"]!).OfType<JsonObject>().Select(p => (p.Str("name"), p.Int("port") ?? 0, p.Str("protocol"))).OrderBy(p => p.Item1));
        Assert.Equal("front", sim.Require("v1", "Endpoints", "default", "web").Labels()?["tier"]?.ToString());
    }

    [Fact]
    public async Task NotReadyPods_AreListedApartAndPodsWithoutTheNamedPortAreLeftOutOfThatPort()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Service);
        sim.Apply(Pod("a"));
        sim.Apply(Pod("b"));
        sim.Apply(Pod("c").Replace("ports: [{name: http, containerPort: 8080}]", "ports: []", StringComparison.Ordinal));
        sim.SetPod("default", "a", "Running", ready: true, podIp: "10.244.9.1");
        sim.SetPod("default", "b", "Running", ready: false, podIp: "10.244.9.2");
        sim.SetPod("default", "c", "Running", ready: true, podIp: "10.244.9.3");
        await sim.SettleAsync();

        var subsets = Subsets(sim).OfType<JsonObject>().ToList();
        Assert.Equal(2, subsets.Count);
        var both = subsets.Single(s => ((JsonArray)s["ports"]!).Count == 2);
        Assert.Equal(["10.244.9.1"], ((JsonArray)both["addresses"]!).Select(a => a!["ip"]!.ToString()));
        Assert.Equal(["10.244.9.2"], ((JsonArray)both["notReadyAddresses"]!).Select(a => a!["ip"]!.ToString()));
        var metricsOnly = subsets.Single(s => ((JsonArray)s["ports"]!).Count == 1);
        Assert.Equal(["10.244.9.3"], ((JsonArray)metricsOnly["addresses"]!).Select(a => a!["ip"]!.ToString()));
    }

    [Fact]
    public async Task Relabelling_OrDeletingThePodOrTheService_UpdatesTheEndpoints()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Service);
        sim.Apply(Pod("a"));
        sim.SetPod("default", "a", "Running", ready: true, podIp: "10.244.9.1");
        await sim.SettleAsync();
        Assert.Single(Subsets(sim));

        sim.Update("v1", "Pod", "default", "a", p => p.Ensure("metadata.labels")["app"] = "other");
        await sim.SettleAsync();
        Assert.Empty(Subsets(sim));

        sim.Delete("v1", "Service", "default", "web");
        await sim.SettleAsync();
        Assert.Null(sim.Get("v1", "Endpoints", "default", "web"));
    }

    [Fact]
    public async Task ServiceWithoutSelector_KeepsItsManualEndpoints()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply("""
            apiVersion: v1
            kind: Service
            metadata: {name: external, namespace: default}
            spec:
              ports: [{port: 5432}]
            ---
            apiVersion: v1
            kind: Endpoints
            metadata: {name: external, namespace: default}
            subsets: [{addresses: [{ip: 192.0.2.10}], ports: [{port: 5432}]}]
            """);
        await sim.SettleAsync();
        Assert.Equal("192.0.2.10", sim.Require("v1", "Endpoints", "default", "external").At("subsets")?[0]?["addresses"]?[0]?["ip"]?.ToString());
        Assert.DoesNotContain(sim.List("discovery.k8s.io/v1", "EndpointSlice", "default"), s => s.Labels()?["kubernetes.io/service-name"]?.ToString() == "external");
    }

    [Fact]
    public async Task EndpointSlice_ListsEveryPodWithConditionsIncludingTerminatingOnes()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Service);
        sim.Apply(Pod("a"));
        sim.Apply(Pod("b"));
        sim.SetPod("default", "a", "Running", ready: true, podIp: "10.244.9.1");
        sim.SetPod("default", "b", "Running", ready: true, podIp: "10.244.9.2");
        await sim.SettleAsync();
        sim.Delete("v1", "Pod", "default", "b");
        await sim.SettleAsync();

        var slice = Assert.Single(sim.List("discovery.k8s.io/v1", "EndpointSlice", "default"), s => s.Labels()?["kubernetes.io/service-name"]?.ToString() == "web");
        Assert.StartsWith("web-", slice.Name());
        Assert.Equal("endpointslice-controller.k8s.io", slice.Labels()?["endpointslice.kubernetes.io/managed-by"]?.ToString());
        Assert.Equal("IPv4", slice.Str("addressType"));
        Assert.Equal("Service", slice.At("metadata.ownerReferences")?[0]?["kind"]?.ToString());
        Assert.Equal(["http", "metrics"], ((JsonArray)slice["ports"]!).Select(p => p!["name"]!.ToString()));
        var endpoints = ((JsonArray)slice["endpoints"]!).OfType<JsonObject>().OrderBy(e => e.At("addresses")?[0]?.ToString()).ToList();
        Assert.Equal((true, true, false), Conditions(endpoints[0]));
        Assert.Equal((false, true, true), Conditions(endpoints[1]));
        Assert.Equal("b", endpoints[1].Str("targetRef.name"));
        Assert.Equal(SimulatedCluster.ManualNode, endpoints[1].Str("nodeName"));

        sim.Delete("v1", "Pod", "default", "a", new DeleteOptions(GracePeriodSeconds: 0));
        sim.Delete("v1", "Pod", "default", "b", new DeleteOptions(GracePeriodSeconds: 0));
        await sim.SettleAsync();
        var placeholder = Assert.Single(sim.List("discovery.k8s.io/v1", "EndpointSlice", "default"), s => s.Labels()?["kubernetes.io/service-name"]?.ToString() == "web");
        Assert.Equal(slice.Name(), placeholder.Name());
        Assert.Empty((JsonArray)placeholder["endpoints"]!);
        Assert.Null(placeholder["ports"]);

        static (bool, bool, bool) Conditions(JsonObject e) =>
            (e.At("conditions.ready")!.GetValue<bool>(), e.At("conditions.serving")!.GetValue<bool>(), e.At("conditions.terminating")!.GetValue<bool>());
    }
}
