using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// <c>kubectl get events</c>: LAST SEEN TYPE REASON OBJECT MESSAGE | SUBOBJECT SOURCE FIRST SEEN COUNT NAME.
/// Serves both <c>v1 Event</c> and <c>events.k8s.io/v1 Event</c>, as upstream prints both through one internal type.
/// </summary>
internal static class EventPrinter
{
    public static ResourcePrinter Create() => new(
        [
            TableColumn.Str("Last Seen", "Time since the event was last observed."),
            TableColumn.Str("Type", "Type of the event (Normal or Warning)."),
            TableColumn.Str("Reason", "Short machine-readable reason for the event."),
            TableColumn.Str("Object", "The object the event is about, as kind/name."),
            TableColumn.Str("Subobject", "Field path within the object, such as a container.", 1),
            TableColumn.Str("Source", "The component (and host) that reported the event.", 1),
            TableColumn.Str("Message", "Human-readable description of the event."),
            TableColumn.Str("First Seen", "Time since the event was first observed.", 1),
            TableColumn.Str("Count", "How many times the event has occurred.", 1),
            TableColumn.ObjectName with { Priority = 1 },
        ],
        Cells);

    private static JsonNode?[] Cells(JsonObject ev, DateTimeOffset now)
    {
        // events.k8s.io/v1 renames the core fields; read whichever shape this object has.
        var isNewApi = ev.Str("apiVersion") == "events.k8s.io/v1" || ev["regarding"] is not null || ev["note"] is not null;
        var involved = isNewApi ? ev["regarding"] : ev["involvedObject"];
        var source = isNewApi ? ev["deprecatedSource"] : ev["source"];
        var firstTimestamp = ev.Str(isNewApi ? "deprecatedFirstTimestamp" : "firstTimestamp");
        var lastTimestamp = ev.Str(isNewApi ? "deprecatedLastTimestamp" : "lastTimestamp");
        var count = ev.Long(isNewApi ? "deprecatedCount" : "count") ?? 0;
        var message = ev.Text(isNewApi ? "note" : "message");

        var firstSeen = Timestamps.Parse(firstTimestamp) is null
            ? Timestamps.Since(ev.Str("eventTime"), now)
            : Timestamps.Since(firstTimestamp, now);
        var lastSeen = Timestamps.Parse(lastTimestamp) is null ? firstSeen : Timestamps.Since(lastTimestamp, now);
        if (ev.Obj("series") is { } series)
        {
            lastSeen = Timestamps.Since(series.Str("lastObservedTime"), now);
            count = series.Long("count") ?? 0;
        }
        else if (count == 0)
        {
            // Singleton events of the new API carry no count.
            count = 1;
        }

        var kind = involved.Text("kind").ToLowerInvariant();
        var target = involved.Text("name") is { Length: > 0 } name ? $"{kind}/{name}" : kind;
        return
        [
            lastSeen,
            ev.Text("type"),
            ev.Text("reason"),
            target,
            involved.Text("fieldPath"),
            Source(
                FirstNonEmpty(source.Text("component"), ev.Text("reportingController")),
                FirstNonEmpty(source.Text("host"), ev.Text("reportingInstance"))),
            message.Trim(),
            firstSeen,
            count,
            ev.Text("metadata", "name"),
        ];
    }

    private static string Source(string component, string instance) =>
        instance.Length == 0 ? component : $"{component}, {instance}";

    private static string FirstNonEmpty(string a, string b) => a.Length > 0 ? a : b;
}
