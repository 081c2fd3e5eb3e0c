using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Admission;

/// <summary>
/// What the apiextensions server does with a CustomResourceDefinition: checks its names, marks it Established and
/// NamesAccepted, serves its resources, and removes the custom objects when the definition goes.
/// </summary>
internal sealed class CustomResourceDefinitions : IAdmissionPlugin
{
    public void Admit(AdmissionContext context, JsonObject obj)
    {
        if (!IsCrd(context.Type) || context.Subresource == "status")
        {
            return;
        }
        var spec = obj["spec"] as JsonObject;
        var group = spec?["group"]?.ToString();
        var plural = spec?["names"]?["plural"]?.ToString();
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(group))
        {
            errors.Add(FieldError.Required("spec.group"));
        }
        if (string.IsNullOrEmpty(plural))
        {
            errors.Add(FieldError.Required("spec.names.plural"));
        }
        if (string.IsNullOrEmpty(spec?["names"]?["kind"]?.ToString()))
        {
            errors.Add(FieldError.Required("spec.names.kind"));
        }
        if (spec?["versions"] is not JsonArray { Count: > 0 })
        {
            errors.Add(FieldError.Required("spec.versions"));
        }
        if (errors.Count == 0 && obj.Name() != $"{plural}.{group}")
        {
            errors.Add(FieldError.Invalid("metadata.name", obj.Name(), $"must be spec.names.plural+\".\"+spec.group"));
        }
        if (errors.Count > 0)
        {
            throw ApiException.Invalid("CustomResourceDefinition", obj.Name(), errors, "apiextensions.k8s.io");
        }
        var now = context.Registry.Clock.GetUtcNow().Timestamp();
        JsonObject Condition(string type, string reason, string message) => new()
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = now,
            ["reason"] = reason,
            ["message"] = message,
        };
        obj["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted")),
            ["acceptedNames"] = spec!["names"]!.DeepClone(),
            ["storedVersions"] = new JsonArray((spec["versions"] as JsonArray)!.OfType<JsonObject>()
                .Where(v => v["storage"]?.GetValue<bool>() == true).Select(v => (JsonNode)JsonValue.Create(v["name"]!.ToString())!).ToArray()),
        };
    }

    public void Committed(AdmissionContext context, JsonObject stored)
    {
        if (IsCrd(context.Type))
        {
            context.Registry.Catalog.ApplyCustomResourceDefinition(stored);
        }
    }

    public void Deleting(ObjectRegistry registry, ResourceType type, JsonObject current, DeleteOptions options)
    {
        if (!IsCrd(type))
        {
            return;
        }
        var group = current.Str("spec.group") ?? "";
        var plural = current.Str("spec.names.plural") ?? "";
        var served = registry.Catalog.All.FirstOrDefault(t => t.IsCustom && t.Group == group && t.Plural == plural);
        if (served is not null)
        {
            foreach (var item in registry.Store.List(served.StorageKey, null).Items)
            {
                try
                {
                    registry.Delete(served, served.Namespaced ? item.Namespace() : null, item.Name(), DeleteOptions.Default);
                }
                catch (ApiException e) when (e.Code == 404)
                {
                }
            }
        }
        registry.Catalog.RemoveCustomResourceDefinition(group, plural);
    }

    private static bool IsCrd(ResourceType type) => type.Kind == "CustomResourceDefinition" && type.Group == "apiextensions.k8s.io";
}
