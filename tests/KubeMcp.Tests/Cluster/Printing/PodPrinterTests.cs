using System.Text.Json.Nodes;
using KubeMcp.Cluster.Printing;

namespace KubeMcp.Tests.Cluster.Printing;

public sealed class PodPrinterTests
{
    private static readonly KubeMcp.Cluster.Api.ResourceType Pods = Printed.Type("pods");

    /// <summary>A pod whose containers have the given statuses (JSON objects without the braces' outer array).</summary>
    private static JsonObject Pod(
        string containerStatuses,
        string phase = "Running",
        int containers = 1,
        string initContainers = "[]",
        string initStatuses = "[]",
        string conditions = "[]",
        string extraMetadata = "",
        string extraStatus = "")
    {
        var specContainers = string.Join(",", Enumerable.Range(0, containers).Select(i => $$"""{"name":"c{{i}}","image":"img{{i}}"}"""));
        return Printed.Parse($$"""
            {
              "apiVersion": "v1", "kind": "Pod",
              "metadata": { "name": "web-0", "namespace": "default", "creationTimestamp": "{{Printed.Ago(TimeSpan.FromMinutes(30))}}" {{extraMetadata}} },
              "spec": { "containers": [{{specContainers}}], "initContainers": {{initContainers}} },
              "status": {
                "phase": "{{phase}}", "conditions": {{conditions}},
                "initContainerStatuses": {{initStatuses}},
                "containerStatuses": [{{containerStatuses}}] {{extraStatus}}
              }
            }
            """);
    }

    private static string Status(string name, string state, bool ready = false, int restarts = 0, string lastState = "{}", bool started = false) =>
        $$"""{"name":"{{name}}","ready":{{(ready ? "true" : "false")}},"started":{{(started ? "true" : "false")}},"restartCount":{{restarts}},"state":{{state}},"lastState":{{lastState}}}""";

    private const string Running = """{"running":{"startedAt":"2025-03-01T11:00:00Z"}}""";

    [Fact]
    public void RunningPod_ShowsReadyCountStatusRestartsAndAge()
    {
        var row = Printed.Row(Pods, Pod(
            Status("c0", Running, ready: true) + "," + Status("c1", Running, ready: false), containers: 2));

        Assert.Equal("web-0", row.Text("Name"));
        Assert.Equal("1/2", row.Text("Ready"));
        Assert.Equal("Running", row.Text("Status"));
        Assert.Equal("0", row.Text("Restarts"));
        Assert.Equal("30m", row.Text("Age"));
    }

