using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Controllers;

/// <summary>Owner references as controllers use them: who controls an object, and how to claim one.</summary>
internal static class ControllerRefs
{
    /// <summary>The name of the object's controlling owner of the given kind, if any.</summary>
    public static string? ControllerOf(JsonObject obj, string kind) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(r => r["controller"]?.GetValue<bool>() == true && r["kind"]?.ToString() == kind)?["name"]?.ToString();

    public static bool IsControlledBy(JsonObject obj, JsonObject owner) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .Any(r => r["controller"]?.GetValue<bool>() == true && r["uid"]?.ToString() == owner.Uid()) == true;

    public static JsonObject For(JsonObject owner) => new()
    {
        ["apiVersion"] = owner["apiVersion"]?.DeepClone(),
        ["kind"] = owner["kind"]?.DeepClone(),
        ["name"] = owner.Name(),
        ["uid"] = owner.Uid(),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };
}
