using KubeMcp.Cluster.Printing;

namespace KubeMcp.Tests.Cluster.Printing;

public sealed class WorkloadPrinterTests
{
    [Fact]
    public void Deployment_ShowsReadyUpToDateAvailableAndWideTemplate()
    {
        var type = Printed.Type("deployments", "apps");
        var deployment = Printed.Parse($$"""
            {
              "metadata": { "name": "web", "creationTimestamp": "{{Printed.Ago(TimeSpan.FromDays(3))}}" },
              "spec": {
                "replicas": 3,
                "selector": { "matchLabels": { "app": "web", "tier": "front" },
                              "matchExpressions": [{ "key": "env", "operator": "In", "values": ["prod", "canary"] }] },
                "template": { "spec": { "containers": [{ "name": "nginx", "image": "nginx:1.27" }, { "name": "log", "image": "busybox" }] } }
              },
              "status": { "replicas": 3, "readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2 }
            }
            """);

        var row = Printed.Row(type, deployment);

        Assert.Equal(["Name", "Ready", "Up-to-date", "Available", "Age"], Printed.DefaultColumnNames(type));
        Assert.Equal("2/3", row.Text("Ready"));
        Assert.Equal(3, row.Number("Up-to-date"));
        Assert.Equal(2, row.Number("Available"));
        Assert.Equal("3d", row.Text("Age"));
        Assert.Equal("nginx,log", row.Text("Containers"));
        Assert.Equal("nginx:1.27,busybox", row.Text("Images"));
        Assert.Equal("app=web,env in (canary,prod),tier=front", row.Text("Selector"));
    }

    [Fact]
    public void Deployment_WithoutStatus_ShowsZeroOfDesired()
    {
        var row = Printed.Row(Printed.Type("deployments", "apps"),
            Printed.Parse("""{"metadata":{"name":"new"},"spec":{"replicas":2,"template":{"spec":{"containers":[]}}}}"""));

        Assert.Equal("0/2", row.Text("Ready"));
        Assert.Equal(0, row.Number("Available"));
    }

    [Fact]
    public void StatefulSet_ShowsReadyOfDesired()
    {
        var type = Printed.Type("statefulsets", "apps");
        var row = Printed.Row(type, Printed.Parse("""{"metadata":{"name":"db"},"spec":{"replicas":3},"status":{"readyReplicas":1}}"""));

        Assert.Equal(["Name", "Ready", "Age", "Containers", "Images"], Printed.ColumnNames(type));
        Assert.Equal("1/3", row.Text("Ready"));
    }

    [Fact]
    public void DaemonSet_ShowsCountsAndNodeSelector()
    {
        var row = Printed.Row(Printed.Type("daemonsets", "apps"), Printed.Parse("""
            {"metadata":{"name":"agent"},
             "spec":{"selector":{"matchLabels":{"app":"agent"}},"template":{"spec":{"nodeSelector":{"kubernetes.io/os":"linux"},"containers":[{"name":"a","image":"a:1"}]}}},
             "status":{"desiredNumberScheduled":4,"currentNumberScheduled":4,"numberReady":3,"updatedNumberScheduled":4,"numberAvailable":3}}
            """));

        Assert.Equal(4, row.Number("Desired"));
        Assert.Equal(3, row.Number("Ready"));
        Assert.Equal("kubernetes.io/os=linux", row.Text("Node Selector"));
        Assert.Equal("app=agent", row.Text("Selector"));
    }

    [Fact]
    public void ReplicaSet_ShowsDesiredCurrentReady()
    {
        var row = Printed.Row(Printed.Type("replicasets", "apps"),
            Printed.Parse("""{"metadata":{"name":"web-5d8"},"spec":{"replicas":2},"status":{"replicas":2,"readyReplicas":1}}"""));

        Assert.Equal(2, row.Number("Desired"));
        Assert.Equal(2, row.Number("Current"));
        Assert.Equal(1, row.Number("Ready"));
        Assert.Equal("<none>", row.Text("Selector"));
    }

