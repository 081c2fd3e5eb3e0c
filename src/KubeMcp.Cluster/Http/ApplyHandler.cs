using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Http;

/// <summary>Server-side apply: creates the object when absent, otherwise merges the applied configuration.</summary>
internal static class ApplyHandler
{
    public static JsonObject Apply(ObjectRegistry registry, ResourceType type, string? ns, string name, JsonObject applied,
        WriteOptions write, bool force, string? subresource, out bool created)
    {
        if (applied["metadata"]?["name"]?.ToString() is { } bodyName && bodyName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }
        for (var attempt = 0; ; attempt++)
        {
            var current = registry.TryGet(type, ns, name);
            if (current is null)
            {
                var fresh = applied.DeepClone().AsObject();
                fresh.Meta()["name"] = name;
                created = true;
                try
                {
                    return registry.Create(type, ns, fresh, write);
                }
                catch (ApiException e) when (e.Code == 409 && attempt < 5)
                {
                    continue;
                }
            }
            var merged = (JsonObject)Patching.MergePatch.Apply(current.DeepClone(), applied)!;
            merged.Meta()["resourceVersion"] = current["metadata"]?["resourceVersion"]?.DeepClone();
            created = false;
            try
            {
                return registry.Update(type, ns, name, merged, write, subresource);
            }
            catch (ApiException e) when (e.Code == 409 && e.Reason == "Conflict" && attempt < 5)
            {
            }
        }
    }
}
