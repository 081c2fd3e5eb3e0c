using KubeMcp.Agent.Providers.Offline;

namespace KubeMcp.Tests.Agent.Providers.Offline;

public sealed class PodDiagnoserTests
{
    private static EventRow Warning(string reason, string pod, string message) => new("ns", "Warning", reason, "pod/" + pod, message);

    [Fact]
    public void PodOnANotReadyNode_IsBlamedOnTheNode()
    {
        var pod = new PodRow("ns", "etl-0", "0/1", "Running", 0, "worker3");

        var d = PodDiagnoser.Diagnose(pod, null, null, [], [new NodeRow("worker", "Ready"), new NodeRow("worker3", "NotReady")]);

        Assert.Equal(PodCause.NodeNotReady, d.Cause);
        Assert.Contains("worker3 is NotReady", d.Summary);
        Assert.False(d.RestartHelps);
    }

    [Fact]
    public void UnreadyPodWithoutClues_AsksForThePodAndTheNodes()
    {
        var d = PodDiagnoser.Diagnose(new PodRow("ns", "etl-0", "0/1", "Running", 0, "worker3"), null, null, []);

        Assert.Equal(PodCause.NotReady, d.Cause);
        Assert.True(d.NeedsPod);
        Assert.True(d.NeedsNodes);
    }

    [Fact]
    public void FailedReadinessProbe_NamesTheProbeAndPort()
    {
        var d = PodDiagnoser.Diagnose(new PodRow("ns", "catalog", "0/1", "Running", 0), null, "nginx started\n",
            [Warning("Unhealthy", "catalog", "Readiness probe failed: Get \"http://10.0.0.3:8081/healthz\": dial tcp 10.0.0.3:8081: connect: connection refused")]);

        Assert.Equal(PodCause.ProbeFailure, d.Cause);
        Assert.Contains("readiness probe fails (it probes port 8081)", d.Summary);
        Assert.StartsWith("event Unhealthy: Readiness probe failed", d.Evidence);
    }

    [Fact]
    public void FailedMount_OfAMissingSecret_MakesAStartingPodUnhealthy()
    {
        var d = PodDiagnoser.Diagnose(new PodRow("ns", "ledger-1", "0/1", "ContainerCreating", 0), null, null,
            [Warning("FailedMount", "ledger-1", "MountVolume.SetUp failed for volume \"tls\" : secret \"ledger-tls\" not found")]);

        Assert.Equal(PodCause.MissingConfigObject, d.Cause);
        Assert.Contains("Secret \"ledger-tls\", which does not exist", d.Summary);
    }

    [Theory]
    [InlineData("Failed to pull image \"nginx:1.27-alpne\": rpc error: code = NotFound desc = docker.io/library/nginx:1.27-alpne: not found", "nginx:1.27-alpne does not exist")]
    [InlineData("Failed to pull image \"reg.example/app:1\": dial tcp: lookup reg.example on 10.0.0.10:53: no such host", "registry reg.example cannot be reached")]
    [InlineData("Failed to pull image \"acme/app:1\": pull access denied, repository does not exist or may require authorization", "access denied")]
    public void FailedPull_NamesTheImageAndTheKindOfError(string message, string expected)
    {
        var d = PodDiagnoser.Diagnose(new PodRow("ns", "web-1", "0/1", "ImagePullBackOff", 0), null, null, [Warning("Failed", "web-1", message)]);

        Assert.Equal(PodCause.BadImage, d.Cause);
        Assert.Contains(expected, d.Summary);
        Assert.False(d.RestartHelps);
    }

    [Fact]
    public void StartError_NamesTheMissingCommand()
    {
        const string yaml = "status:\n  containerStatuses:\n  - lastState:\n      terminated:\n        exitCode: 128\n        reason: StartError\n"
            + "        message: 'exec: \"python3\": executable file not found in $PATH: unknown'\n";

        var d = PodDiagnoser.Diagnose(new PodRow("ns", "nb-1", "0/1", "CrashLoopBackOff", 5), yaml, "", []);

        Assert.Equal(PodCause.BadCommand, d.Cause);
        Assert.Contains("\"python3\" cannot be run", d.Summary);
        Assert.False(d.RestartHelps);
    }

    [Fact]
    public void CrashWithAnEmptyLog_AsksForThePod()
    {
        var d = PodDiagnoser.Diagnose(new PodRow("ns", "r-1", "0/1", "CrashLoopBackOff", 5), null, "", []);

        Assert.True(d.NeedsPod);
    }

    [Fact]
    public void OomKilled_QuotesTheMemoryLimit()
    {
        const string yaml = "spec:\n  containers:\n  - resources:\n      limits:\n        memory: 128Mi\nstatus:\n  containerStatuses:\n"
            + "  - lastState:\n      terminated:\n        exitCode: 137\n        reason: OOMKilled\n";

        var d = PodDiagnoser.Diagnose(new PodRow("ns", "r-1", "0/1", "CrashLoopBackOff", 5), yaml, "", []);

        Assert.Equal(PodCause.OutOfMemory, d.Cause);
        Assert.Contains("memory limit of 128Mi", d.Summary);
    }

    [Fact]
    public void InvalidSetting_NamesWhereItComesFrom()
    {
        const string yaml = "spec:\n  containers:\n  - envFrom:\n    - configMapRef:\n        name: notifier-config\n";

        var d = PodDiagnoser.Diagnose(new PodRow("ns", "n-1", "0/1", "CrashLoopBackOff", 5), yaml,
            "notifier starting\nconfig error: invalid LOG_LEVEL \"verbose\": expected one of debug, info\n", []);

        Assert.Equal(PodCause.InvalidConfiguration, d.Cause);
        Assert.Contains("LOG_LEVEL comes from ConfigMap notifier-config", d.Summary);
        Assert.False(d.RestartHelps);
    }

    [Fact]
    public void FullDisk_IsNotRestarted()
    {
        var d = PodDiagnoser.Diagnose(new PodRow("ns", "s-1", "0/1", "CrashLoopBackOff", 4), null,
            "ERROR: write /buffer/chunk-1: disk quota exceeded\nfatal: cannot persist buffer, exiting\n", []);

        Assert.Equal(PodCause.StorageFull, d.Cause);
        Assert.False(d.RestartHelps);
    }

    [Fact]
    public void UnsetVariable_IsMissingConfigurationEvenWhenTheLineAlsoMentionsAConnection()
    {
        var d = PodDiagnoser.Diagnose(new PodRow("ns", "o-1", "0/1", "CrashLoopBackOff", 5), null,
            "FATAL: ORDERS_DB_URL is not set; cannot connect to the orders database\n", []);

        Assert.Equal(PodCause.MissingConfiguration, d.Cause);
        Assert.Contains("(ORDERS_DB_URL)", d.Summary);
    }
}
