using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;
using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Events;

/// <summary>events_list: events newest first, one line each, with the object they are about.</summary>
internal sealed class EventsListTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "events_list";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => ToolHints.Read();

    protected override string Title => "Events: List";

    protected override string Description =>
        "List events — scheduling failures, image pulls, probe failures, OOM kills, restarts — newest first, as a table: " +
        "NAMESPACE LAST SEEN TYPE REASON OBJECT MESSAGE, where OBJECT reads like pod/web-1 and LAST SEEN shows repeats as (x5). " +
        "All namespaces unless namespace is given. Warnings only: fieldSelector 'type=Warning'; one object: " +
        "'involvedObject.name=web-1'. Example: {\"namespace\": \"production\", \"fieldSelector\": \"type=Warning\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        CommonParameters.Namespace("Namespace to read events from (optional; default: all namespaces)."),
        CommonParameters.FieldSelector("events",
            "'type=Warning', 'involvedObject.name=web-1' or 'involvedObject.kind=Pod,reason=BackOff'. Supported: involvedObject.kind, " +
            "involvedObject.name, involvedObject.namespace, involvedObject.uid, involvedObject.fieldPath, reason, reportingComponent, source, type"),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var ns = args.String("namespace");
        var selector = SelectorSyntax.Field(args, "fieldSelector");
        var list = await api.ListAsync(ApiResource.Events, ns, new ListQuery(FieldSelector: selector), asTable: false, ct);
        var events = (list["items"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => (Event: e, When: LastSeen(e)))
            .OrderByDescending(e => e.When)
            .ToList();
        if (events.Count == 0)
        {
            return $"No events found {(ns is null ? "in any namespace" : $"in namespace {ns}")}{(selector is null ? "" : $" matching fieldSelector '{selector}'")}." +
                " Events expire after about an hour.";
        }
        var now = Now;
        TextTable table = ns is null
            ? new(["NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
            : new(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
        foreach (var (e, when) in events)
        {
            var seen = when == DateTimeOffset.MinValue ? "<unknown>" : HumanDuration.Format(now - when);
            var count = e.Long("count") ?? e.Long("series.count") ?? 1;
            if (count > 1)
            {
                seen += $" (x{count})";
            }
            var obj = $"{(e.Str("involvedObject.kind") ?? e.Str("regarding.kind") ?? "").ToLowerInvariant()}/{e.Str("involvedObject.name") ?? e.Str("regarding.name")}";
            var cells = new List<string> { seen, e.Str("type") ?? "", e.Str("reason") ?? "", obj, e.Str("message") ?? e.Str("note") ?? "" };
            if (ns is null)
            {
                cells.Insert(0, e.Str("metadata.namespace") ?? "");
            }
            table.Add([.. cells]);
        }
        var text = table.Render(Services.Budget, out var omitted);
        return omitted > 0
            ? text + ListCut.Note(omitted, table.RowCount, "older events", "Narrow it with a namespace or a fieldSelector such as 'type=Warning'.")
            : text;
    }

    private static DateTimeOffset LastSeen(JsonObject e)
    {
        foreach (var path in new[] { "lastTimestamp", "series.lastObservedTime", "eventTime", "firstTimestamp", "metadata.creationTimestamp" })
        {
            if (DateTimeOffset.TryParse(e.Str(path), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var t))
            {
                return t;
            }
        }
        return DateTimeOffset.MinValue;
    }
}
