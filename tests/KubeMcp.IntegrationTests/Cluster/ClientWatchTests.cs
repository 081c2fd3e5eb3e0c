using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeMcp.Cluster;
using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>KubernetesClient (the official C# client) against the embedded cluster: watches and paginated lists.</summary>
public sealed class ClientWatchTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Kubernetes Client(string kubeconfig) => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));

    private static V1ConfigMap ConfigMap(string name, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Data = new Dictionary<string, string> { ["v"] = value },
    };

    [Fact]
    public async Task Watch_FromAResourceVersion_ReceivesAddedModifiedAndDeleted_ThenLiveChanges()
    {
        using var client = Client(fixture.KubeconfigPath);
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "client-watch" } }, cancellationToken: Ct);
        var start = await client.CoreV1.ListNamespacedConfigMapAsync("client-watch", cancellationToken: Ct);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("first", "1"), "client-watch", cancellationToken: Ct);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"v":"2"}}""", V1Patch.PatchType.MergePatch), "first", "client-watch", cancellationToken: Ct);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("first", "client-watch", cancellationToken: Ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var seen = new List<(WatchEventType Type, string Name, string? Value)>();
        var watch = client.CoreV1.WatchListNamespacedConfigMapAsync("client-watch", resourceVersion: start.Metadata.ResourceVersion,
            cancellationToken: timeout.Token);
        await foreach (var (type, cm) in watch)
        {
            seen.Add((type, cm.Metadata.Name, cm.Data is { } data && data.TryGetValue("v", out var v) ? v : null));
            if (seen.Count == 3)
            {
                // Replayed from history; what follows arrives live on the same stream.
                await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("second", "3"), "client-watch", cancellationToken: Ct);
            }
            if (seen.Count == 4)
            {
                break;
            }
        }

        Assert.Equal(
            [(WatchEventType.Added, "first", "1"), (WatchEventType.Modified, "first", "2"), (WatchEventType.Deleted, "first", "2"),
             (WatchEventType.Added, "second", "3")],
            seen);
    }

    [Fact]
    public async Task Watch_FromAResourceVersionOlderThanTheHistory_GetsAnExpiredStatus()
    {
        var directory = Directory.CreateTempSubdirectory("kubemcp-short-history-").FullName;
        try
        {
            await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { WatchHistoryCapacity = 5 }, Ct);
            using var client = Client(cluster.WriteKubeconfig(Path.Combine(directory, "kubeconfig")));
            var first = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c0", "0"), "default", cancellationToken: Ct);
            for (var i = 1; i <= 10; i++)
            {
                await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"c{i}", "0"), "default", cancellationToken: Ct);
            }

            var errors = new List<Exception>();
            var events = 0;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var watch = client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: first.Metadata.ResourceVersion,
                onError: errors.Add, cancellationToken: timeout.Token);
            await foreach (var _ in watch)
            {
                events++;
            }

            Assert.Equal(0, events);
            var status = Assert.IsType<KubernetesException>(Assert.Single(errors)).Status;
            Assert.Equal(410, status.Code);
            Assert.Equal("Expired", status.Reason);
            Assert.StartsWith($"too old resource version: {first.Metadata.ResourceVersion} (", status.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Watch_WithNothingToReportYet_StartsItsResponseAtOnce()
    {
        using var http = ClusterHttp.Create(fixture.Cluster);
        var list = JsonNode.Parse(await http.GetStringAsync("/api/v1/namespaces/kube-public/configmaps", Ct))!;
        var rv = list["metadata"]!["resourceVersion"]!.ToString();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));

        // The watch lasts 10 minutes; its headers must not wait for its end (kubectl wait and informers block on them).
        using var response = await http.GetAsync($"/api/v1/namespaces/kube-public/configmaps?watch=true&resourceVersion={rv}&timeoutSeconds=600",
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_WithLimit_PagesThroughEverythingInOrder()
    {
        using var client = Client(fixture.KubeconfigPath);
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "client-pages" } }, cancellationToken: Ct);
        await fixture.Cluster.SettleAsync(Ct);
        var expected = Enumerable.Range(0, 11).Select(i => $"item-{i:D2}").ToList();
        foreach (var name in expected.OrderByDescending(n => n, StringComparer.Ordinal))
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap(name, name), "client-pages", cancellationToken: Ct);
        }

        var names = new List<string>();
        var remaining = new List<long?>();
        string? token = null;
        do
        {
            var page = await client.CoreV1.ListNamespacedConfigMapAsync("client-pages", limit: 4, continueParameter: token, cancellationToken: Ct);
            names.AddRange(page.Items.Select(i => i.Metadata.Name).Where(n => n.StartsWith("item-", StringComparison.Ordinal)));
            remaining.Add(page.Metadata.RemainingItemCount);
            token = page.Metadata.ContinueProperty;
        }
        while (token is not null);

        Assert.Equal(expected, names);
        // 12 objects with kube-root-ca.crt: pages of 4, 4 and 4.
        Assert.Equal([8L, 4L, null], remaining);
        var bad = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.ListNamespacedConfigMapAsync("client-pages", limit: 4, continueParameter: "bm90LWEtdG9rZW4", cancellationToken: Ct));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.Response.StatusCode);
    }
}
