using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Controllers;

/// <summary>Taints and tolerations as the DaemonSet and taint-eviction controllers read them.</summary>
internal static class Tolerations
{
    /// <summary>Whether one toleration tolerates one taint (key, operator Equal/Exists, value, effect).</summary>
    public static bool Matches(JsonObject toleration, JsonObject taint)
    {
        var effect = toleration["effect"]?.ToString();
        if (!string.IsNullOrEmpty(effect) && effect != taint["effect"]?.ToString())
        {
            return false;
        }
        var key = toleration["key"]?.ToString();
        var op = toleration["operator"]?.ToString() ?? "Equal";
        if (string.IsNullOrEmpty(key))
        {
            return op == "Exists";
        }
        return key == taint["key"]?.ToString()
               && (op == "Exists" || (toleration["value"]?.ToString() ?? "") == (taint["value"]?.ToString() ?? ""));
    }

    /// <summary>The tolerations in a pod spec that tolerate the taint.</summary>
    public static IEnumerable<JsonObject> Tolerating(JsonNode? podSpec, JsonObject taint) =>
        (podSpec?["tolerations"] as JsonArray ?? []).OfType<JsonObject>().Where(t => Matches(t, taint));

    /// <summary>The node's taints with the given effects that the pod spec does not tolerate.</summary>
    public static IEnumerable<JsonObject> Untolerated(JsonNode? podSpec, JsonObject node, params string[] effects) =>
        (node["spec"]?["taints"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(t => effects.Contains(t["effect"]?.ToString()) && !Tolerating(podSpec, t).Any());
}