    [Fact]
    public void ControllerRevision_ShowsOwningController()
    {
        var row = Printed.Row(Printed.Type("controllerrevisions", "apps"), Printed.Parse("""
            {"metadata":{"name":"agent-7c9","ownerReferences":[{"apiVersion":"apps/v1","kind":"DaemonSet","name":"agent","controller":true}]},
             "revision":4}
            """));

        Assert.Equal("daemonset.apps/agent", row.Text("Controller"));
        Assert.Equal(4, row.Number("Revision"));
    }

    [Theory]
    [InlineData("""[{"type":"Complete","status":"True"}]""", "", "Complete")]
    [InlineData("""[{"type":"Failed","status":"True"}]""", "", "Failed")]
    [InlineData("""[{"type":"Suspended","status":"True"}]""", "", "Suspended")]
    [InlineData("""[{"type":"Complete","status":"False"}]""", "", "Running")]
    [InlineData("[]", ",\"deletionTimestamp\":\"2025-03-01T11:59:00Z\"", "Terminating")]
    public void Job_StatusFollowsConditions(string conditions, string extraMetadata, string expected)
    {
        var job = Printed.Parse($$$"""{"metadata":{"name":"j"{{{extraMetadata}}}},"spec":{"completions":1},"status":{"conditions":{{{conditions}}}}}""");

        Assert.Equal(expected, Printed.Row(Printed.Type("jobs", "batch"), job).Text("Status"));
    }

    [Fact]
    public void Job_ShowsCompletionsAndDuration()
    {
        var type = Printed.Type("jobs", "batch");
        var finished = Printed.Parse("""
            {"metadata":{"name":"pi"},"spec":{"completions":3},
             "status":{"succeeded":3,"startTime":"2025-03-01T10:00:00Z","completionTime":"2025-03-01T10:00:45Z",
                       "conditions":[{"type":"Complete","status":"True"}]}}
            """);
        var running = Printed.Parse("""
            {"metadata":{"name":"work"},"spec":{"parallelism":4},"status":{"succeeded":1,"startTime":"2025-03-01T11:55:00Z"}}
            """);
        var notStarted = Printed.Parse("""{"metadata":{"name":"later"},"spec":{}}""");

        Assert.Equal(["Name", "Status", "Completions", "Duration", "Age"], Printed.DefaultColumnNames(type));
        Assert.Equal("3/3", Printed.Row(type, finished).Text("Completions"));
        Assert.Equal("45s", Printed.Row(type, finished).Text("Duration"));
        Assert.Equal("1/1 of 4", Printed.Row(type, running).Text("Completions"));
        Assert.Equal("5m", Printed.Row(type, running).Text("Duration"));
        Assert.Equal("0/1", Printed.Row(type, notStarted).Text("Completions"));
        Assert.Equal("", Printed.Row(type, notStarted).Text("Duration"));
    }

    [Fact]
    public void CronJob_ShowsScheduleTimezoneSuspendActiveAndLastSchedule()
    {
        var type = Printed.Type("cronjobs", "batch");
        var cronJob = Printed.Parse("""
            {"metadata":{"name":"backup"},
             "spec":{"schedule":"0 2 * * *","suspend":false,"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"backup:2"}]}}}}},
             "status":{"active":[{"name":"backup-1"}],"lastScheduleTime":"2025-03-01T02:00:00Z"}}
            """);

        var row = Printed.Row(type, cronJob);

        Assert.Equal(["Name", "Schedule", "Timezone", "Suspend", "Active", "Last Schedule", "Age"], Printed.DefaultColumnNames(type));
        Assert.Equal("0 2 * * *", row.Text("Schedule"));
        Assert.Equal("<none>", row.Text("Timezone"));
        Assert.Equal("False", row.Text("Suspend"));
        Assert.Equal(1, row.Number("Active"));
        Assert.Equal("10h", row.Text("Last Schedule"));
        Assert.Equal("backup:2", row.Text("Images"));
        Assert.Equal("<none>", row.Text("Selector"));
    }

    [Fact]
    public void CronJob_NeverScheduled_ShowsNone() =>
        Assert.Equal("<none>", Printed.Row(Printed.Type("cronjobs", "batch"),
            Printed.Parse("""{"metadata":{"name":"c"},"spec":{"schedule":"@daily"}}""")).Text("Last Schedule"));
}
