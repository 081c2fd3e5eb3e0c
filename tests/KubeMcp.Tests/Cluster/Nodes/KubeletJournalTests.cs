using System.Text.Json.Nodes;
using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class KubeletJournalTests
{
    private static readonly JsonObject Node = new()
    {
        ["metadata"] = new JsonObject { ["name"] = "kubemcp-worker", ["creationTimestamp"] = "2025-03-14T09:00:00Z" },
        ["status"] = new JsonObject { ["nodeInfo"] = new JsonObject { ["kubeletVersion"] = "v1.32.4" } },
    };

    private static JsonObject Event(string reason, string message, string type = "Normal", int count = 1, string first = "2025-03-14T09:10:00Z",
        string last = "2025-03-14T09:10:00Z", string host = "kubemcp-worker") => new()
    {
        ["metadata"] = new JsonObject { ["name"] = $"api-1.{reason}{count}", ["namespace"] = "shop" },
        ["involvedObject"] = new JsonObject
        {
            ["kind"] = "Pod", ["namespace"] = "shop", ["name"] = "api-1", ["uid"] = "0f6b", ["apiVersion"] = "v1",
            ["fieldPath"] = "spec.containers{api}",
        },
        ["reason"] = reason,
        ["message"] = message,
        ["type"] = type,
        ["count"] = count,
        ["firstTimestamp"] = first,
        ["lastTimestamp"] = last,
        ["source"] = new JsonObject { ["component"] = "kubelet", ["host"] = host },
    };

    private static IReadOnlyList<string> Kubelet(params JsonObject[] events) =>
        [.. KubeletJournal.Build(Node, [], events).Where(e => e.Unit == KubeletJournal.Kubelet).Select(e => e.Text)];

    [Fact]
    public void Build_StartsWithTheNodesRegistrationInKlogFormat()
    {
        var lines = Kubelet();

        Assert.Equal("I0314 08:59:57.000000     712 server.go:484] \"Kubelet version\" kubeletVersion=\"v1.32.4\"", lines[0]);
        Assert.Contains("I0314 08:59:58.900000     712 kubelet_node_status.go:78] \"Successfully registered node\" node=\"kubemcp-worker\"", lines);
    }

    [Fact]
    public void Build_CrashLoopBackOffBecomesSyncErrorsWithGrowingBackOff()
    {
        var lines = Kubelet(Event("BackOff", "Back-off restarting failed container api in pod api-1_shop(0f6b)", "Warning", count: 3,
            last: "2025-03-14T09:11:10Z"));

        var errors = lines.Where(l => l.Contains("pod_workers.go", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, errors.Count);
        Assert.StartsWith("E0314 09:10:00.", errors[0]);
        Assert.Contains("\"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"api\\\" with CrashLoopBackOff: \\\"back-off 10s restarting failed container=api pod=api-1_shop(0f6b)\\\"\" pod=\"shop/api-1\" podUID=\"0f6b\"", errors[0]);
        Assert.Contains("back-off 40s", errors[2]);
        Assert.StartsWith("E0314 09:11:10.", errors[2]);
    }

    [Fact]
    public void Build_FailedPullBecomesImageServiceErrors()
    {
        var lines = Kubelet(Event("Failed", "Failed to pull image \"nginx:bad\": rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:bad\": not found", "Warning"));

        Assert.Contains(lines, l => l.Contains("log.go:32] \"PullImage from image service failed\" err=\"rpc error: code = NotFound desc = failed to pull and unpack image \\\"docker.io/library/nginx:bad\\\": not found\" image=\"nginx:bad\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("with ErrImagePull:", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_KeepsOneSyncsStepsInOrderAndIgnoresOtherNodes()
    {
        var lines = Kubelet(
            Event("Started", "Started container api"),
            Event("Pulling", "Pulling image \"busybox:1.36\""),
            Event("Created", "Created container: api"),
            Event("Killing", "Stopping container api", host: "kubemcp-worker2"));

        var reasons = lines.Where(l => l.Contains("Event occurred", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("reason=\"", StringComparison.Ordinal) + 8)..].Split('"')[0]).ToList();
        Assert.Equal(["Pulling", "Created", "Started"], reasons);
    }

    [Fact]
    public void Journal_IsJournalctlShortPrecise()
    {
        var entry = KubeletJournal.Build(Node, [], []).First(e => e.Unit == KubeletJournal.Containerd);

        Assert.Equal("Mar 14 08:59:56.000000 kubemcp-worker containerd[196]: time=\"2025-03-14T08:59:56Z\" level=info msg=\"starting containerd\" revision=88bf19b2105c8b17560993bee28a01ddc2f97182 version=v1.7.24",
            KubeletJournal.Journal(entry, "kubemcp-worker"));
    }
}
