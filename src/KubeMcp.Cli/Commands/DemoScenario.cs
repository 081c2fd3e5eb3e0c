using System.Text;
using k8s;
using k8s.Models;
using KubeMcp.Cluster;

namespace KubeMcp.Cli.Commands;

/// <summary>
/// The demo's <c>production-failing</c> story, put into a fresh embedded cluster: namespace <c>production</c> with
/// two crash-looping deployments (<c>api</c>, <c>worker</c>), one whose image cannot be pulled (<c>web</c>) and a
/// healthy one (<c>cache</c>), with the events a kubelet would have recorded.
/// </summary>
/// <remarks>
/// This is the seam the cluster's own scenario loading replaces: until the simulated kubelet can make containers
/// fail, the failing deployments run on a node no simulated kubelet serves (<see cref="DemoStandInKubelet.Node"/>)
/// and <see cref="DemoStandInKubelet"/> writes their status. Everything goes through the Kubernetes API, as any
/// client would.
/// </remarks>
internal static class DemoScenario
{
    public const string Namespace = "production";

    public const string Task = "All production pods are failing. Please investigate and restart them.";

    /// <summary>Applies the scenario; the returned handle stops the stand-in kubelet and must be disposed before the cluster.</summary>
    public static async Task<IAsyncDisposable?> ApplyAsync(EmbeddedCluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        using var kubeconfig = new MemoryStream(Encoding.UTF8.GetBytes(cluster.KubeconfigYaml()));
        var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        try
        {
            foreach (var item in KubernetesYaml.LoadAllFromString(Manifest))
            {
                switch (item)
                {
                    case V1Namespace ns:
                        await client.CoreV1.CreateNamespaceAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case V1Deployment deployment:
                        await client.AppsV1.CreateNamespacedDeploymentAsync(deployment, Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                }
            }

            string[] apps = ["api", "worker", "web", "cache"];
            await PodWatch.WaitAsync(client, Namespace, pods => apps.All(a => pods.Any(p => AppOf(p) == a)), TimeSpan.FromSeconds(30), cancellationToken)
                .ConfigureAwait(false);
            return await DemoStandInKubelet.StartAsync(client, Namespace, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static readonly string Manifest = $"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {Namespace}
        ---
        {Deployment("api", "shop/api:2.3.1", DemoStandInKubelet.Node)}
        ---
        {Deployment("worker", "shop/worker:2.3.1", DemoStandInKubelet.Node)}
        ---
        {Deployment("web", "nginx:1.99-doesnotexist", DemoStandInKubelet.Node)}
        ---
        {Deployment("cache", "redis:7.4", HealthyNode)}
        """;

    /// <summary>A node the simulated kubelet serves; the healthy deployment is bound to it directly.</summary>
    private const string HealthyNode = "kubemcp-worker";

    private static string? AppOf(V1Pod pod) => pod.Labels() is { } labels && labels.TryGetValue("app", out var app) ? app : null;

    private static string Deployment(string name, string image, string node) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {Namespace}
          labels:
            app: {name}
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
            spec:
              nodeName: {node}
              containers:
              - name: {name}
                image: {image}
        """;
}
