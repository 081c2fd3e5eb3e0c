using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server.Audit;
using ModelContextProtocol.Client;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>The audit log survives the server being killed: every answered call has its line.</summary>
public sealed class AuditLogDurabilityTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubemcp-audit-kill-").FullName;

    [Fact]
    public async Task KilledMidRun_EveryAnsweredCallIsInTheLog()
    {
        var ct = TestContext.Current.CancellationToken;
        var auditPath = Path.Combine(_dir, "audit.jsonl");
        // A small rotation size so the kill also lands around rotations.
        using var server = await ServerProcess.StartAsync("--kubeconfig", cluster.KubeconfigPath, "--audit-log", auditPath,
            "--audit-max-bytes", "20000", "--rate-limit-session", "0", "--rate-limit-global", "0");
        var answered = new ConcurrentBag<int>();
        var started = 0;
        var enough = new TaskCompletionSource();

        async Task Worker(int worker)
        {
            await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = server.Endpoint }), cancellationToken: ct);
            while (true)
            {
                var id = Interlocked.Increment(ref started);
                try
                {
                    await client.CallToolAsync("pods_list_in_namespace",
                        new Dictionary<string, object?> { ["namespace"] = "default", ["labelSelector"] = $"call={id}" }, cancellationToken: ct);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    return; // the server is gone
                }
                answered.Add(id);
                if (answered.Count >= 120)
                {
                    enough.TrySetResult();
                }
            }
        }

        var workers = Enumerable.Range(0, 6).Select(w => Task.Run(() => Worker(w), ct)).ToArray();
        await enough.Task.WaitAsync(TimeSpan.FromSeconds(120), ct);
        server.Kill();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60), ct);

        var lines = AuditLog.ReadAll(auditPath, maxFiles: 5).Select(l => JsonNode.Parse(l)!).ToList();
        var logged = lines.Select(l => l["arguments"]!["labelSelector"]!.GetValue<string>()).ToHashSet();
        Assert.True(answered.Count >= 120);
        Assert.All(answered, id => Assert.Contains($"call={id}", logged));
        // Nothing was logged that was not at least sent.
        Assert.InRange(lines.Count, answered.Count, started);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
