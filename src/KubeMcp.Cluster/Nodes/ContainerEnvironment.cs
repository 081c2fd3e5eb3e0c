using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// What the kubelet assembles before it can create a container: the environment (literal values, ConfigMap and
/// Secret references, the downward API, service links) and the files of mounted ConfigMap, Secret and
/// service-account volumes. A missing reference is a <see cref="ContainerConfigException"/> worded as the kubelet
/// words it (the pod then waits in CreateContainerConfigError).
/// </summary>
internal static partial class ContainerEnvironment
{
    public static (IReadOnlyList<KeyValuePair<string, string>> Env, IReadOnlyDictionary<string, string> Files) Build(
        JsonObject pod, JsonObject container, ObjectRegistry registry, string podIp, string hostIp)
    {
        var ns = pod.Namespace();
        var env = new List<KeyValuePair<string, string>>();
        void Set(string name, string value)
        {
            env.RemoveAll(e => e.Key == name);
            env.Add(KeyValuePair.Create(name, value));
        }
        if (pod.At("spec.enableServiceLinks") is not JsonValue links || links.ToJsonString() != "false")
        {
            foreach (var (name, value) in ServiceLinks(registry, ns))
            {
                Set(name, value);
            }
        }
        Set("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        Set("KUBERNETES_SERVICE_PORT", "443");
        Set("KUBERNETES_PORT", "tcp://10.96.0.1:443");
        foreach (var source in (container["envFrom"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var prefix = source["prefix"]?.ToString() ?? "";
            var (data, _) = source["configMapRef"] is JsonObject cmRef ? Data(registry, "configmaps", ns, cmRef, "configmap")
                : source["secretRef"] is JsonObject sRef ? Data(registry, "secrets", ns, sRef, "secret")
                : (null, null);
            foreach (var (key, value) in data ?? new Dictionary<string, string>())
            {
                Set(prefix + key, value);
            }
        }
        foreach (var item in (container["env"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = item["name"]?.ToString() ?? "";
            if (item["valueFrom"] is JsonObject from)
            {
                if (Resolve(from, pod, registry, ns, podIp, hostIp) is { } resolved)
                {
                    Set(name, resolved);
                }
                continue;
            }
            Set(name, Expand(item["value"]?.ToString() ?? "", env));
        }
        return (env, Files(pod, container, registry, ns));
    }

    /// <summary>Kubernetes' <c>$(VAR)</c> expansion in env values, command and args; <c>$$</c> escapes.</summary>
    public static string Expand(string text, IReadOnlyList<KeyValuePair<string, string>> env) =>
        VariableReference().Replace(text, m =>
            m.Value == "$$" ? "$" : env.LastOrDefault(e => e.Key == m.Groups[1].Value) is { Key: not null } hit ? hit.Value : m.Value);

    [GeneratedRegex(@"\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex VariableReference();

    /// <summary>The names of ConfigMaps/Secrets a pod's volumes need that do not exist (the FailedMount case).</summary>
    public static string? MissingVolumeSource(JsonObject pod, ObjectRegistry registry)
    {
        var ns = pod.Namespace();
        foreach (var volume in (pod.At("spec.volumes") as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = volume["name"]?.ToString();
            if (volume["configMap"] is JsonObject cm && !Optional(cm) && Lookup(registry, "configmaps", ns, cm["name"]?.ToString()) is null)
            {
                return $"MountVolume.SetUp failed for volume \"{name}\" : configmap \"{cm["name"]}\" not found";
            }
            if (volume["secret"] is JsonObject s && !Optional(s) && Lookup(registry, "secrets", ns, s["secretName"]?.ToString()) is null)
            {
                return $"MountVolume.SetUp failed for volume \"{name}\" : secret \"{s["secretName"]}\" not found";
            }
        }
        return null;
    }

    private static string? Resolve(JsonObject from, JsonObject pod, ObjectRegistry registry, string ns, string podIp, string hostIp)
    {
        if (from["configMapKeyRef"] is JsonObject cmKey)
        {
            return Key(registry, "configmaps", "ConfigMap", "configmap", ns, cmKey);
        }
        if (from["secretKeyRef"] is JsonObject secretKey)
        {
            return Key(registry, "secrets", "Secret", "secret", ns, secretKey);
        }
        if (from["fieldRef"]?["fieldPath"]?.ToString() is { } path)
        {
            return path switch
            {
                "status.podIP" => podIp,
                "status.hostIP" => hostIp,
                _ when path.StartsWith("metadata.labels['", StringComparison.Ordinal) => pod.Labels()?[path[17..^2]]?.ToString() ?? "",
                _ when path.StartsWith("metadata.annotations['", StringComparison.Ordinal) => pod.Annotations()?[path[22..^2]]?.ToString() ?? "",
                _ => pod.Str(path) ?? "",
            };
        }
        if (from["resourceFieldRef"] is JsonObject resource)
        {
            var container = resource["containerName"]?.ToString();
            var spec = (pod.At("spec.containers") as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(c => container is null || c["name"]?.ToString() == container);
            var value = spec?.Str("resources." + resource["resource"]?.ToString()) ?? "";
            return value.Length > 0 ? ((long)Quantity.ValueOrZero(value)).ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";
        }
        return null;
    }

    private static string? Key(ObjectRegistry registry, string resource, string kind, string noun, string ns, JsonObject reference)
    {
        var name = reference["name"]?.ToString();
        var key = reference["key"]?.ToString() ?? "";
        var obj = Lookup(registry, resource, ns, name);
        if (obj is null)
        {
            return Optional(reference) ? null : throw new ContainerConfigException($"{noun} \"{name}\" not found");
        }
        var values = Values(obj, resource);
        return values.TryGetValue(key, out var value) ? value
            : Optional(reference) ? null
            : throw new ContainerConfigException($"couldn't find key {key} in {kind} {ns}/{name}");
    }

    private static (IReadOnlyDictionary<string, string>? Data, JsonObject? Object) Data(ObjectRegistry registry, string resource, string ns, JsonObject reference, string noun)
    {
        var name = reference["name"]?.ToString();
        var obj = Lookup(registry, resource, ns, name);
        if (obj is null)
        {
            return Optional(reference) ? (null, null) : throw new ContainerConfigException($"{noun} \"{name}\" not found");
        }
        return (Values(obj, resource), obj);
    }

    private static Dictionary<string, string> Values(JsonObject obj, string resource)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in obj["data"] as JsonObject ?? [])
        {
            values[k] = resource == "secrets" ? Decode(v?.ToString()) : v?.ToString() ?? "";
        }
        if (resource == "secrets")
        {
            foreach (var (k, v) in obj["stringData"] as JsonObject ?? [])
            {
                values[k] = v?.ToString() ?? "";
            }
        }
        return values;
    }

    private static IReadOnlyDictionary<string, string> Files(JsonObject pod, JsonObject container, ObjectRegistry registry, string ns)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var volumes = (pod.At("spec.volumes") as JsonArray ?? []).OfType<JsonObject>().ToDictionary(v => v["name"]?.ToString() ?? "", StringComparer.Ordinal);
        foreach (var mount in (container["volumeMounts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var path = mount["mountPath"]?.ToString()?.TrimEnd('/') ?? "";
            if (!volumes.TryGetValue(mount["name"]?.ToString() ?? "", out var volume))
            {
                continue;
            }
            var (resource, source) = volume["configMap"] is JsonObject cm ? ("configmaps", cm)
                : volume["secret"] is JsonObject s ? ("secrets", s)
                : (null, null);
            if (resource is null || Lookup(registry, resource, ns, source!["name"]?.ToString() ?? source["secretName"]?.ToString()) is not { } obj)
            {
                continue;
            }
            var values = Values(obj, resource);
            var items = (source["items"] as JsonArray)?.OfType<JsonObject>().ToList();
            foreach (var (key, value) in values)
            {
                var target = items is null ? key : items.FirstOrDefault(i => i["key"]?.ToString() == key)?["path"]?.ToString();
                if (target is not null)
                {
                    files[$"{path}/{target}"] = value;
                }
            }
        }
        if (pod.At("spec.automountServiceAccountToken") is not JsonValue automount || automount.ToJsonString() != "false")
        {
            const string sa = "/var/run/secrets/kubernetes.io/serviceaccount";
            files[$"{sa}/namespace"] = ns;
            files[$"{sa}/token"] = "(a projected service account token; simulated by the KubeMcp embedded cluster)";
            files[$"{sa}/ca.crt"] = "-----BEGIN CERTIFICATE-----\n(simulated)\n-----END CERTIFICATE-----\n";
        }
        return files;
    }

    private static IEnumerable<(string, string)> ServiceLinks(ObjectRegistry registry, string ns)
    {
        foreach (var service in registry.Store.List("services", ns).Items)
        {
            var ip = service.Str("spec.clusterIP");
            if (string.IsNullOrEmpty(ip) || ip == "None")
            {
                continue;
            }
            var prefix = service.Name().ToUpperInvariant().Replace('-', '_');
            var ports = (service.At("spec.ports") as JsonArray ?? []).OfType<JsonObject>().ToList();
            if (ports.Count == 0)
            {
                continue;
            }
            var first = ports[0]["port"]?.ToString();
            yield return ($"{prefix}_SERVICE_HOST", ip);
            yield return ($"{prefix}_SERVICE_PORT", first ?? "");
            yield return ($"{prefix}_PORT", $"tcp://{ip}:{first}");
        }
    }

    private static JsonObject? Lookup(ObjectRegistry registry, string resource, string ns, string? name) =>
        string.IsNullOrEmpty(name) ? null : registry.Store.Get(new Store.ObjectKey(resource, ns, name));

    private static bool Optional(JsonObject reference) => reference["optional"]?.ToJsonString() == "true";

    private static string Decode(string? base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64 ?? ""));
        }
        catch (FormatException)
        {
            return base64 ?? "";
        }
    }
}
