using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;
using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools;

/// <summary>
/// Lists any resource the way list tools answer: a compact table built from the API server's Table (with the
/// columns kubectl shows), or cleaned YAML when the server runs with list output yaml — always within the budget.
/// </summary>
internal sealed class ListRenderer(ToolServices services)
{
    private const int PageLimit = 500;

    public async Task<string> ListAsync(KubeApi api, ApiResource resource, string? ns, ListQuery query, CancellationToken ct)
    {
        var allNamespaces = resource.Namespaced && string.IsNullOrEmpty(ns);
        query = query with { Limit = PageLimit };
        var hint = NarrowHint(resource, allNamespaces);
        if (services.Options.ListOutput == ListOutputFormat.Yaml)
        {
            var list = await api.ListAsync(resource, ns, query, asTable: false, ct);
            var items = list["items"] as JsonArray ?? [];
            if (items.Count == 0)
            {
                return Empty(resource, ns, query);
            }
            var rendered = items.OfType<JsonObject>()
                .Select(i => YamlText.Write(new JsonArray(ObjectCleaner.Clean(WithTypeMeta(i, resource)))))
                .ToList();
            return ListCut.Join(rendered, services.Budget, Plural(resource), hint) + More(list["metadata"]?["continue"], resource);
        }

        var response = await api.ListAsync(resource, ns, query, asTable: true, ct);
        var table = ServerTable.TryParse(response);
        if (resource == ApiResource.Pods && table is not null && !HasPodColumns(table) && table.Rows.Any(r => r.Object?["spec"] is null))
        {
            // The server's table lacks kubectl's pod columns and sent metadata only: read the pods themselves.
            response = await api.ListAsync(resource, ns, query, asTable: false, ct);
            table = null;
        }
        var now = services.Clock.GetUtcNow();
        TextTable text;
        string? more;
        if (table is null)
        {
            // A server without Table support: the plain list still gives names and ages.
            var items = (response["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            if (items.Count == 0)
            {
                return Empty(resource, ns, query);
            }
            text = resource == ApiResource.Pods ? PodTable(items.Select(i => (i, (IReadOnlyList<string>?)null, (ServerTable?)null)), allNamespaces, now)
                : BasicTable(items, allNamespaces, now);
            more = More(response["metadata"]?["continue"], resource);
        }
        else
        {
            if (table.Rows.Count == 0)
            {
                return Empty(resource, ns, query);
            }
            text = resource == ApiResource.Pods
                ? PodTable(table.Rows.Select(r => (r.Object ?? new JsonObject(), (IReadOnlyList<string>?)r.Cells, (ServerTable?)table)), allNamespaces, now)
                : FromServerTable(table, allNamespaces);
            more = table.Continue is null ? "" : $"[more than {PageLimit} {Plural(resource)} exist; only the first {PageLimit} were read. {hint}]\n";
        }
        var output = text.Render(services.Budget, out var omitted);
        if (omitted > 0)
        {
            output += ListCut.Note(omitted, text.RowCount, Plural(resource), hint);
        }
        return output + more;
    }

    /// <summary>kubectl's pod columns; server cells are used when present, otherwise computed from the object.</summary>
    public static TextTable PodTable(IEnumerable<(JsonObject Pod, IReadOnlyList<string>? Cells, ServerTable? Table)> rows, bool withNamespace, DateTimeOffset now)
    {
        TextTable t = withNamespace
            ? new(["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE"])
            : new(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE"]);
        foreach (var (pod, cells, table) in rows)
        {
            string? Cell(string column)
            {
                var i = table?.IndexOf(column) ?? -1;
                return i >= 0 && cells is not null && i < cells.Count ? cells[i] : null;
            }
            // A row object with a spec is the full pod; metadata alone cannot give the status.
            var computed = pod["spec"] is not null ? PodSummary.From(pod, now) : null;
            var name = Cell("Name") ?? pod.Str("metadata.name") ?? "";
            var ready = Cell("Ready") ?? computed?.Ready ?? "";
            var status = Cell("Status") ?? computed?.Status ?? "";
            var restarts = Cell("Restarts") ?? computed?.Restarts ?? "";
            var age = HumanDuration.Since(pod.Str("metadata.creationTimestamp"), now);
            if (age == "<unknown>")
            {
                age = Cell("Age") ?? age;
            }
            var node = Cell("Node") ?? computed?.Node ?? "";
            if (withNamespace)
            {
                t.Add(pod.Str("metadata.namespace") ?? "", name, ready, status, restarts, age, node);
            }
            else
            {
                t.Add(name, ready, status, restarts, age, node);
            }
        }
        return t;
    }

    public static string Plural(ApiResource resource) => resource.Plural;

    private static bool HasPodColumns(ServerTable table) =>
        new[] { "Ready", "Status", "Restarts", "Node" }.All(c => table.IndexOf(c) >= 0);

    private static TextTable FromServerTable(ServerTable table, bool withNamespace)
    {
        var columns = Enumerable.Range(0, table.Columns.Count).Where(i => table.Columns[i].Priority == 0).ToList();
        var headers = columns.Select(i => table.Columns[i].Name.ToUpperInvariant()).ToList();
        if (withNamespace)
        {
            headers.Insert(0, "NAMESPACE");
        }
        var t = new TextTable(headers);
        foreach (var row in table.Rows)
        {
            var cells = columns.Select(i => row.Cells[i]).ToList();
            if (withNamespace)
            {
                cells.Insert(0, row.Namespace ?? "");
            }
            t.Add([.. cells]);
        }
        return t;
    }

    private static TextTable BasicTable(IReadOnlyList<JsonObject> items, bool withNamespace, DateTimeOffset now)
    {
        TextTable t = withNamespace ? new(["NAMESPACE", "NAME", "AGE"]) : new(["NAME", "AGE"]);
        foreach (var i in items)
        {
            var name = i.Str("metadata.name") ?? "";
            var age = HumanDuration.Since(i.Str("metadata.creationTimestamp"), now);
            if (withNamespace)
            {
                t.Add(i.Str("metadata.namespace") ?? "", name, age);
            }
            else
            {
                t.Add(name, age);
            }
        }
        return t;
    }

    private static JsonObject WithTypeMeta(JsonObject item, ApiResource resource)
    {
        // List items arrive without apiVersion/kind; put them back first so the YAML stands on its own.
        var o = new JsonObject { ["apiVersion"] = resource.ApiVersion, ["kind"] = resource.Kind };
        foreach (var (k, v) in item)
        {
            if (k is not ("apiVersion" or "kind"))
            {
                o[k] = v?.DeepClone();
            }
        }
        return o;
    }

    private static string Empty(ApiResource resource, string? ns, ListQuery query)
    {
        var where = !resource.Namespaced ? "in the cluster" : string.IsNullOrEmpty(ns) ? "in any namespace" : $"in namespace {ns}";
        var filters = new List<string>();
        if (!string.IsNullOrEmpty(query.LabelSelector))
        {
            filters.Add($"labelSelector '{query.LabelSelector}'");
        }
        if (!string.IsNullOrEmpty(query.FieldSelector))
        {
            filters.Add($"fieldSelector '{query.FieldSelector}'");
        }
        return $"No {resource.Plural} found {where}" + (filters.Count > 0 ? $" matching {string.Join(" and ", filters)}" : "") + ".";
    }

    private static string More(JsonNode? continueToken, ApiResource resource) =>
        continueToken is JsonValue v && !string.IsNullOrEmpty(v.GetValue<string>())
            ? $"[more than {PageLimit} {resource.Plural} exist; only the first {PageLimit} were read]\n"
            : "";

    private static string NarrowHint(ApiResource resource, bool allNamespaces) =>
        allNamespaces
            ? "Narrow it with a namespace, labelSelector or fieldSelector."
            : "Narrow it with labelSelector or fieldSelector.";
}
