using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Defaulting;
using KubeMcp.Tests.Cluster.OpenApi;

namespace KubeMcp.Tests.Cluster.Defaulting;

public sealed class CoreDefaultsTests
{
    private static JsonObject Default(ResourceType type, string json, ObjectDefaulter? defaulter = null)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        (defaulter ?? new ObjectDefaulter()).Apply(type, obj);
        return obj;
    }

    [Fact]
    public void Service_GetsTypeAffinityFamiliesAndTargetPort()
    {
        var svc = Default(Resources.Get("Service"), """{"spec":{"selector":{"app":"web"},"ports":[{"port":80},{"port":443,"targetPort":"https"}]}}""",
            new ObjectDefaulter(() => "10.96.0.10"));

        var spec = svc["spec"]!;
        Assert.Equal("ClusterIP", spec["type"]!.GetValue<string>());
        Assert.Equal("None", spec["sessionAffinity"]!.GetValue<string>());
        Assert.Equal("Cluster", spec["internalTrafficPolicy"]!.GetValue<string>());
        Assert.Equal("SingleStack", spec["ipFamilyPolicy"]!.GetValue<string>());
        Assert.Equal("IPv4", spec["ipFamilies"]![0]!.GetValue<string>());
        Assert.Equal("10.96.0.10", spec["clusterIP"]!.GetValue<string>());
        Assert.Equal("10.96.0.10", spec["clusterIPs"]![0]!.GetValue<string>());
        Assert.Equal("TCP", spec["ports"]![0]!["protocol"]!.GetValue<string>());
        Assert.Equal(80, spec["ports"]![0]!["targetPort"]!.GetValue<int>());
        Assert.Equal("https", spec["ports"]![1]!["targetPort"]!.GetValue<string>());
    }

    [Fact]
    public void Service_WithoutAllocator_LeavesClusterIPToTheCaller()
    {
        var svc = Default(Resources.Get("Service"), """{"spec":{"ports":[{"port":80}]}}""");

        Assert.Null(svc["spec"]!["clusterIP"]);
        Assert.Null(svc["spec"]!["clusterIPs"]);
    }

    [Fact]
    public void HeadlessAndExternalNameServices_AreNotAllocatedAnIP()
    {
        var called = false;
        var defaulter = new ObjectDefaulter(() => { called = true; return "10.0.0.1"; });

        var headless = Default(Resources.Get("Service"), """{"spec":{"clusterIP":"None","ports":[{"port":80}]}}""", defaulter);
        Assert.Equal("None", headless["spec"]!["clusterIPs"]![0]!.GetValue<string>());

        var external = Default(Resources.Get("Service"), """{"spec":{"type":"ExternalName","externalName":"db.example.com"}}""", defaulter);
        Assert.Null(external["spec"]!["ipFamilies"]);
        Assert.Null(external["spec"]!["clusterIP"]);
        Assert.False(called);
    }

    [Fact]
    public void NodePortService_GetsNodePortsAndTrafficPolicy()
    {
        var svc = Default(Resources.Get("Service"), """{"spec":{"type":"LoadBalancer","ports":[{"port":80}]}}""", new ObjectDefaulter(null, () => 30080));

        Assert.Equal(30080, svc["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>());
        Assert.Equal("Cluster", svc["spec"]!["externalTrafficPolicy"]!.GetValue<string>());
        Assert.True(svc["spec"]!["allocateLoadBalancerNodePorts"]!.GetValue<bool>());
    }

    [Fact]
    public void Namespace_GetsFinalizerPhaseAndNameLabel()
    {
        var ns = Default(Resources.Get("Namespace"), """{"metadata":{"name":"team-a"}}""");

        Assert.Equal("kubernetes", ns["spec"]!["finalizers"]![0]!.GetValue<string>());
        Assert.Equal("Active", ns["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("team-a", ns["metadata"]!["labels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
    }

    [Fact]
    public void SecretPvcAndServiceAccount_GetTheirDefaults()
    {
        Assert.Equal("Opaque", Default(Resources.Get("Secret"), """{"data":{}}""")["type"]!.GetValue<string>());
        Assert.Equal("kubernetes.io/tls", Default(Resources.Get("Secret"), """{"type":"kubernetes.io/tls"}""")["type"]!.GetValue<string>());
        var pvc = Default(Resources.Get("PersistentVolumeClaim"), """{"spec":{"accessModes":["ReadWriteOnce"]}}""");
        Assert.Equal("Filesystem", pvc["spec"]!["volumeMode"]!.GetValue<string>());
        Assert.Equal("Pending", pvc["status"]!["phase"]!.GetValue<string>());
        var sa = Default(Resources.Get("ServiceAccount"), """{"metadata":{"name":"x"}}""");
        Assert.Equal("""{"metadata":{"name":"x"}}""", sa.ToJsonString());
    }

    [Fact]
    public void HorizontalPodAutoscalerV2_GetsMinReplicasAndCpuTarget()
    {
        var hpa = Default(Resources.Get("HorizontalPodAutoscaler", "autoscaling", "v2"), """{"spec":{"maxReplicas":5,"behavior":{}}}""");

        Assert.Equal(1, hpa["spec"]!["minReplicas"]!.GetValue<int>());
        Assert.Equal(80, hpa["spec"]!["metrics"]![0]!["resource"]!["target"]!["averageUtilization"]!.GetValue<int>());
        Assert.Equal(300, hpa["spec"]!["behavior"]!["scaleDown"]!["stabilizationWindowSeconds"]!.GetValue<int>());
        Assert.Equal(2, hpa["spec"]!["behavior"]!["scaleUp"]!["policies"]!.AsArray().Count);
    }

    [Fact]
    public void CustomResource_GetsSchemaDefaults()
    {
        var type = OpenApiDocumentsTests.CronTabs("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "replicas":{"type":"integer","default":1},
              "image":{"type":"string"},
              "ports":{"type":"array","items":{"type":"object","properties":{"protocol":{"type":"string","default":"TCP"}}}}}}}}
            """);

        var obj = Default(type, """{"spec":{"image":"x","ports":[{"port":1},{"protocol":"UDP"}]}}""");

        Assert.Equal(1, obj["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("TCP", obj["spec"]!["ports"]![0]!["protocol"]!.GetValue<string>());
        Assert.Equal("UDP", obj["spec"]!["ports"]![1]!["protocol"]!.GetValue<string>());
    }
}
