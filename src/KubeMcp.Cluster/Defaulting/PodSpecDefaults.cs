using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Defaulting;

/// <summary>
/// The defaults a 1.32 API server gives every pod spec, standalone or in a workload template
/// (<c>SetDefaults_PodSpec</c>, <c>SetDefaults_Container</c>, volumes, probes).
/// </summary>
internal static class PodSpecDefaults
{
    private const int DefaultFileMode = 420; // 0644, how the API server stores it

    public static void Apply(JsonObject? spec)
    {
        if (spec is null)
        {
            return;
        }
        Json.DefaultString(spec, "dnsPolicy", "ClusterFirst");
        Json.DefaultString(spec, "restartPolicy", "Always");
        Json.Default(spec, "terminationGracePeriodSeconds", 30);
        Json.Default(spec, "securityContext", new JsonObject());
        Json.DefaultString(spec, "schedulerName", "default-scheduler");
        var hostNetwork = spec["hostNetwork"] is JsonValue hn && hn.TryGetValue<bool>(out var b) && b;
        foreach (var key in (string[])["initContainers", "containers", "ephemeralContainers"])
        {
            foreach (var container in JsonRead.Objects(spec, key))
            {
                Container(container, hostNetwork);
            }
        }
        foreach (var volume in JsonRead.Objects(spec, "volumes"))
        {
            Volume(volume);
        }
    }

    /// <summary>The image pull policy the API server picks: Always for <c>:latest</c> or no tag, else IfNotPresent.</summary>
    public static string PullPolicyFor(string? image)
    {
        if (string.IsNullOrEmpty(image) || image.Contains('@', StringComparison.Ordinal))
        {
            return "IfNotPresent";
        }
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        var tag = colon < 0 ? "latest" : lastSegment[(colon + 1)..];
        return tag == "latest" ? "Always" : "IfNotPresent";
    }

    private static void Container(JsonObject container, bool hostNetwork)
    {
        Json.DefaultString(container, "terminationMessagePath", "/dev/termination-log");
        Json.DefaultString(container, "terminationMessagePolicy", "File");
        Json.DefaultString(container, "imagePullPolicy", PullPolicyFor(JsonRead.Str(container, "image")));
        Json.Default(container, "resources", new JsonObject());
        foreach (var port in JsonRead.Objects(container, "ports"))
        {
            Json.DefaultString(port, "protocol", "TCP");
            if (hostNetwork && Json.IsZero(port["hostPort"]) && port["containerPort"] is JsonValue containerPort)
            {
                port["hostPort"] = containerPort.DeepClone();
            }
        }
        foreach (var env in JsonRead.Objects(container, "env"))
        {
            FieldRef(Json.Object(Json.Object(env, "valueFrom"), "fieldRef"));
        }
        foreach (var probe in (string[])["livenessProbe", "readinessProbe", "startupProbe"])
        {
            Probe(Json.Object(container, probe));
        }
        var lifecycle = Json.Object(container, "lifecycle");
        Handler(Json.Object(lifecycle, "postStart"));
        Handler(Json.Object(lifecycle, "preStop"));
    }

    private static void Probe(JsonObject? probe)
    {
        if (probe is null)
        {
            return;
        }
        Json.Default(probe, "timeoutSeconds", 1);
        Json.Default(probe, "periodSeconds", 10);
        Json.Default(probe, "successThreshold", 1);
        Json.Default(probe, "failureThreshold", 3);
        Handler(probe);
        if (Json.Object(probe, "grpc") is { } grpc)
        {
            Json.Default(grpc, "service", "");
        }
    }

    private static void Handler(JsonObject? handler)
    {
        if (Json.Object(handler, "httpGet") is { } http)
        {
            Json.DefaultString(http, "path", "/");
            Json.DefaultString(http, "scheme", "HTTP");
        }
    }

    private static void FieldRef(JsonObject? fieldRef) => Json.DefaultString(fieldRef, "apiVersion", "v1");

    private static void Volume(JsonObject volume)
    {
        if (volume.All(kv => kv.Key == "name"))
        {
            volume["emptyDir"] = new JsonObject();
            return;
        }
        foreach (var source in (string[])["secret", "configMap", "downwardAPI", "projected"])
        {
            Json.Default(Json.Object(volume, source), "defaultMode", DefaultFileMode);
        }
        foreach (var item in JsonRead.Objects(Json.Object(volume, "downwardAPI"), "items"))
        {
            FieldRef(Json.Object(item, "fieldRef"));
        }
        foreach (var projection in JsonRead.Objects(Json.Object(volume, "projected"), "sources"))
        {
            Json.Default(Json.Object(projection, "serviceAccountToken"), "expirationSeconds", 3600);
            foreach (var item in JsonRead.Objects(Json.Object(projection, "downwardAPI"), "items"))
            {
                FieldRef(Json.Object(item, "fieldRef"));
            }
        }
        if (Json.Object(volume, "hostPath") is { } hostPath)
        {
            Json.Default(hostPath, "type", "");
        }
    }
}
