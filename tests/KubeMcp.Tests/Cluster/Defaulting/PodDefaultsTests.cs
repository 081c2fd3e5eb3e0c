using System.Text.Json.Nodes;
using KubeMcp.Cluster.Defaulting;

namespace KubeMcp.Tests.Cluster.Defaulting;

public sealed class PodDefaultsTests
{
    private readonly ObjectDefaulter _defaulter = new();

    private JsonObject Default(string json)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        _defaulter.Apply(Resources.Get("Pod"), obj);
        return obj;
    }

    [Fact]
    public void MinimalPod_GetsTheApiServerDefaults()
    {
        var pod = Default("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"nginx","ports":[{"containerPort":80}]}]}}""");

        var spec = pod["spec"]!;
        Assert.Equal("Always", spec["restartPolicy"]!.GetValue<string>());
        Assert.Equal("ClusterFirst", spec["dnsPolicy"]!.GetValue<string>());
        Assert.Equal("default-scheduler", spec["schedulerName"]!.GetValue<string>());
        Assert.Equal(30, spec["terminationGracePeriodSeconds"]!.GetValue<int>());
        Assert.Empty(spec["securityContext"]!.AsObject());
        Assert.Equal("default", spec["serviceAccountName"]!.GetValue<string>());
        Assert.Equal("default", spec["serviceAccount"]!.GetValue<string>());
        Assert.True(spec["enableServiceLinks"]!.GetValue<bool>());
        Assert.Equal(0, spec["priority"]!.GetValue<int>());
        Assert.Equal("PreemptLowerPriority", spec["preemptionPolicy"]!.GetValue<string>());
        var tolerations = spec["tolerations"]!.AsArray();
        Assert.Equal(["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"], tolerations.Select(t => t!["key"]!.GetValue<string>()));
        Assert.All(tolerations, t => Assert.Equal(300, t!["tolerationSeconds"]!.GetValue<int>()));
        var container = spec["containers"]![0]!;
        Assert.Equal("/dev/termination-log", container["terminationMessagePath"]!.GetValue<string>());
        Assert.Equal("File", container["terminationMessagePolicy"]!.GetValue<string>());
        Assert.Equal("Always", container["imagePullPolicy"]!.GetValue<string>());
        Assert.Empty(container["resources"]!.AsObject());
        Assert.Equal("TCP", container["ports"]![0]!["protocol"]!.GetValue<string>());
        Assert.Equal("Pending", pod["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("BestEffort", pod["status"]!["qosClass"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("nginx:1.27", "IfNotPresent")]
    [InlineData("registry.local:5000/team/nginx", "Always")]
    [InlineData("registry.local:5000/team/nginx:2", "IfNotPresent")]
    [InlineData("nginx@sha256:0123456789abcdef", "IfNotPresent")]
    [InlineData("", "IfNotPresent")]
    public void ImagePullPolicy_DependsOnTheTag(string image, string expected) =>
        Assert.Equal(expected, PodSpecDefaults.PullPolicyFor(image));

    [Fact]
    public void ExplicitValues_AreKept()
    {
        var pod = Default("""{"spec":{"restartPolicy":"Never","serviceAccountName":"builder","priorityClassName":"high","containers":[{"name":"c","image":"nginx","imagePullPolicy":"Never"}]}}""");

        Assert.Equal("Never", pod["spec"]!["restartPolicy"]!.GetValue<string>());
        Assert.Equal("builder", pod["spec"]!["serviceAccount"]!.GetValue<string>());
        Assert.Null(pod["spec"]!["priority"]);
        Assert.Equal("Never", pod["spec"]!["containers"]![0]!["imagePullPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void ExistingNotReadyToleration_IsNotDuplicated()
    {
        var pod = Default("""{"spec":{"containers":[{"name":"c","image":"x"}],"tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":5}]}}""");

        var keys = pod["spec"]!["tolerations"]!.AsArray().Select(t => t!["key"]!.GetValue<string>()).ToList();
        Assert.Equal(["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"], keys);
        Assert.Equal(5, pod["spec"]!["tolerations"]![0]!["tolerationSeconds"]!.GetValue<int>());
    }

    [Fact]
    public void Limits_BecomeRequests_AndDecideTheQosClass()
    {
        var pod = Default("""{"spec":{"containers":[{"name":"c","image":"x","resources":{"limits":{"cpu":"500m","memory":"128Mi"}}}]}}""");
        Assert.Equal("500m", pod["spec"]!["containers"]![0]!["resources"]!["requests"]!["cpu"]!.GetValue<string>());
        Assert.Equal("Guaranteed", pod["status"]!["qosClass"]!.GetValue<string>());

        var burstable = Default("""{"spec":{"containers":[{"name":"c","image":"x","resources":{"requests":{"cpu":"0.1"}}}]}}""");
        Assert.Equal("Burstable", burstable["status"]!["qosClass"]!.GetValue<string>());
    }

    [Fact]
    public void Volumes_ProbesAndFieldRefs_AreDefaulted()
    {
        var pod = Default("""
            {"spec":{"volumes":[{"name":"scratch"},{"name":"s","secret":{"secretName":"x"}},{"name":"cm","configMap":{"name":"c"}}],
             "containers":[{"name":"c","image":"x","livenessProbe":{"httpGet":{"port":8080}},
               "env":[{"name":"NODE","valueFrom":{"fieldRef":{"fieldPath":"spec.nodeName"}}}]}]}}
            """);

        var volumes = pod["spec"]!["volumes"]!;
        Assert.NotNull(volumes[0]!["emptyDir"]);
        Assert.Equal(420, volumes[1]!["secret"]!["defaultMode"]!.GetValue<int>());
        Assert.Equal(420, volumes[2]!["configMap"]!["defaultMode"]!.GetValue<int>());
        var probe = pod["spec"]!["containers"]![0]!["livenessProbe"]!;
        Assert.Equal(1, probe["timeoutSeconds"]!.GetValue<int>());
        Assert.Equal(10, probe["periodSeconds"]!.GetValue<int>());
        Assert.Equal(3, probe["failureThreshold"]!.GetValue<int>());
        Assert.Equal("HTTP", probe["httpGet"]!["scheme"]!.GetValue<string>());
        Assert.Equal("/", probe["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("v1", pod["spec"]!["containers"]![0]!["env"]![0]!["valueFrom"]!["fieldRef"]!["apiVersion"]!.GetValue<string>());
    }

    [Fact]
    public void HostNetwork_CopiesContainerPortsToHostPorts()
    {
        var pod = Default("""{"spec":{"hostNetwork":true,"containers":[{"name":"c","image":"x","ports":[{"containerPort":9100}]}]}}""");

        Assert.Equal(9100, pod["spec"]!["containers"]![0]!["ports"]![0]!["hostPort"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"spec":"not an object"}""")]
    [InlineData("""{"spec":{"containers":"nope","tolerations":7}}""")]
    [InlineData("""{"spec":{"containers":[1,"x",null,{"name":"c","ports":"80","resources":[]}]}}""")]
    [InlineData("""{}""")]
    public void MalformedPod_IsLeftForValidation(string json)
    {
        var pod = Default(json);

        Assert.NotNull(pod);
    }
}
