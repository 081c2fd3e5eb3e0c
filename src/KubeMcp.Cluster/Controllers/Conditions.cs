using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Controllers;

/// <summary>
/// Status conditions in the shape most controllers write them (type, status, lastTransitionTime, reason, message):
/// the transition time only moves when the status does, as <c>meta.SetStatusCondition</c> keeps it.
/// </summary>
internal static class Conditions
{
    public static JsonObject? Find(JsonNode? conditions, string type) =>
        (conditions as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == type);

    public static bool IsTrue(JsonNode? conditions, string type) => Find(conditions, type)?["status"]?.ToString() == "True";

    /// <summary>A condition carrying over its lastTransitionTime from <paramref name="previous"/> when unchanged.</summary>
    public static JsonObject Make(JsonNode? previous, string type, string status, string reason, string message, string now,
        bool withProbeTime = false)
    {
        var old = Find(previous, type);
        var transition = old is not null && old["status"]?.ToString() == status ? old["lastTransitionTime"]?.ToString() ?? now : now;
        var condition = new JsonObject { ["type"] = type, ["status"] = status };
        if (withProbeTime)
        {
            condition["lastProbeTime"] = old is not null && old["status"]?.ToString() == status ? old["lastProbeTime"]?.DeepClone() ?? now : now;
        }
        condition["lastTransitionTime"] = transition;
        condition["reason"] = reason;
        condition["message"] = message;
        return condition;
    }

    /// <summary>Replaces (or appends) the condition of the same type in a status's condition list.</summary>
    public static void Set(JsonObject status, JsonObject condition)
    {
        var list = status["conditions"] as JsonArray ?? [];
        status["conditions"] = list;
        var type = condition["type"]?.ToString();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i]?["type"]?.ToString() == type)
            {
                list[i] = condition;
                return;
            }
        }
        list.Add(condition);
    }
}
