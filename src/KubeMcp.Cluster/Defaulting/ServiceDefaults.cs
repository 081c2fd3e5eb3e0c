using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Defaulting;

/// <summary>
/// Service defaults (<c>SetDefaults_Service</c>) plus what the service registry fills in on create: IP family
/// fields and, when allocators are supplied, the cluster IP and node ports.
/// </summary>
internal static class ServiceDefaults
{
    public static void Apply(JsonObject obj, Func<string>? allocateClusterIP, Func<int>? allocateNodePort)
    {
        var spec = Json.Object(obj, "spec");
        if (spec is null)
        {
            return;
        }
        Json.DefaultString(spec, "type", "ClusterIP");
        Json.DefaultString(spec, "sessionAffinity", "None");
        if (JsonRead.Str(spec, "sessionAffinity") == "ClientIP")
        {
            var config = Json.Object(spec, "sessionAffinityConfig", create: true);
            Json.Default(Json.Object(config, "clientIP", create: true), "timeoutSeconds", 10800);
        }
        var type = JsonRead.Str(spec, "type");
        var exposesNodePorts = type is "NodePort" or "LoadBalancer";
        foreach (var port in JsonRead.Objects(spec, "ports"))
        {
            Json.DefaultString(port, "protocol", "TCP");
            if (Json.IsZero(port["targetPort"]) && port["port"] is JsonValue p && p.GetValueKind() == JsonValueKind.Number)
            {
                port["targetPort"] = p.DeepClone();
            }
            if (exposesNodePorts && allocateNodePort is not null && Json.IsZero(port["nodePort"]))
            {
                port["nodePort"] = allocateNodePort();
            }
        }
        if (exposesNodePorts)
        {
            Json.DefaultString(spec, "externalTrafficPolicy", "Cluster");
        }
        if (type == "LoadBalancer")
        {
            Json.Default(spec, "allocateLoadBalancerNodePorts", true);
        }
        if (type == "ExternalName")
        {
            return;
        }
        Json.DefaultString(spec, "internalTrafficPolicy", "Cluster");
        var clusterIP = JsonRead.Str(spec, "clusterIP");
        if (string.IsNullOrEmpty(clusterIP) && spec["clusterIPs"] is JsonArray { Count: > 0 } ips && ips[0] is JsonValue first &&
            first.GetValueKind() == JsonValueKind.String)
        {
            clusterIP = first.GetValue<string>();
            spec["clusterIP"] = clusterIP;
        }
        if (string.IsNullOrEmpty(clusterIP) && allocateClusterIP is not null)
        {
            clusterIP = allocateClusterIP();
            spec["clusterIP"] = clusterIP;
        }
        if (!string.IsNullOrEmpty(clusterIP) && Json.IsZero(spec["clusterIPs"]))
        {
            spec["clusterIPs"] = new JsonArray(clusterIP);
        }
        Json.DefaultString(spec, "ipFamilyPolicy", "SingleStack");
        if (Json.IsZero(spec["ipFamilies"]))
        {
            spec["ipFamilies"] = new JsonArray("IPv4");
        }
    }
}
