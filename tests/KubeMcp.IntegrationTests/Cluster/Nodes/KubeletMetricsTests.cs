using System.Text.Json.Nodes;

namespace KubeMcp.IntegrationTests.Cluster.Nodes;

/// <summary>kubectl top (metrics.k8s.io), the kubelet Summary API and node logs through the node proxy.</summary>
public sealed class KubeletMetricsTests(VirtualClockClusterFixture fixture) : IClassFixture<VirtualClockClusterFixture>
{
    private const string Ns = "metrics";

    private async Task<string> SetUpAsync()
    {
        if ((await fixture.Kubectl.RunAsync("get", "pod", "-n", Ns, "hog")).ExitCode != 0)
        {
            await fixture.Kubectl.ApplyAsync(Manifests.Namespace(Ns));
            await fixture.Kubectl.ApplyAsync(Manifests.Pod(Ns, "web", null, image: "nginx:1.27"));
            await fixture.Kubectl.ApplyAsync("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: hog
                  namespace: metrics
                  annotations:
                    sim.kubemcp.io/memory-usage: 300Mi
                    sim.kubemcp.io/cpu-usage: 750m
                spec:
                  containers:
                  - name: main
                    image: busybox:1.36
                    command: ["sleep", "infinity"]
                """);
            await fixture.Kubectl.ApplyAsync(Manifests.Pod(Ns, "crasher", "echo dying; exit 2"));
            await fixture.AdvanceAsync(TimeSpan.FromSeconds(20));
        }
        return await fixture.Kubectl.OkAsync("get", "pod", "-n", Ns, "hog", "-o", "jsonpath={.spec.nodeName}");
    }

    [Fact]
    public async Task TopPods_ShowsRunningPodsWithTheirUsage()
    {
        await SetUpAsync();

        var output = await fixture.Kubectl.OkAsync("top", "pods", "-A");

        var hog = output.Split('\n').Single(l => l.Contains("hog", StringComparison.Ordinal));
        // 750m ± the 8% scrape-to-scrape wobble of ContainerUsage; 300Mi ± 0.4%.
        Assert.Matches(@"^metrics\s+hog\s+(69[0-9]|7[0-9]{2}|80[0-9]|810)m\s+(29[89]|30[01])Mi\s*$", hog);
        Assert.Contains(output.Split('\n'), l => l.Contains(" web ", StringComparison.Ordinal));
        Assert.DoesNotContain("crasher", output);
    }

    [Fact]
    public async Task TopNodes_AddsPodsToTheNodesOwnUse()
    {
        var node = await SetUpAsync();

        // Both read at the same instant of the virtual clock, so the node's figures must hold the pod's.
        var output = await fixture.Kubectl.OkAsync("top", "nodes");
        var hog = (await fixture.Kubectl.OkAsync("top", "pod", "hog", "-n", Ns, "--no-headers")).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        var row = lines.Single(l => l.StartsWith(node + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(Number(row[1]) > Number(hog[1]), output + string.Join(' ', hog));
        Assert.True(Number(row[3]) > Number(hog[2]), output + string.Join(' ', hog));
        Assert.True(Number(hog[2]) >= 290, string.Join(' ', hog));
    }

    [Fact]
    public async Task PodMetrics_HaveTheMetricsServerShape()
    {
        await SetUpAsync();

        var json = JsonNode.Parse(await fixture.Kubectl.OkAsync("get", "--raw", $"/apis/metrics.k8s.io/v1beta1/namespaces/{Ns}/pods/hog"))!;

        Assert.Equal("PodMetrics", json["kind"]!.ToString());
        Assert.Equal("metrics.k8s.io/v1beta1", json["apiVersion"]!.ToString());
        Assert.EndsWith("s", json["window"]!.ToString());
        Assert.Matches(@"^\d+n$", json["containers"]![0]!["usage"]!["cpu"]!.ToString());
        Assert.Matches(@"^\d+Ki$", json["containers"]![0]!["usage"]!["memory"]!.ToString());
    }

    [Fact]
    public async Task StatsSummary_DescribesTheNodeAndItsPods()
    {
        var node = await SetUpAsync();

        var summary = JsonNode.Parse(await fixture.Kubectl.OkAsync("get", "--raw", $"/api/v1/nodes/{node}/proxy/stats/summary"))!;

        Assert.Equal(node, summary["node"]!["nodeName"]!.ToString());
        Assert.True(summary["node"]!["memory"]!["workingSetBytes"]!.GetValue<long>() > 300L * 1024 * 1024);
        Assert.True(summary["node"]!["fs"]!["capacityBytes"]!.GetValue<long>() > summary["node"]!["fs"]!["usedBytes"]!.GetValue<long>());
        Assert.Equal(["kubelet", "runtime", "pods"], summary["node"]!["systemContainers"]!.AsArray().Select(c => c!["name"]!.ToString()));
        var hog = summary["pods"]!.AsArray().Single(p => p!["podRef"]!["name"]!.ToString() == "hog")!;
        Assert.Equal(Ns, hog["podRef"]!["namespace"]!.ToString());
        Assert.InRange(hog["containers"]![0]!["cpu"]!["usageNanoCores"]!.GetValue<long>(), 690_000_000, 810_000_000);
        Assert.NotNull(hog["ephemeral-storage"]!["usedBytes"]);
        Assert.NotNull(hog["containers"]![0]!["logs"]!["usedBytes"]);
    }

    [Fact]
    public async Task NodeLogs_TellWhatTheKubeletDid()
    {
        var node = await SetUpAsync();
        var crasherNode = await fixture.Kubectl.OkAsync("get", "pod", "-n", Ns, "crasher", "-o", "jsonpath={.spec.nodeName}");

        var journal = await fixture.Kubectl.OkAsync("get", "--raw", $"/api/v1/nodes/{crasherNode}/proxy/logs/?query=kubelet");
        var file = await fixture.Kubectl.OkAsync("get", "--raw", $"/api/v1/nodes/{node}/proxy/logs/kubelet.log?tailLines=3");
        var missing = await fixture.Kubectl.RunAsync("get", "--raw", $"/api/v1/nodes/{node}/proxy/logs/shadow");

        Assert.Contains($"{crasherNode} kubelet[", journal);
        Assert.Contains("\"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"main\\\" with CrashLoopBackOff", journal);
        Assert.Contains("reason=\"Started\" message=\"Started container main\"", journal);
        Assert.Equal(3, file.TrimEnd('\n').Split('\n').Length);
        Assert.Matches(@"^[IWE]\d{4} \d{2}:\d{2}:\d{2}\.\d{6} ", file);
        Assert.NotEqual(0, missing.ExitCode);
    }

    private static int Number(string quantity) =>
        int.Parse(quantity.TrimEnd('m', 'M', 'i'), System.Globalization.CultureInfo.InvariantCulture);
}
