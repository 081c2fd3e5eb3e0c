using k8s;
using k8s.Models;

namespace KubeMcp.Cli.Commands;

/// <summary>Waits, by watching rather than polling, until the pods of a namespace meet a condition.</summary>
internal static class PodWatch
{
    /// <summary>Returns the namespace's pods once <paramref name="condition"/> holds for them.</summary>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public static async Task<IReadOnlyList<V1Pod>> WaitAsync(
        IKubernetes client, string ns, Func<IReadOnlyList<V1Pod>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var list = await client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: deadline.Token).ConfigureAwait(false);
            var pods = list.Items.ToDictionary(p => p.Name(), StringComparer.Ordinal);
            if (condition([.. pods.Values]))
            {
                return [.. pods.Values];
            }

            var events = client.CoreV1.WatchListNamespacedPodAsync(ns, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: deadline.Token);
            await foreach (var (type, pod) in events.ConfigureAwait(false))
            {
                if (type == WatchEventType.Deleted)
                {
                    pods.Remove(pod.Name());
                }
                else if (type is WatchEventType.Added or WatchEventType.Modified)
                {
                    pods[pod.Name()] = pod;
                }

                if (condition([.. pods.Values]))
                {
                    return [.. pods.Values];
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new TimeoutException($"The pods in namespace {ns} did not reach the expected state within {timeout.TotalSeconds:0} s.");
    }
}
