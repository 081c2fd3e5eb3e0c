using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers.Workloads;

/// <summary>
/// Creating and deleting a controller's pods with the events client-go's pod control records for them
/// (<c>SuccessfulCreate</c> "Created pod: x", <c>SuccessfulDelete</c> "Deleted pod: x").
/// </summary>
internal static class PodControl
{
    public static JsonObject Create(ControllerContext context, JsonObject owner, JsonObject pod, string component)
    {
        var created = context.Registry.Create(context.Type("", "pods"), owner.Namespace(), pod, ControllerContext.ControllerWrite);
        context.Events.Normal(owner, "SuccessfulCreate", $"Created pod: {created.Name()}", component);
        return created;
    }

    /// <summary>Deletes a pod; false when it was already gone.</summary>
    public static bool Delete(ControllerContext context, JsonObject owner, JsonObject pod, string component)
    {
        try
        {
            context.Registry.Delete(context.Type("", "pods"), pod.Namespace(), pod.Name(), DeleteOptions.Default);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            return false;
        }
        context.Events.Normal(owner, "SuccessfulDelete", $"Deleted pod: {pod.Name()}", component);
        return true;
    }

    public static bool IsTerminating(JsonObject pod) => pod["metadata"]?["deletionTimestamp"] is not null;

    public static bool IsRunningAndReady(JsonObject pod) => pod.Str("status.phase") == "Running" && PodTemplates.IsReady(pod);

    /// <summary>
    /// Ready for at least <paramref name="minReadySeconds"/>; when not yet, <paramref name="wait"/> says how long until
    /// it will be, so the caller can requeue.
    /// </summary>
    public static bool IsAvailable(JsonObject pod, long minReadySeconds, DateTimeOffset now, out TimeSpan? wait)
    {
        wait = null;
        if (!IsRunningAndReady(pod))
        {
            return false;
        }
        if (minReadySeconds <= 0)
        {
            return true;
        }
        var since = JsonObjectExtensions.ParseTimestamp(Conditions.Find(pod.At("status.conditions"), "Ready")?["lastTransitionTime"]?.ToString());
        var due = (since ?? now) + TimeSpan.FromSeconds(minReadySeconds);
        if (due <= now)
        {
            return true;
        }
        wait = due - now;
        return false;
    }
}
