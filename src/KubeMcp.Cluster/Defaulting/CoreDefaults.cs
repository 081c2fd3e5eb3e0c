using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Defaulting;

/// <summary>Defaults of the smaller built-in kinds.</summary>
internal static class CoreDefaults
{
    /// <summary>The <c>kubernetes</c> finalizer, phase Active and the immutable <c>kubernetes.io/metadata.name</c> label.</summary>
    public static void Namespace(JsonObject obj)
    {
        var spec = Json.Object(obj, "spec", create: true);
        if (spec is not null && Json.IsZero(spec["finalizers"]))
        {
            spec["finalizers"] = new JsonArray("kubernetes");
        }
        Json.DefaultString(Json.Object(obj, "status", create: true), "phase", "Active");
        var metadata = Json.Object(obj, "metadata");
        if (JsonRead.Str(metadata, "name") is { Length: > 0 } name && Json.Object(metadata, "labels", create: true) is { } labels)
        {
            labels["kubernetes.io/metadata.name"] = name;
        }
    }

    public static void Secret(JsonObject obj) => Json.DefaultString(obj, "type", "Opaque");

    public static void PersistentVolumeClaim(JsonObject obj)
    {
        Json.DefaultString(Json.Object(obj, "spec"), "volumeMode", "Filesystem");
        Json.DefaultString(Json.Object(obj, "status", create: true), "phase", "Pending");
    }

    public static void PersistentVolume(JsonObject obj)
    {
        var spec = Json.Object(obj, "spec");
        Json.DefaultString(spec, "persistentVolumeReclaimPolicy", "Retain");
        Json.DefaultString(spec, "volumeMode", "Filesystem");
        Json.DefaultString(Json.Object(obj, "status", create: true), "phase", "Pending");
    }

    public static void Endpoints(JsonObject obj)
    {
        foreach (var subset in JsonRead.Objects(obj, "subsets"))
        {
            foreach (var port in JsonRead.Objects(subset, "ports"))
            {
                Json.DefaultString(port, "protocol", "TCP");
            }
        }
    }

    public static void EndpointSlice(JsonObject obj)
    {
        foreach (var port in JsonRead.Objects(obj, "ports"))
        {
            Json.DefaultString(port, "protocol", "TCP");
        }
    }

    /// <summary>autoscaling/v2: minReplicas 1, an 80% CPU target when no metrics are given, and the documented
    /// scale-up/scale-down behaviour when a behaviour is given.</summary>
    public static void HorizontalPodAutoscaler(JsonObject obj, string version)
    {
        var spec = Json.Object(obj, "spec");
        if (spec is null)
        {
            return;
        }
        Json.Default(spec, "minReplicas", 1);
        if (version != "v2")
        {
            return;
        }
        if (Json.IsZero(spec["metrics"]))
        {
            spec["metrics"] = new JsonArray(new JsonObject
            {
                ["type"] = "Resource",
                ["resource"] = new JsonObject
                {
                    ["name"] = "cpu",
                    ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = 80 },
                },
            });
        }
        if (Json.Object(spec, "behavior") is { } behavior)
        {
            var up = Json.Object(behavior, "scaleUp", create: true);
            Json.Default(up, "stabilizationWindowSeconds", 0);
            Json.DefaultString(up, "selectPolicy", "Max");
            Json.Default(up, "policies", new JsonArray(Policy("Pods", 4, 15), Policy("Percent", 100, 15)));
            var down = Json.Object(behavior, "scaleDown", create: true);
            Json.Default(down, "stabilizationWindowSeconds", 300);
            Json.DefaultString(down, "selectPolicy", "Max");
            Json.Default(down, "policies", new JsonArray(Policy("Percent", 100, 15)));
        }
    }

    public static void NetworkPolicy(JsonObject obj)
    {
        var spec = Json.Object(obj, "spec");
        if (spec is null)
        {
            return;
        }
        foreach (var rule in JsonRead.Objects(spec, "ingress").Concat(JsonRead.Objects(spec, "egress")))
        {
            foreach (var port in JsonRead.Objects(rule, "ports"))
            {
                Json.DefaultString(port, "protocol", "TCP");
            }
        }
        if (Json.IsZero(spec["policyTypes"]))
        {
            var types = new JsonArray("Ingress");
            if (Json.IsSet(spec, "egress"))
            {
                types.Add("Egress");
            }
            spec["policyTypes"] = types;
        }
    }

    /// <summary>Subjects of kind User or Group belong to the RBAC API group; the role reference defaults to it.</summary>
    public static void RoleBinding(JsonObject obj)
    {
        Json.DefaultString(Json.Object(obj, "roleRef"), "apiGroup", "rbac.authorization.k8s.io");
        foreach (var subject in JsonRead.Objects(obj, "subjects"))
        {
            if (JsonRead.Str(subject, "kind") is "User" or "Group")
            {
                Json.DefaultString(subject, "apiGroup", "rbac.authorization.k8s.io");
            }
        }
    }

    public static void StorageClass(JsonObject obj)
    {
        Json.DefaultString(obj, "reclaimPolicy", "Delete");
        Json.DefaultString(obj, "volumeBindingMode", "Immediate");
    }

    public static void PriorityClass(JsonObject obj) => Json.DefaultString(obj, "preemptionPolicy", "PreemptLowerPriority");

    private static JsonObject Policy(string type, int value, int periodSeconds) =>
        new() { ["type"] = type, ["value"] = value, ["periodSeconds"] = periodSeconds };
}
