using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers;

/// <summary>
/// Records core/v1 Events the way client-go's recorder does: one Event per involved object, reason and message, whose
/// count and lastTimestamp grow when the same thing happens again.
/// </summary>
internal sealed class EventRecorder(ObjectRegistry registry)
{
    private static readonly WriteOptions Write = new("event-recorder");

    public void Normal(JsonObject involved, string reason, string message, string component, string? host = null, string? fieldPath = null) =>
        Record(involved, "Normal", reason, message, component, host, fieldPath);

    public void Warning(JsonObject involved, string reason, string message, string component, string? host = null, string? fieldPath = null) =>
        Record(involved, "Warning", reason, message, component, host, fieldPath);

    public void Record(JsonObject involved, string type, string reason, string message, string component, string? host, string? fieldPath)
    {
        var events = registry.Catalog.Find("", "v1", "events")!;
        var ns = involved.Namespace();
        if (ns.Length == 0)
        {
            ns = "default";
        }
        var now = registry.Clock.GetUtcNow();
        var stamp = now.Timestamp();
        var name = $"{involved.Name()}.{Hash(involved.Uid(), type, reason, message, fieldPath)}";
        try
        {
            var existing = registry.TryGet(events, ns, name);
            if (existing is not null)
            {
                var next = existing.DeepClone().AsObject();
                next["count"] = (existing.Int("count") ?? 1) + 1;
                next["lastTimestamp"] = stamp;
                registry.Update(events, ns, name, next, Write);
                return;
            }
            var involvedObject = new JsonObject
            {
                ["kind"] = involved["kind"]?.DeepClone(),
                ["namespace"] = involved.Namespace().Length == 0 ? null : involved.Namespace(),
                ["name"] = involved.Name(),
                ["uid"] = involved.Uid(),
                ["apiVersion"] = involved["apiVersion"]?.DeepClone(),
                ["resourceVersion"] = involved["metadata"]?["resourceVersion"]?.DeepClone(),
            };
            if (fieldPath is not null)
            {
                involvedObject["fieldPath"] = fieldPath;
            }
            var source = new JsonObject { ["component"] = component };
            if (host is not null)
            {
                source["host"] = host;
            }
            registry.Create(events, ns, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
                ["involvedObject"] = involvedObject,
                ["reason"] = reason,
                ["message"] = message,
                ["source"] = source,
                ["firstTimestamp"] = stamp,
                ["lastTimestamp"] = stamp,
                ["count"] = 1,
                ["type"] = type,
                ["eventTime"] = null,
                ["reportingComponent"] = component,
                ["reportingInstance"] = host ?? "",
            }, Write);
        }
        catch (ApiException)
        {
            // Events are best effort, as in client-go: a lost event must never fail the action it describes.
        }
    }

    private static string Hash(params string?[] parts)
    {
        ulong h = 14695981039346656037;
        foreach (var part in parts)
        {
            foreach (var c in part ?? "")
            {
                h = (h ^ c) * 1099511628211;
            }
            h = (h ^ 0xff) * 1099511628211;
        }
        return (h & 0xffffffffffff).ToString("x", CultureInfo.InvariantCulture).PadLeft(12, '0') + "0";
    }
}
