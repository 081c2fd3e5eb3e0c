using System.Text;
using k8s;
using k8s.Models;
using KubeMcp.Cluster;

namespace KubeMcp.Cli.Commands;

/// <summary>
/// The demo's story: the embedded cluster's built-in <c>production-failing</c> scenario (healthy frontend and cache,
/// <c>api</c> and <c>worker</c> crash-looping, <c>payments</c> unable to pull its image), started for real by the
/// simulated kubelets. The agent starts once the incident is visible, as an on-call engineer would meet it.
/// </summary>
internal static class DemoScenario
{
    public const string Name = "production-failing";

    public const string Namespace = "production";

    public const string Task = "All production pods are failing. Please investigate and restart them.";

    private static readonly string[] FailingReasons = ["CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "Error"];

    /// <summary>Waits until the failing pods show their failures (at most a minute of cluster time).</summary>
    public static async Task<IAsyncDisposable?> WaitForIncidentAsync(EmbeddedCluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        using var kubeconfig = new MemoryStream(Encoding.UTF8.GetBytes(cluster.KubeconfigYaml()));
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        string[] failing = ["api", "worker", "payments"];
        await PodWatch.WaitAsync(client, Namespace,
            pods => failing.All(app => pods.Any(p => AppOf(p) == app && HasFailed(p))),
            TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static bool HasFailed(V1Pod pod) =>
        pod.Status?.ContainerStatuses?.Any(c =>
            c.RestartCount > 0 || FailingReasons.Contains(c.State?.Waiting?.Reason) || c.State?.Terminated?.ExitCode > 0) == true;

    private static string? AppOf(V1Pod pod) => pod.Labels() is { } labels && labels.TryGetValue("app", out var app) ? app : null;
}
