using k8s;
using k8s.Models;

namespace KubeMcp.Cli.Commands;

/// <summary>
/// Plays the kubelet of the demo's failing pods until the simulated kubelet can make containers fail: gives the
/// first pod of each deployment its failure (status and events), and a replacement pod the status it would have
/// after a restart — running for a crash a restart cures, failing again for a bad image.
/// </summary>
internal sealed class DemoStandInKubelet : IAsyncDisposable
{
    /// <summary>The node the failing pods are bound to; no simulated kubelet runs there.</summary>
    public const string Node = "kubemcp-demo-node";

    private readonly Kubernetes _client;
    private readonly string _namespace;
    private readonly CancellationTokenSource _stop = new();
    private Task _watch = Task.CompletedTask;

    private DemoStandInKubelet(Kubernetes client, string ns)
    {
        _client = client;
        _namespace = ns;
    }

    public static async Task<DemoStandInKubelet> StartAsync(Kubernetes client, string ns, CancellationToken cancellationToken)
    {
        var kubelet = new DemoStandInKubelet(client, ns);
        var pods = await client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var pod in pods.Items.Where(p => p.Spec.NodeName == Node))
        {
            await kubelet.FailAsync(pod, cancellationToken).ConfigureAwait(false);
        }

        kubelet._watch = kubelet.WatchReplacementsAsync(pods.Metadata.ResourceVersion, kubelet._stop.Token);
        return kubelet;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _watch.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
            // The watch ends with the cluster; how it ends does not matter.
        }

        _stop.Dispose();
        _client.Dispose();
    }

    private async Task WatchReplacementsAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        var events = _client.CoreV1.WatchListNamespacedPodAsync(_namespace, resourceVersion: resourceVersion, cancellationToken: cancellationToken);
        await foreach (var (type, pod) in events.ConfigureAwait(false))
        {
            if (pod.Spec.NodeName != Node)
            {
                continue;
            }

            try
            {
                if (pod.Metadata.DeletionTimestamp is not null && type != WatchEventType.Deleted)
                {
                    // A kubelet confirms a graceful deletion once the containers have stopped; these have nothing to stop.
                    await FinishDeletionAsync(pod, cancellationToken).ConfigureAwait(false);
                }
                else if (type == WatchEventType.Added && pod.Status?.ContainerStatuses is null or { Count: 0 })
                {
                    await ReplaceAsync(pod, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
            {
                // The pod went away (or changed hands) while we were writing it: nothing left to play.
            }
        }
    }

    private async Task FailAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var app = AppOf(pod) ?? "";
        var container = pod.Spec.Containers[0];
        switch (app)
        {
            case "api":
                await SetStatusAsync(pod, CrashLooping(container, 5), cancellationToken).ConfigureAwait(false);
                await EventAsync(pod, "BackOff", $"Back-off restarting failed container {container.Name} in pod {pod.Name()}_{_namespace}({pod.Uid()})", cancellationToken).ConfigureAwait(false);
                break;
            case "worker":
                await SetStatusAsync(pod, CrashLooping(container, 4), cancellationToken).ConfigureAwait(false);
                await EventAsync(pod, "BackOff", $"Back-off restarting failed container {container.Name} in pod {pod.Name()}_{_namespace}({pod.Uid()})", cancellationToken).ConfigureAwait(false);
                break;
            default:
                await SetStatusAsync(pod, ImagePullBackOff(container), cancellationToken).ConfigureAwait(false);
                await EventAsync(pod, "Failed", $"Failed to pull image \"{container.Image}\": rpc error: code = NotFound desc = failed to pull and unpack image \"{container.Image}\": not found", cancellationToken).ConfigureAwait(false);
                await EventAsync(pod, "Failed", "Error: ImagePullBackOff", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task ReplaceAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var container = pod.Spec.Containers[0];
        if (AppOf(pod) is "api" or "worker")
        {
            await SetStatusAsync(pod, Running(container), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await FailAsync(pod, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FinishDeletionAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CoreV1.DeleteNamespacedPodAsync(pod.Name(), _namespace, new V1DeleteOptions
            {
                GracePeriodSeconds = 0,
                Preconditions = new V1Preconditions { Uid = pod.Uid() },
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
        {
            // Already gone, or a new pod took the name.
        }
    }

    private async Task SetStatusAsync(V1Pod pod, V1PodStatus status, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await _client.CoreV1.ReadNamespacedPodAsync(pod.Name(), _namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            current.Status = status;
            try
            {
                await _client.CoreV1.ReplaceNamespacedPodStatusAsync(current, pod.Name(), _namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 5)
            {
                // Someone else (a controller) wrote the pod in between: read it again.
            }
        }
    }

    private Task EventAsync(V1Pod pod, string reason, string message, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        return _client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = $"{pod.Name()}.{Guid.NewGuid():N}", NamespaceProperty = _namespace },
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = pod.Name(), NamespaceProperty = _namespace, Uid = pod.Uid(), ApiVersion = "v1" },
            Reason = reason,
            Message = message,
            Type = "Warning",
            Count = 1,
            FirstTimestamp = now,
            LastTimestamp = now,
            Source = new V1EventSource { Component = "kubelet", Host = Node },
        }, _namespace, cancellationToken: cancellationToken);
    }

    private static string? AppOf(V1Pod pod) => pod.Labels() is { } labels && labels.TryGetValue("app", out var app) ? app : null;

    private static V1PodStatus Running(V1Container container) => new()
    {
        Phase = "Running",
        StartTime = DateTime.UtcNow,
        Conditions = [new V1PodCondition { Type = "Ready", Status = "True" }],
        ContainerStatuses = [new V1ContainerStatus
        {
            Name = container.Name, Image = container.Image, ImageID = "", Ready = true, RestartCount = 0, Started = true,
            State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = DateTime.UtcNow } },
        }],
    };

    private static V1PodStatus CrashLooping(V1Container container, int restarts) => new()
    {
        Phase = "Running",
        StartTime = DateTime.UtcNow.AddMinutes(-10),
        Conditions = [new V1PodCondition { Type = "Ready", Status = "False", Reason = "ContainersNotReady" }],
        ContainerStatuses = [new V1ContainerStatus
        {
            Name = container.Name, Image = container.Image, ImageID = "", Ready = false, RestartCount = restarts, Started = false,
            State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = $"back-off 2m40s restarting failed container={container.Name}" } },
            LastState = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 1, Reason = "Error", FinishedAt = DateTime.UtcNow.AddSeconds(-30) } },
        }],
    };

    private static V1PodStatus ImagePullBackOff(V1Container container) => new()
    {
        Phase = "Pending",
        StartTime = DateTime.UtcNow.AddMinutes(-10),
        Conditions = [new V1PodCondition { Type = "Ready", Status = "False", Reason = "ContainersNotReady" }],
        ContainerStatuses = [new V1ContainerStatus
        {
            Name = container.Name, Image = container.Image, ImageID = "", Ready = false, RestartCount = 0, Started = false,
            State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ImagePullBackOff", Message = $"Back-off pulling image \"{container.Image}\"" } },
        }],
    };
}
