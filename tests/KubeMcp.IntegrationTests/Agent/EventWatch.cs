using k8s;
using k8s.Models;

namespace KubeMcp.IntegrationTests.Agent;

/// <summary>Waits for an event with a given reason in a namespace, by watching.</summary>
internal static class EventWatch
{
    public static async Task WaitAsync(IKubernetes client, string ns, string reason, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var list = await client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: deadline.Token);
        if (list.Items.Any(e => e.Reason == reason))
        {
            return;
        }

        await foreach (var (_, e) in client.CoreV1.WatchListNamespacedEventAsync(ns, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: deadline.Token))
        {
            if (e.Reason == reason)
            {
                return;
            }
        }

        throw new TimeoutException($"No {reason} event appeared in namespace {ns}.");
    }
}
