using System.Diagnostics;
using KubeMcp.Cluster;

namespace KubeMcp.Benchmarks.Cluster;

/// <summary>Times listing every pod: through kubectl, and as one Table or JSON request.</summary>
internal sealed class ListMeasurements(EmbeddedCluster cluster, string kubeconfig, string directory, bool runKubectl) : IDisposable
{
    private readonly HttpClient _http = ClusterHttp.Create(cluster);

    public async Task<string> KubectlGetPodsAsync()
    {
        if (!runKubectl)
        {
            return "(skipped)";
        }
        await RunKubectlAsync();
        var samples = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            samples.Add(await RunKubectlAsync());
        }
        return Format.Ms(Format.Median(samples));
    }

    public async Task<string> TableListAsync()
    {
        await GetAsync(ClusterHttp.TableAccept);
        var samples = new List<TimeSpan>();
        for (var i = 0; i < 9; i++)
        {
            samples.Add(await GetAsync(ClusterHttp.TableAccept));
        }
        return Format.Ms(Format.Median(samples));
    }

    public async Task<string> JsonListAsync()
    {
        await GetAsync("application/json");
        var samples = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            samples.Add(await GetAsync("application/json"));
        }
        return Format.Ms(Format.Median(samples));
    }

    public void Dispose() => _http.Dispose();

    private Task<TimeSpan> GetAsync(string accept) => TimeListAllPodsAsync(_http, accept);

    /// <summary>One list of every pod as <paramref name="accept"/>, timed until the last byte of the body has arrived.</summary>
    public static async Task<TimeSpan> TimeListAllPodsAsync(HttpClient http, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/pods");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var started = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
        return started.Elapsed;
    }

    private async Task<TimeSpan> RunKubectlAsync()
    {
        var psi = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(directory, "kube-cache"), "get", "pods", "-A" })
        {
            psi.ArgumentList.Add(arg);
        }
        var started = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = started.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl get pods -A failed: {await stderr}");
        }
        _ = await stdout;
        return elapsed;
    }
}
