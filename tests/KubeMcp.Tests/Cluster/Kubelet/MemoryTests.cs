using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class MemoryTests
{
    private const long Mi = 1024 * 1024;

    [Fact]
    public void Stress_AboveTheLimit_IsOomKilled()
    {
        // The "exceeds a container's memory limit" example from the Kubernetes docs.
        var run = Sim.Run("polinux/stress", command: ["stress"], args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"], memoryLimit: "100Mi");

        Assert.Equal(ProgramOutcomeKind.OomKilled, run.Outcome.Kind);
        Assert.Equal(137, run.Outcome.ExitCode);
        Assert.Equal("OOMKilled", run.Outcome.Reason);
        Assert.True(run.Outcome.At > TimeSpan.Zero && run.Outcome.At <= TimeSpan.FromSeconds(1));
        Assert.Equal(["stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd"], Sim.Lines(run));
    }

    [Fact]
    public void Stress_BelowTheLimit_RunsAndReportsItsMemory()
    {
        var run = Sim.Run("polinux/stress", command: ["stress"], args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"], memoryLimit: "200Mi");

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        var usage = run.UsageAt(TimeSpan.FromMinutes(1)).MemoryBytes;
        Assert.InRange(usage, 150 * Mi, 160 * Mi);
        Assert.True(run.UsageAt(TimeSpan.Zero).MemoryBytes < 10 * Mi);
    }

    [Fact]
    public void Stress_WithTimeout_CompletesAndFreesMemory()
    {
        var run = Sim.Run("polinux/stress", command: ["stress", "--cpu", "2", "--timeout", "30s"]);

        Assert.Equal(ProgramOutcome.Exited(0, TimeSpan.FromSeconds(30)), run.Outcome);
        Assert.Equal("stress: info: [1] successful run completed in 30s", Sim.Lines(run)[^1]);
        Assert.Equal(2000, run.UsageAt(TimeSpan.FromSeconds(10)).CpuMillicores);
    }

    [Fact]
    public void Stress_CpuIsThrottledToTheLimit()
    {
        var container = Sim.Container("polinux/stress", command: ["stress", "--cpu", "4"]) with { CpuLimitMillicores = 500 };

        Assert.Equal(500, ProgramInterpreter.Run(container).UsageAt(TimeSpan.FromSeconds(5)).CpuMillicores);
    }

    [Fact]
    public void StressNg_InAScript_IsOomKilledAboveTheLimit()
    {
        var run = Sim.Run("colinianking/stress-ng", command: ["sh", "-c", "echo go; stress-ng --vm 1 --vm-bytes 512M --vm-keep"], memoryLimit: "256Mi");

        Assert.Equal(ProgramOutcomeKind.OomKilled, run.Outcome.Kind);
        Assert.Equal("go", Sim.Lines(run)[0]);
        Assert.Contains("stress-ng: info:  [7] dispatching hogs: 1 vm", Sim.Lines(run));
    }

    [Fact]
    public void PythonBytearray_AboveTheLimit_IsOomKilled()
    {
        var run = Sim.Run("python:3.12-slim", command: ["python3", "-c", "import time; data = bytearray(300 * 1024 * 1024); time.sleep(3600)"], memoryLimit: "256Mi");

        Assert.Equal(ProgramOutcomeKind.OomKilled, run.Outcome.Kind);
    }

    [Fact]
    public void PythonBytearray_BelowTheLimit_Completes()
    {
        var run = Sim.Run("python:3.12-slim", command: ["python3", "-u", "-c", "x = 'a' * (50 * 1024 * 1024); print('allocated', flush=True)"], memoryLimit: "256Mi");

        Assert.Equal(0, run.Outcome.ExitCode);
        Assert.Equal(["allocated"], Sim.Lines(run));
    }

    [Fact]
    public void MemoryUsageAnnotation_AboveTheLimit_IsOomKilled()
    {
        var run = Sim.Run("nginx", memoryLimit: "128Mi", annotations: new() { ["sim.kubemcp.io/memory-usage"] = "300Mi" });

        Assert.Equal(ProgramOutcomeKind.OomKilled, run.Outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1), run.Outcome.At);
        Assert.Equal(300 * Mi, run.UsageAt(TimeSpan.FromSeconds(3)).MemoryBytes);
    }

    [Fact]
    public void MemoryUsageAnnotation_WithoutALimit_OnlyReportsUsage()
    {
        var run = Sim.Run("nginx", annotations: new() { ["sim.kubemcp.io/memory-usage"] = "300Mi", ["sim.kubemcp.io/cpu-usage"] = "250m" });

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Equal(new ResourceUsage(300 * Mi, 250), run.UsageAt(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void DefaultProgram_UsesItsCatalogMemory_AndMysqlOutgrowsASmallLimit()
    {
        Assert.Equal(8 * Mi, Sim.Run("redis").UsageAt(TimeSpan.FromMinutes(1)).MemoryBytes);

        var mysql = Sim.Run("mysql:8.4", env: [("MYSQL_ROOT_PASSWORD", "x")], memoryLimit: "256Mi");
        Assert.Equal(ProgramOutcomeKind.OomKilled, mysql.Outcome.Kind);
        Assert.DoesNotContain(Sim.Lines(mysql), l => l.Contains("ready for connections", StringComparison.Ordinal));
    }

    [Fact]
    public void UsageBeforeStart_IsZero() =>
        Assert.Equal(new ResourceUsage(0, 0), Sim.Run("redis").UsageAt(TimeSpan.FromSeconds(-1)));
}
