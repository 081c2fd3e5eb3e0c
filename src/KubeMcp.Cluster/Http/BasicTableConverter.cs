using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Http;

// Temporary NAME/AGE printer until the Printing branch lands.
internal sealed class BasicTableConverter(TimeProvider clock) : ITableConverter
{
    public JsonObject ToTable(ResourceType type, IReadOnlyList<JsonObject> items, string? includeObject, long? resourceVersion, string? continueToken, long? remaining)
    {
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var created = JsonObjectExtensions.ParseTimestamp(item.Str("metadata.creationTimestamp"));
            var age = created is null ? "<unknown>" : $"{(int)(clock.GetUtcNow() - created.Value).TotalSeconds}s";
            rows.Add(new JsonObject
            {
                ["cells"] = new JsonArray(item.Name(), age),
                ["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = item["metadata"]?.DeepClone(),
                },
            });
        }
        var meta = new JsonObject();
        if (resourceVersion is long rv)
        {
            meta["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (continueToken is not null)
        {
            meta["continue"] = continueToken;
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = meta,
            ["columnDefinitions"] = new JsonArray(
                new JsonObject { ["name"] = "Name", ["type"] = "string", ["format"] = "name", ["description"] = "Name", ["priority"] = 0 },
                new JsonObject { ["name"] = "Age", ["type"] = "string", ["format"] = "", ["description"] = "Age", ["priority"] = 0 }),
            ["rows"] = rows,
        };
    }
}
