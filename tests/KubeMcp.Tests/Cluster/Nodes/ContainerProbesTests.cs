using System.Text.Json.Nodes;
using KubeMcp.Cluster.Kubelet;
using KubeMcp.Cluster.Nodes;
using KubeMcp.Tests.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class ContainerProbesTests
{
    private const string FieldPath = "spec.containers{app}";

    private static ContainerProbes Probes(string probesJson, string image = "nginx:1.27", Dictionary<string, string>? annotations = null)
    {
        var container = JsonNode.Parse($$"""{"name":"app","ports":[{"name":"http","containerPort":80}]{{probesJson}}}""")!.AsObject();
        var program = Sim.Container(image, annotations: annotations);
        return new ContainerProbes(container, Instances.Running(ProgramInterpreter.Run(program), program), "10.244.1.7", probed: true);
    }

    private static DateTimeOffset At(double seconds) => Instances.Start + TimeSpan.FromSeconds(seconds);

    [Fact]
    public void WithoutProbes_ReadyAtStart_AndNothingToWakeFor()
    {
        var probes = Probes("");

        Assert.Equal(Instances.Start, probes.ReadyAt);
        Assert.True(probes.IsStarted(Instances.Start));
        Assert.Null(probes.NextChange(Instances.Start));
    }

    [Fact]
    public void ReadyAnnotationFalse_IsNeverReady_EvenWithAPassingProbe()
    {
        var probes = Probes(""","readinessProbe":{"exec":{"command":["true"]}}""", annotations: new() { ["sim.kubemcp.io/ready"] = "false" });

        Assert.Null(probes.ReadyAt);
    }

    [Fact]
    public void PassingReadinessProbe_NeedsNoWakeUpOnceReady()
    {
        var probes = Probes(""","readinessProbe":{"tcpSocket":{"port":80},"periodSeconds":10},"livenessProbe":{"httpGet":{"port":"http"}}""");

        Assert.Equal(At(1), probes.ReadyAt);
        Assert.Equal(At(1), probes.NextChange(Instances.Start));
        Assert.Null(probes.NextChange(At(1)));
        Assert.Null(probes.KillAt);
    }

    [Fact]
    public void FailingReadinessProbe_WakesEveryPeriodToRecordItsEvent()
    {
        var probes = Probes(""","readinessProbe":{"tcpSocket":{"port":81},"periodSeconds":10}""");
        var events = new List<PodEvent>();

        probes.Report(At(25), FieldPath, events);

        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(("Warning", "Unhealthy", FieldPath), (e.Type, e.Reason, e.FieldPath)));
        Assert.Equal(At(31), probes.NextChange(At(25)));
        Assert.Null(probes.ReadyAt);
    }

    [Fact]
    public void FailingLivenessProbe_ReportsEachFailureThenTheKill_AndNothingAfter()
    {
        var probes = Probes(""","livenessProbe":{"tcpSocket":{"port":81},"periodSeconds":5,"failureThreshold":3}""");
        var events = new List<PodEvent>();

        probes.Report(At(60), FieldPath, events);
        probes.Report(At(120), FieldPath, events);

        Assert.Equal(At(11), probes.KillAt);
        Assert.Equal(["Unhealthy", "Unhealthy", "Unhealthy", "Killing"], events.Select(e => e.Reason));
        Assert.Equal("Container app failed liveness probe, will be restarted", events[^1].Message);
        Assert.Null(probes.NextChange(At(11)));
    }

    [Fact]
    public void Report_AfterAJumpOfHours_RecordsABoundedSample()
    {
        var probes = Probes(""","readinessProbe":{"tcpSocket":{"port":81},"periodSeconds":1}""");
        var events = new List<PodEvent>();

        probes.Report(At(3600), FieldPath, events);

        Assert.InRange(events.Count, 1, 20);
        Assert.Equal(At(3601), probes.NextChange(At(3600)));
    }
}
