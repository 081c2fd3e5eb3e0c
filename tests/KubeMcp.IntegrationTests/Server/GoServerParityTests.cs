using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using KubeMcp.IntegrationTests.Infrastructure;
using ModelContextProtocol.Client;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>
/// The Go kubernetes-mcp-server 0.0.67 and ours on the same embedded cluster: the same facts must come back
/// (pod names and counts, namespaces), whatever the formatting.
/// </summary>
public sealed partial class GoServerParityTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PodsAndNamespaces_SameFactsAsGoServer()
    {
        var binary = Validators.Find("kubernetes-mcp-server");
        if (binary is null)
        {
            Assert.Skip("kubernetes-mcp-server is not installed; run eng/install-validators.sh");
        }
        var objects = new TestObjects(server.Cluster);
        await objects.NamespaceAsync("parity-a");
        await objects.NamespaceAsync("parity-b");
        for (var i = 0; i < 5; i++)
        {
            await objects.PodAsync("parity-a", $"web-{i}", status: TestObjects.Running());
        }
        await objects.PodAsync("parity-b", "worker-0", status: TestObjects.CrashLooping(2));
        await objects.PodAsync("default", "lonely", status: TestObjects.Running());

        var port = FreePort();
        using var go = StartGoServer(binary, port);
        await using var goClient = await ConnectWhenReadyAsync(new Uri($"http://127.0.0.1:{port}/mcp"), go);
        await using var ours = await server.ConnectAsync(Ct);

        foreach (var ns in new[] { "parity-a", "parity-b", "default" })
        {
            var goPods = PodNames(await goClient.OkAsync("pods_list_in_namespace", new { @namespace = ns }), ns);
            var ourPods = PodNames(await ours.OkAsync("pods_list_in_namespace", new { @namespace = ns }), ns);
            Assert.Equal(goPods.Order(), ourPods.Order());
        }
        var goAll = PodNames(await goClient.OkAsync("pods_list"));
        var ourAll = PodNames(await ours.OkAsync("pods_list"));
        // The Go server asks SelfSubjectAccessReview before listing all namespaces and quietly falls back to the
        // kubeconfig namespace when the cluster does not answer it; then only that namespace can be compared.
        var goFellBack = goAll.All(n => n.StartsWith("default/", StringComparison.Ordinal));
        Assert.Equal(goAll.Order(), ourAll.Where(n => !goFellBack || n.StartsWith("default/", StringComparison.Ordinal)).Order());
        Assert.Equal(7, ourAll.Count(n => n.StartsWith("parity-", StringComparison.Ordinal) || n == "default/lonely"));
        var goNamespaces = Column(await goClient.OkAsync("namespaces_list"), "NAME");
        var ourNamespaces = Column(await ours.OkAsync("namespaces_list"), "NAME");
        Assert.Equal(goNamespaces.Order(), ourNamespaces.Order());
        Assert.Contains("parity-b", ourNamespaces);
    }

    /// <summary>namespace/name pairs from either server's pod table (NAMESPACE is absent when one namespace was listed).</summary>
    private static List<string> PodNames(string table, string? ns = null)
    {
        var names = Column(table, "NAME");
        var namespaces = Column(table, "NAMESPACE");
        return names.Select((n, i) => $"{(namespaces.Count == names.Count ? namespaces[i] : ns)}/{n}").ToList();
    }

    private static List<string> Column(string table, string header)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('[')).ToList();
        if (lines.Count == 0 || !lines[0].Contains(header, StringComparison.Ordinal))
        {
            return [];
        }
        var headers = Columns().Split(lines[0].Trim());
        var index = Array.IndexOf(headers, header);
        return index < 0 ? [] : lines.Skip(1).Select(l => Columns().Split(l.Trim())).Where(c => c.Length > index).Select(c => c[index]).ToList();
    }

    private Process StartGoServer(string binary, int port)
    {
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--kubeconfig", server.Cluster.KubeconfigPath, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--bind-address", "127.0.0.1", "--toolsets", "core,config" })
        {
            psi.ArgumentList.Add(a);
        }
        // Without these the Go client throttles itself to 5 requests per second.
        psi.Environment["KUBE_CLIENT_QPS"] = "1000";
        psi.Environment["KUBE_CLIENT_BURST"] = "2000";
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<McpClient> ConnectWhenReadyAsync(Uri endpoint, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint }),
                    new McpClientOptions { ProtocolVersion = "2025-06-18" }, cancellationToken: Ct);
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                // The Go server is still starting; polling its port is the only signal it gives.
                await Task.Delay(100, Ct);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Columns();
}
