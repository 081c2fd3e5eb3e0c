namespace KubeMcp.IntegrationTests.Cluster.Nodes;

/// <summary>kubectl against the simulated kubelet's probes: READY, describe's Unhealthy events, liveness restarts.</summary>
public sealed class KubectlProbeTests(VirtualClockClusterFixture fixture) : IClassFixture<VirtualClockClusterFixture>
{
    private const string Ns = "probes";

    private async Task SetUpAsync()
    {
        if ((await fixture.Kubectl.RunAsync("get", "namespace", Ns)).ExitCode != 0)
        {
            await fixture.Kubectl.ApplyAsync(Manifests.Namespace(Ns));
        }
    }

    private static string Nginx(string name, string probe) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          namespace: {Ns}
        spec:
          containers:
          - name: web
            image: nginx:1.27
            ports:
            - containerPort: 80
        {probe}
        """;

    [Fact]
    public async Task ReadinessProbeOnTheWrongPort_ShowsZeroOfOneReady_AndUnhealthyInDescribe()
    {
        await SetUpAsync();
        await fixture.ApplyAsync(Nginx("catalog", """
                readinessProbe:
                  httpGet: {path: /healthz, port: 8081}
                  periodSeconds: 10
            """), forSeconds: 35);

        var row = await fixture.Kubectl.OkAsync("get", "pod", "catalog", "-n", Ns, "--no-headers");
        var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["catalog", "0/1", "Running", "0"], columns[..4]);

        var ip = await fixture.Kubectl.OkAsync("get", "pod", "catalog", "-n", Ns, "-o", "jsonpath={.status.podIP}");
        var describe = await fixture.Kubectl.OkAsync("describe", "pod", "catalog", "-n", Ns);
        Assert.Contains("Readiness:      http-get http://:8081/healthz delay=0s timeout=1s period=10s #success=1 #failure=3", describe);
        Assert.Matches(@"Warning\s+Unhealthy\s+\S+ \(x4 over \S+\)\s+kubelet\s+Readiness probe failed: Get "
            + System.Text.RegularExpressions.Regex.Escape($"\"http://{ip}:8081/healthz\": dial tcp {ip}:8081: connect: connection refused"), describe);
        Assert.Matches(@"Ready\s+False", describe);
    }

    [Fact]
    public async Task LivenessProbeFailing_RestartsTheContainer()
    {
        await SetUpAsync();
        await fixture.ApplyAsync(Nginx("flaky", """
                livenessProbe:
                  tcpSocket: {port: 8081}
                  periodSeconds: 5
                  failureThreshold: 3
            """), forSeconds: 25);

        var row = await fixture.Kubectl.OkAsync("get", "pod", "flaky", "-n", Ns, "--no-headers");
        Assert.Equal(["flaky", "1/1", "Running", "1"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..4]);
        var describe = await fixture.Kubectl.OkAsync("describe", "pod", "flaky", "-n", Ns);
        Assert.Contains("Container web failed liveness probe, will be restarted", describe);
        Assert.Matches(@"Warning\s+Unhealthy\s+.*Liveness probe failed: dial tcp \S+:8081: connect: connection refused", describe);
        Assert.Matches(@"Last State:\s+Terminated\s+Reason:\s+Completed\s+Exit Code:\s+0", describe);
        Assert.Matches(@"Restart Count:\s+1", describe);
    }
}