    [Fact]
    public void Columns_MatchKubectlGetPodsAndWide()
    {
        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age"], Printed.DefaultColumnNames(Pods));
        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"],
            Printed.ColumnNames(Pods));
    }

    [Theory]
    [InlineData("CrashLoopBackOff")]
    [InlineData("ImagePullBackOff")]
    [InlineData("ErrImagePull")]
    [InlineData("ContainerCreating")]
    [InlineData("CreateContainerConfigError")]
    public void WaitingContainer_ShowsWaitingReason(string reason)
    {
        var row = Printed.Row(Pods, Pod(Status("c0", $$$"""{"waiting":{"reason":"{{{reason}}}"}}"""), phase: "Pending"));

        Assert.Equal(reason, row.Text("Status"));
        Assert.Equal("0/1", row.Text("Ready"));
    }

    [Theory]
    [InlineData("""{"terminated":{"reason":"Completed","exitCode":0}}""", "Succeeded", "Completed")]
    [InlineData("""{"terminated":{"reason":"Error","exitCode":1}}""", "Failed", "Error")]
    [InlineData("""{"terminated":{"reason":"OOMKilled","exitCode":137}}""", "Running", "OOMKilled")]
    [InlineData("""{"terminated":{"exitCode":0,"signal":9}}""", "Failed", "Signal:9")]
    [InlineData("""{"terminated":{"exitCode":2}}""", "Failed", "ExitCode:2")]
    public void TerminatedContainer_ShowsReasonOrSignalOrExitCode(string state, string phase, string expected) =>
        Assert.Equal(expected, Printed.Row(Pods, Pod(Status("c0", state), phase: phase)).Text("Status"));

    [Fact]
    public void CrashLoopingContainer_ShowsRestartsWithTimeSinceLastTermination()
    {
        var lastState = $$$"""{"terminated":{"reason":"Error","exitCode":1,"finishedAt":"{{{Printed.Ago(TimeSpan.FromSeconds(150))}}}"}}""";
        var row = Printed.Row(Pods, Pod(Status("c0", """{"waiting":{"reason":"CrashLoopBackOff"}}""", restarts: 5, lastState: lastState)));

        Assert.Equal("CrashLoopBackOff", row.Text("Status"));
        Assert.Equal("5 (2m30s ago)", row.Text("Restarts"));
    }

    [Fact]
    public void Restarts_WithoutLastTermination_ShowsCountOnly() =>
        Assert.Equal("3", Printed.Row(Pods, Pod(Status("c0", Running, ready: true, restarts: 3))).Text("Restarts"));

    [Fact]
    public void FirstContainerStateWins_WhenSeveralContainersHaveReasons()
    {
        var row = Printed.Row(Pods, Pod(
            Status("c0", """{"waiting":{"reason":"ImagePullBackOff"}}""") + "," +
            Status("c1", """{"waiting":{"reason":"CrashLoopBackOff"}}"""),
            containers: 2));

        Assert.Equal("ImagePullBackOff", row.Text("Status"));
    }

    [Fact]
    public void InitContainers_ShowProgressUntilDone()
    {
        const string inits = """[{"name":"i0","image":"x"},{"name":"i1","image":"x"}]""";
        var firstRunning = Pod(Status("c0", """{"waiting":{"reason":"PodInitializing"}}"""), phase: "Pending",
            initContainers: inits, initStatuses: $"[{Status("i0", Running)},{Status("i1", """{"waiting":{"reason":"PodInitializing"}}""")}]");
        var secondRunning = Pod(Status("c0", """{"waiting":{"reason":"PodInitializing"}}"""), phase: "Pending",
            initContainers: inits,
            initStatuses: $"[{Status("i0", """{"terminated":{"reason":"Completed","exitCode":0}}""")},{Status("i1", Running)}]");

        Assert.Equal("Init:0/2", Printed.Row(Pods, firstRunning).Text("Status"));
        Assert.Equal("Init:1/2", Printed.Row(Pods, secondRunning).Text("Status"));
    }

    [Theory]
    [InlineData("""{"waiting":{"reason":"CrashLoopBackOff"}}""", "Init:CrashLoopBackOff")]
    [InlineData("""{"terminated":{"reason":"Error","exitCode":1}}""", "Init:Error")]
    [InlineData("""{"terminated":{"exitCode":3}}""", "Init:ExitCode:3")]
    [InlineData("""{"terminated":{"exitCode":1,"signal":15}}""", "Init:Signal:15")]
    public void FailingInitContainer_ShowsInitReason(string state, string expected)
    {
        var pod = Pod(Status("c0", """{"waiting":{"reason":"PodInitializing"}}"""), phase: "Pending",
            initContainers: """[{"name":"i0","image":"x"}]""", initStatuses: $"[{Status("i0", state, restarts: 2)}]");

        var row = Printed.Row(Pods, pod);

        Assert.Equal(expected, row.Text("Status"));
        Assert.Equal("2", row.Text("Restarts"));
    }

    [Fact]
    public void RestartableInitContainer_CountsAsContainerAndDoesNotBlock()
    {
        var pod = Pod(Status("c0", Running, ready: true),
            initContainers: """[{"name":"proxy","image":"x","restartPolicy":"Always"}]""",
            initStatuses: $"[{Status("proxy", Running, ready: true, restarts: 1, started: true)}]",
            conditions: """[{"type":"Initialized","status":"True"},{"type":"Ready","status":"True"}]""");

        var row = Printed.Row(Pods, pod);

        Assert.Equal("2/2", row.Text("Ready"));
        Assert.Equal("Running", row.Text("Status"));
        Assert.Equal("1", row.Text("Restarts"));
    }

    [Fact]
    public void DeletedPod_ShowsTerminating_UnlessItFinished()
    {
        var deleted = $", \"deletionTimestamp\": \"{Printed.Ago(TimeSpan.FromSeconds(5))}\"";

        Assert.Equal("Terminating", Printed.Row(Pods, Pod(Status("c0", Running, ready: true), extraMetadata: deleted)).Text("Status"));
        Assert.Equal("Completed", Printed.Row(Pods, Pod(Status("c0", """{"terminated":{"reason":"Completed","exitCode":0}}"""),
            phase: "Succeeded", extraMetadata: deleted)).Text("Status"));
    }

    [Fact]
    public void DeletedPodOnLostNode_ShowsUnknown()
    {
        var pod = Pod(Status("c0", Running, ready: true),
            extraMetadata: $", \"deletionTimestamp\": \"{Printed.Ago(TimeSpan.FromMinutes(1))}\"",
            extraStatus: ", \"reason\": \"NodeLost\"");

        Assert.Equal("Unknown", Printed.Row(Pods, pod).Text("Status"));
    }

    [Fact]
    public void StatusReason_ReplacesPhase_WhenNoContainerSaysOtherwise()
    {
        var pod = Pod("", phase: "Failed", extraStatus: ", \"reason\": \"Evicted\"");

        Assert.Equal("Evicted", Printed.Row(Pods, pod).Text("Status"));
    }

    [Fact]
    public void PendingPodWithoutStatuses_ShowsPhase() =>
        Assert.Equal("Pending", Printed.Row(Pods, Pod("", phase: "Pending")).Text("Status"));

    [Fact]
    public void SchedulingGatedPod_ShowsSchedulingGated()
    {
        var pod = Pod("", phase: "Pending", conditions: """[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]""");

        Assert.Equal("SchedulingGated", Printed.Row(Pods, pod).Text("Status"));
    }

    [Theory]
    [InlineData(true, "Running")]
    [InlineData(false, "NotReady")]
    public void CompletedContainerBesideRunningOne_ShowsRunningOrNotReady(bool podReady, string expected)
    {
        var pod = Pod(
            Status("c0", """{"terminated":{"reason":"Completed","exitCode":0}}""") + "," + Status("c1", Running, ready: true),
            containers: 2,
            conditions: $$"""[{"type":"Ready","status":"{{(podReady ? "True" : "False")}}"}]""");

        Assert.Equal(expected, Printed.Row(Pods, pod).Text("Status"));
    }

    [Fact]
    public void WideCells_ShowIpNodeNominatedNodeAndReadinessGates()
    {
        var pod = Printed.Parse("""
            {
              "metadata": { "name": "p", "creationTimestamp": "2025-03-01T11:00:00Z" },
              "spec": { "containers": [{"name":"c"}], "nodeName": "node-1",
                        "readinessGates": [{"conditionType":"example.com/lb"},{"conditionType":"example.com/db"}] },
              "status": { "phase": "Running", "podIP": "10.0.0.9", "podIPs": [{"ip":"10.0.0.7"},{"ip":"fd00::7"}],
                          "conditions": [{"type":"example.com/lb","status":"True"},{"type":"example.com/db","status":"False"}] }
            }
            """);

        var row = Printed.Row(Pods, pod);

        Assert.Equal("10.0.0.7", row.Text("IP"));
        Assert.Equal("node-1", row.Text("Node"));
        Assert.Equal("<none>", row.Text("Nominated Node"));
        Assert.Equal("1/2", row.Text("Readiness Gates"));
    }

    [Fact]
    public void WideCells_FallBackToPodIpAndNone()
    {
        var row = Printed.Row(Pods, Printed.Parse("""{"metadata":{"name":"p"},"spec":{},"status":{"podIP":"10.1.1.1"}}"""));

        Assert.Equal("10.1.1.1", row.Text("IP"));
        Assert.Equal("<none>", row.Text("Node"));
        Assert.Equal("<none>", row.Text("Readiness Gates"));
        Assert.Equal("<unknown>", row.Text("Age"));
        Assert.Equal("0/0", row.Text("Ready"));
    }

    [Fact]
    public void FinishedPods_CarryCompletedRowCondition()
    {
        var succeeded = TablePrinter.ToTableRow(Pods, Pod("", phase: "Succeeded"), Printed.Now, IncludeObject.None);
        var running = TablePrinter.ToTableRow(Pods, Pod(Status("c0", Running, ready: true)), Printed.Now, IncludeObject.None);

        var condition = succeeded["conditions"]![0]!;
        Assert.Equal("Completed", condition["type"]!.GetValue<string>());
        Assert.Equal("Succeeded", condition["reason"]!.GetValue<string>());
        Assert.Null(running["conditions"]);
    }

    [Fact]
    public void MalformedPod_PrintsWithoutThrowing()
    {
        var pod = Printed.Parse("""{"metadata":{"name":"odd","creationTimestamp":"yesterday"},"spec":{"containers":"nope"},"status":{"containerStatuses":[1,"x",{"state":7}]}}""");

        var row = Printed.Row(Pods, pod);

        Assert.Equal("odd", row.Text("Name"));
        Assert.Equal("<unknown>", row.Text("Age"));
    }
}
