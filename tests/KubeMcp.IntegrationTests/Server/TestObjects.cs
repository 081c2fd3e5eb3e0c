using k8s;
using k8s.Models;
using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>Creates objects on the test cluster through KubernetesClient, as any client would.</summary>
public sealed class TestObjects(ClusterFixture cluster)
{
    public IKubernetes Client { get; } = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath));

    public async Task NamespaceAsync(string name) =>
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } },
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>A pod, and optionally the status a kubelet would report for it.</summary>
    public async Task<V1Pod> PodAsync(string ns, string name, Dictionary<string, string>? labels = null, V1PodStatus? status = null, string node = "node-1")
    {
        var ct = TestContext.Current.CancellationToken;
        var pod = await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = labels ?? new Dictionary<string, string> { ["app"] = name } },
            Spec = new V1PodSpec { NodeName = node, Containers = [new V1Container { Name = "main", Image = "nginx:1.27" }] },
        }, ns, cancellationToken: ct);
        if (status is not null)
        {
            pod.Status = status;
            pod = await Client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, name, ns, cancellationToken: ct);
        }
        return pod;
    }

    public static V1PodStatus Running() => new()
    {
        Phase = "Running",
        Conditions = [new V1PodCondition { Type = "Ready", Status = "True" }],
        ContainerStatuses = [new V1ContainerStatus
        {
            Name = "main", Image = "nginx:1.27", ImageID = "", Ready = true, RestartCount = 0, Started = true,
            State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = DateTime.UtcNow } },
        }],
    };

    public static V1PodStatus CrashLooping(int restarts) => new()
    {
        Phase = "Running",
        ContainerStatuses = [new V1ContainerStatus
        {
            Name = "main", Image = "nginx:1.27", ImageID = "", Ready = false, RestartCount = restarts, Started = false,
            State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = "back-off 5m0s restarting failed container" } },
            LastState = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, Reason = "Error", FinishedAt = DateTime.UtcNow.AddMinutes(-2) } },
        }],
    };
}
