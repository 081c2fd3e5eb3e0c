using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class AnnotationTests
{
    [Fact]
    public void ExitCodeAndExitAfter_EndTheContainerWhenAsked()
    {
        var run = Sim.Run("nginx", annotations: new() { ["sim.kubemcp.io/exit-code"] = "3", ["sim.kubemcp.io/exit-after"] = "45s" });

        Assert.Equal(ProgramOutcome.Exited(3, TimeSpan.FromSeconds(45)), run.Outcome);
        Assert.Contains(Sim.Lines(run), l => l.EndsWith("start worker processes", StringComparison.Ordinal));
    }

    [Fact]
    public void ExitCodeAlone_ExitsAfterOneSecond() =>
        Assert.Equal(ProgramOutcome.Exited(1, TimeSpan.FromSeconds(1)), Sim.Run("redis", annotations: new() { ["sim.kubemcp.io/exit-code"] = "1" }).Outcome);

    [Fact]
    public void ExitAfterAlone_CompletesSuccessfully() =>
        Assert.Equal(ProgramOutcome.Exited(0, TimeSpan.FromMinutes(2)), Sim.Run("redis", annotations: new() { ["sim.kubemcp.io/exit-after"] = "2m" }).Outcome);

    [Fact]
    public void Logs_ReplaceWhatTheProgramPrints()
    {
        var run = Sim.Run("nginx", annotations: new() { ["sim.kubemcp.io/logs"] = "Starting app v2\nListening on :8080\n" });

        Assert.Equal(["Starting app v2", "Listening on :8080"], Sim.Lines(run));
    }

    [Fact]
    public void ReadyFalse_MeansNeverReady()
    {
        Assert.Null(Sim.Run("nginx", annotations: new() { ["sim.kubemcp.io/ready"] = "false" }).ReadyAt);
        Assert.NotNull(Sim.Run("nginx", annotations: new() { ["sim.kubemcp.io/ready"] = "true" }).ReadyAt);
    }

    [Fact]
    public void ContainerScopedAnnotation_WinsForThatContainerOnly()
    {
        var annotations = new Dictionary<string, string>
        {
            ["sim.kubemcp.io/exit-code"] = "1",
            ["sim.kubemcp.io/sidecar.exit-code"] = "5",
        };

        var sidecar = ProgramInterpreter.Run(Sim.Container("busybox", command: ["sleep", "3600"], annotations: annotations, containerName: "sidecar"));
        var app = ProgramInterpreter.Run(Sim.Container("busybox", command: ["sleep", "3600"], annotations: annotations, containerName: "app"));

        Assert.Equal(5, sidecar.Outcome.ExitCode);
        Assert.Equal(1, app.Outcome.ExitCode);
    }

    [Theory]
    [InlineData("sim.kubemcp.io/exit-code", "boom", "must be a number from 0 to 255")]
    [InlineData("sim.kubemcp.io/exit-code", "300", "must be a number from 0 to 255")]
    [InlineData("sim.kubemcp.io/exit-after", "soon", "is not a duration")]
    [InlineData("sim.kubemcp.io/memory-usage", "lots", "is not a quantity")]
    [InlineData("sim.kubemcp.io/cpu-usage", "fast", "is not a quantity")]
    public void MalformedAnnotation_IsIgnoredWithANote(string key, string value, string expected)
    {
        var run = Sim.Run("redis", annotations: new() { [key] = value });

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Contains(run.Notes, n => n.Contains(expected, StringComparison.Ordinal) && n.Contains(value, StringComparison.Ordinal));
    }

    [Fact]
    public void AnnotationsDoNotRescueAStartError() =>
        Assert.Equal(ProgramOutcomeKind.StartError,
            Sim.Run("alpine", command: ["bash"], annotations: new() { ["sim.kubemcp.io/exit-code"] = "0" }).Outcome.Kind);

    [Fact]
    public void OtherPrefixesAreIgnored() =>
        Assert.Equal(ProgramOutcomeKind.Running, Sim.Run("redis", annotations: new() { ["example.com/exit-code"] = "1" }).Outcome.Kind);
}
