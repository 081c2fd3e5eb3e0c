using System.Text.Json.Nodes;
using KubeMcp.Cluster.Defaulting;

namespace KubeMcp.Tests.Cluster.Defaulting;

public sealed class WorkloadDefaultsTests
{
    private const string Template = """{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx:1.27"}]}}""";

    private static JsonObject Default(string kind, string group, string json)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        new ObjectDefaulter().Apply(Resources.Get(kind, group), obj);
        return obj;
    }

    [Fact]
    public void Deployment_GetsReplicasStrategyAndTemplateDefaults()
    {
        var d = Default("Deployment", "apps", $$$"""{"metadata":{"name":"web"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{{{Template}}}}}""");

        var spec = d["spec"]!;
        Assert.Equal(1, spec["replicas"]!.GetValue<int>());
        Assert.Equal("RollingUpdate", spec["strategy"]!["type"]!.GetValue<string>());
        Assert.Equal("25%", spec["strategy"]!["rollingUpdate"]!["maxSurge"]!.GetValue<string>());
        Assert.Equal("25%", spec["strategy"]!["rollingUpdate"]!["maxUnavailable"]!.GetValue<string>());
        Assert.Equal(10, spec["revisionHistoryLimit"]!.GetValue<int>());
        Assert.Equal(600, spec["progressDeadlineSeconds"]!.GetValue<int>());
        var podSpec = spec["template"]!["spec"]!;
        Assert.Equal("Always", podSpec["restartPolicy"]!.GetValue<string>());
        Assert.Equal("IfNotPresent", podSpec["containers"]![0]!["imagePullPolicy"]!.GetValue<string>());
        Assert.Null(podSpec["serviceAccountName"]);
        Assert.Null(podSpec["tolerations"]);
        Assert.Null(podSpec["enableServiceLinks"]);
    }

    [Fact]
    public void RecreateDeployment_HasNoRollingUpdateParameters()
    {
        var d = Default("Deployment", "apps", $$$"""{"spec":{"strategy":{"type":"Recreate"},"template":{{{Template}}}}}""");

        Assert.Null(d["spec"]!["strategy"]!["rollingUpdate"]);
    }

    [Fact]
    public void StatefulSet_AndDaemonSet_GetUpdateStrategies()
    {
        var sts = Default("StatefulSet", "apps", $$$"""{"spec":{"template":{{{Template}}},"volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{}}]}}""");
        Assert.Equal("OrderedReady", sts["spec"]!["podManagementPolicy"]!.GetValue<string>());
        Assert.Equal(0, sts["spec"]!["updateStrategy"]!["rollingUpdate"]!["partition"]!.GetValue<int>());
        Assert.Equal("Retain", sts["spec"]!["persistentVolumeClaimRetentionPolicy"]!["whenDeleted"]!.GetValue<string>());
        Assert.Equal("Filesystem", sts["spec"]!["volumeClaimTemplates"]![0]!["spec"]!["volumeMode"]!.GetValue<string>());

        var ds = Default("DaemonSet", "apps", $$$"""{"spec":{"template":{{{Template}}}}}""");
        Assert.Equal(1, ds["spec"]!["updateStrategy"]!["rollingUpdate"]!["maxUnavailable"]!.GetValue<int>());
        Assert.Equal(0, ds["spec"]!["updateStrategy"]!["rollingUpdate"]!["maxSurge"]!.GetValue<int>());
    }

    [Fact]
    public void Job_GetsCountsAndASelectorFromItsUid()
    {
        var job = Default("Job", "batch", """{"metadata":{"name":"pi","uid":"u-1"},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"perl"}]}}}}""");

        var spec = job["spec"]!;
        Assert.Equal(6, spec["backoffLimit"]!.GetValue<int>());
        Assert.Equal(1, spec["completions"]!.GetValue<int>());
        Assert.Equal(1, spec["parallelism"]!.GetValue<int>());
        Assert.Equal("NonIndexed", spec["completionMode"]!.GetValue<string>());
        Assert.False(spec["suspend"]!.GetValue<bool>());
        Assert.Null(spec["manualSelector"]);
        Assert.Equal("u-1", spec["selector"]!["matchLabels"]!["batch.kubernetes.io/controller-uid"]!.GetValue<string>());
        var labels = spec["template"]!["metadata"]!["labels"]!;
        Assert.Equal("pi", labels["batch.kubernetes.io/job-name"]!.GetValue<string>());
        Assert.Equal("u-1", labels["controller-uid"]!.GetValue<string>());
        Assert.Equal("pi", job["metadata"]!["labels"]!["job-name"]!.GetValue<string>());
        Assert.Equal("Never", spec["template"]!["spec"]!["restartPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void Job_WithoutUidOrWithManualSelector_KeepsItsSelector()
    {
        var noUid = Default("Job", "batch", """{"metadata":{"name":"pi"},"spec":{"template":{"spec":{"containers":[]}}}}""");
        Assert.Null(noUid["spec"]!["selector"]);

        var manual = Default("Job", "batch", """{"metadata":{"name":"pi","uid":"u"},"spec":{"manualSelector":true,"selector":{"matchLabels":{"a":"b"}},"parallelism":3,"template":{"metadata":{"labels":{"a":"b"}}}}}""");
        Assert.Equal("b", manual["spec"]!["selector"]!["matchLabels"]!["a"]!.GetValue<string>());
        Assert.Null(manual["spec"]!["template"]!["metadata"]!["labels"]!["controller-uid"]);
        Assert.Null(manual["spec"]!["completions"]);
    }

    [Fact]
    public void CronJob_GetsPolicyAndHistoryLimits()
    {
        var cj = Default("CronJob", "batch", """{"spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"c","image":"busybox"}]}}}}}}""");

        var spec = cj["spec"]!;
        Assert.Equal("Allow", spec["concurrencyPolicy"]!.GetValue<string>());
        Assert.False(spec["suspend"]!.GetValue<bool>());
        Assert.Equal(3, spec["successfulJobsHistoryLimit"]!.GetValue<int>());
        Assert.Equal(1, spec["failedJobsHistoryLimit"]!.GetValue<int>());
        Assert.Equal("ClusterFirst", spec["jobTemplate"]!["spec"]!["template"]!["spec"]!["dnsPolicy"]!.GetValue<string>());
        Assert.Null(spec["jobTemplate"]!["spec"]!["backoffLimit"]);
    }

    [Fact]
    public void ReplicationController_TakesSelectorAndLabelsFromTheTemplate()
    {
        var rc = Default("ReplicationController", "", $$$"""{"metadata":{"name":"rc"},"spec":{"template":{{{Template}}}}}""");

        Assert.Equal("web", rc["spec"]!["selector"]!["app"]!.GetValue<string>());
        Assert.Equal("web", rc["metadata"]!["labels"]!["app"]!.GetValue<string>());
        Assert.Equal(1, rc["spec"]!["replicas"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Deployment", "apps", """{"spec":[]}""")]
    [InlineData("StatefulSet", "apps", """{"spec":{"updateStrategy":"x","template":"y"}}""")]
    [InlineData("Job", "batch", """{"metadata":"m","spec":{"template":{"metadata":[]}}}""")]
    [InlineData("CronJob", "batch", """{"spec":{"jobTemplate":5}}""")]
    public void MalformedWorkloads_DoNotThrow(string kind, string group, string json) =>
        Assert.NotNull(Default(kind, group, json));
}
