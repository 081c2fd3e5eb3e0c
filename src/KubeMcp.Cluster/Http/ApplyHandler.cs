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
            var now = registry.Clock.GetUtcNow();
            var schema = type.CustomResourceVersion?["schema"]?["openAPIV3Schema"] is JsonObject crdSchema
                ? Patching.OpenApiSchemas.ForCustomResource(crdSchema)
                : null;
            var manager = write.FieldManager ?? "unknown";
            var applyWrite = write with { Apply = true };
            if (current is null)
            {
                var fresh = Patching.ServerSideApply.Apply(null, applied, manager, force, now, subresource, schema);
                fresh.Meta()["name"] = name;
                created = true;
                try
                {
                    return registry.Create(type, ns, fresh, applyWrite);
                }
                catch (ApiException e) when (e.Code == 409 && attempt < 5)
                {
                    continue;
                }
            }
            var live = current["apiVersion"]?.ToString() == type.ApiVersion ? current : WithApiVersion(current, type.ApiVersion);
            var merged = Patching.ServerSideApply.Apply(live, applied, manager, force, now, subresource, schema);
            merged.Meta()["resourceVersion"] = current["metadata"]?["resourceVersion"]?.DeepClone();
            created = false;
            try
            {
                return registry.Update(type, ns, name, merged, applyWrite, subresource);
            }
            catch (ApiException e) when (e.Code == 409 && e.Reason == "Conflict" && e.Message.Contains("has been modified", StringComparison.Ordinal) && attempt < 5)
            {
            }
        }
    }

    private static JsonObject WithApiVersion(JsonObject obj, string apiVersion)
    {
        var copy = obj.DeepClone().AsObject();
        copy["apiVersion"] = apiVersion;
        return copy;
    }
}
