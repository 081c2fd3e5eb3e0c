using k8s;
using k8s.Models;
using KubeMcp.Cli.Commands;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Agent;

/// <summary>
/// Hand-made failing workloads in one namespace, independent of the kubelet simulation: the deployments' pods are
/// bound to a node no simulated kubelet serves, and their status is written here as a kubelet would.
/// <c>api</c> crash-loops, <c>web</c> cannot pull its image, <c>cache</c> is healthy.
/// </summary>
public sealed class FailingWorkloads
{
    public const string ExternalNode = "external-node";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private FailingWorkloads(IKubernetes client, string ns, IReadOnlyDictionary<string, string> pods)
    {
        Client = client;
        Namespace = ns;
        Pods = pods;
    }

    public IKubernetes Client { get; }

    public string Namespace { get; }

    /// <summary>Pod name by app (api, web, cache).</summary>
    public IReadOnlyDictionary<string, string> Pods { get; }

    public string Api => Pods["api"];

    public string Web => Pods["web"];

    public string Cache => Pods["cache"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<FailingWorkloads> CreateAsync(McpServerFixture server, string ns)
    {
        var objects = new TestObjects(server.Cluster);
        var client = objects.Client;
        await objects.NamespaceAsync(ns);
        foreach (var (app, image) in new[] { ("api", "shop/api:2.3.1"), ("web", "nginx:1.99-doesnotexist"), ("cache", "redis:7.4") })
        {
            await client.AppsV1.CreateNamespacedDeploymentAsync(Deployment(app, image), ns, cancellationToken: Ct);
        }

        var pods = await PodWatch.WaitAsync(client, ns, p => p.Count == 3, Timeout, Ct);
        var names = pods.ToDictionary(p => p.Labels()["app"], p => p.Name());
        await SetStatusAsync(client, ns, names["api"], TestObjects.CrashLooping(5));
        await SetStatusAsync(client, ns, names["web"], ImagePullBackOff());
        await SetStatusAsync(client, ns, names["cache"], TestObjects.Running());
        await EventAsync(client, ns, names["api"], "BackOff", $"Back-off restarting failed container main in pod {names["api"]}_{ns}");
        await EventAsync(client, ns, names["web"], "Failed", "Failed to pull image \"nginx:1.99-doesnotexist\": rpc error: code = NotFound desc = not found");
        return new FailingWorkloads(client, ns, names);
    }

    /// <summary>The pod named <paramref name="name"/>, or null when it is gone.</summary>
    public async Task<V1Pod?> FindPodAsync(string name) =>
        (await Client.CoreV1.ListNamespacedPodAsync(Namespace, cancellationToken: Ct)).Items.FirstOrDefault(p => p.Name() == name);

    /// <summary>Waits until the ReplicaSet has replaced <paramref name="app"/>'s pod and returns the replacement.</summary>
    public async Task<V1Pod> ReplacementAsync(string app)
    {
        var old = Pods[app];
        var pods = await PodWatch.WaitAsync(Client, Namespace,
            p => p.Any(x => x.Labels()["app"] == app && x.Name() != old && x.Metadata.DeletionTimestamp is null), Timeout, Ct);
        return pods.Single(x => x.Labels()["app"] == app && x.Name() != old);
    }

    /// <summary>True when the pod is gone or being deleted.</summary>
    public async Task<bool> IsDeletedAsync(string name) => await FindPodAsync(name) is null or { Metadata.DeletionTimestamp: not null };

    public static V1PodStatus ImagePullBackOff() => new()
    {
        Phase = "Pending",
        ContainerStatuses = [new V1ContainerStatus
        {
            Name = "main", Image = "nginx:1.99-doesnotexist", ImageID = "", Ready = false, RestartCount = 0, Started = false,
            State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ImagePullBackOff", Message = "Back-off pulling image" } },
        }],
    };

    private static V1Deployment Deployment(string app, string image) => new()
    {
        Metadata = new V1ObjectMeta { Name = app, Labels = new Dictionary<string, string> { ["app"] = app } },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = app } },
                Spec = new V1PodSpec { NodeName = ExternalNode, Containers = [new V1Container { Name = "main", Image = image }] },
            },
        },
    };

    private static async Task SetStatusAsync(IKubernetes client, string ns, string name, V1PodStatus status)
    {
        var pod = await client.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: Ct);
        pod.Status = status;
        await client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, name, ns, cancellationToken: Ct);
    }

    private static Task EventAsync(IKubernetes client, string ns, string pod, string reason, string message) =>
        client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = $"{pod}.{reason.ToLowerInvariant()}", NamespaceProperty = ns },
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = pod, NamespaceProperty = ns, ApiVersion = "v1" },
            Reason = reason,
            Message = message,
            Type = "Warning",
            Count = 1,
            FirstTimestamp = DateTime.UtcNow,
            LastTimestamp = DateTime.UtcNow,
            Source = new V1EventSource { Component = "kubelet", Host = ExternalNode },
        }, ns, cancellationToken: Ct);
}
