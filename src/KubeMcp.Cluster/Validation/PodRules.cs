using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Validation;

/// <summary>Pod spec checks (<c>ValidatePodSpec</c>) shared by pods and workload templates, and the pod update rule.</summary>
internal static class PodRules
{
    public const string UpdateForbidden =
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`," +
        "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations)," +
        "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] DnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public static void ValidateSpec(JsonObject? spec, string path, List<FieldError> errors)
    {
        if (spec is null)
        {
            return;
        }
        var volumes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (volume, i) in Node.Items(spec, "volumes"))
        {
            var name = JsonRead.Str(volume, "name") ?? "";
            var at = $"{path}.volumes[{i}].name";
            if (name.Length == 0)
            {
                errors.Add(Errors.Required(at));
            }
            else if (!volumes.Add(name))
            {
                errors.Add(Errors.Duplicate(at, name));
            }
            else
            {
                errors.AddRange(NameRules.Dns1123Label(name).Select(m => Errors.Invalid(at, name, m)));
            }
        }
        if ((Node.Arr(spec, "containers")?.Count ?? 0) == 0)
        {
            errors.Add(Errors.Required($"{path}.containers"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in (string[])["initContainers", "containers"])
        {
            foreach (var (container, i) in Node.Items(spec, list))
            {
                Container(container, $"{path}.{list}[{i}]", names, volumes, errors);
            }
        }
        var restart = JsonRead.Str(spec, "restartPolicy");
        if (restart is not null && !RestartPolicies.Contains(restart))
        {
            errors.Add(Errors.NotSupported($"{path}.restartPolicy", restart, RestartPolicies));
        }
        var dns = JsonRead.Str(spec, "dnsPolicy");
        if (dns is not null && !DnsPolicies.Contains(dns))
        {
            errors.Add(Errors.NotSupported($"{path}.dnsPolicy", dns, DnsPolicies));
        }
        if (Node.Int(spec, "activeDeadlineSeconds") is { } deadline && deadline is < 1 or > int.MaxValue)
        {
            errors.Add(Errors.Invalid($"{path}.activeDeadlineSeconds", deadline, "must be between 1 and 2147483647, inclusive"));
        }
        if (Node.Int(spec, "terminationGracePeriodSeconds") is { } grace && grace < 0)
        {
            errors.Add(Errors.Invalid($"{path}.terminationGracePeriodSeconds", grace, "must be greater than or equal to 0"));
        }
        if (JsonRead.Str(spec, "serviceAccountName") is { Length: > 0 } sa)
        {
            errors.AddRange(NameRules.Dns1123Subdomain(sa).Select(m => Errors.Invalid($"{path}.serviceAccountName", sa, m)));
        }
    }

    /// <summary>Template pods of workloads that keep their pods running must restart them.</summary>
    public static void RequireRestartPolicy(JsonObject? podSpec, string path, List<FieldError> errors, params string[] allowed)
    {
        var restart = JsonRead.Str(podSpec, "restartPolicy");
        if (restart is not null && !allowed.Contains(restart))
        {
            errors.Add(Errors.NotSupported($"{path}.restartPolicy", restart, allowed));
        }
    }

    /// <summary>
    /// A running pod's spec is immutable except for container images, activeDeadlineSeconds, added tolerations and
    /// a negative grace period becoming 1.
    /// </summary>
    public static void ValidateUpdate(JsonObject? spec, JsonObject? oldSpec, List<FieldError> errors)
    {
        if (spec is null || oldSpec is null)
        {
            return;
        }
        var mutable = (JsonObject)oldSpec.DeepClone();
        foreach (var list in (string[])["containers", "initContainers"])
        {
            var newContainers = Node.Arr(spec, list);
            foreach (var (container, i) in Node.Items(mutable, list))
            {
                if (newContainers is not null && i < newContainers.Count && newContainers[i] is JsonObject updated && updated["image"] is { } image)
                {
                    container["image"] = image.DeepClone();
                }
            }
        }
        CopyField(spec, mutable, "activeDeadlineSeconds");
        if (Node.Arr(oldSpec, "tolerations") is var oldTolerations && Node.Arr(spec, "tolerations") is { } tolerations &&
            (oldTolerations ?? []).All(old => tolerations.Any(t => JsonNode.DeepEquals(t, old))))
        {
            CopyField(spec, mutable, "tolerations");
        }
        if (Node.Int(oldSpec, "terminationGracePeriodSeconds") < 0 && Node.Int(spec, "terminationGracePeriodSeconds") == 1)
        {
            CopyField(spec, mutable, "terminationGracePeriodSeconds");
        }
        if (!JsonNode.DeepEquals(mutable, spec))
        {
            errors.Add(Errors.Forbidden("spec", UpdateForbidden));
        }
    }

    private static void CopyField(JsonObject from, JsonObject to, string key)
    {
        if (from[key] is { } value)
        {
            to[key] = value.DeepClone();
        }
        else
        {
            to.Remove(key);
        }
    }

    private static void Container(JsonObject container, string path, HashSet<string> names, HashSet<string> volumes, List<FieldError> errors)
    {
        var name = JsonRead.Str(container, "name") ?? "";
        if (name.Length == 0)
        {
            errors.Add(Errors.Required($"{path}.name"));
        }
        else if (!names.Add(name))
        {
            errors.Add(Errors.Duplicate($"{path}.name", name));
        }
        else
        {
            errors.AddRange(NameRules.Dns1123Label(name).Select(m => Errors.Invalid($"{path}.name", name, m)));
        }
        if (string.IsNullOrWhiteSpace(JsonRead.Str(container, "image")))
        {
            errors.Add(Errors.Required($"{path}.image"));
        }
        var pull = JsonRead.Str(container, "imagePullPolicy");
        if (pull is not null && !PullPolicies.Contains(pull))
        {
            errors.Add(Errors.NotSupported($"{path}.imagePullPolicy", pull, PullPolicies));
        }
        var portNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (port, i) in Node.Items(container, "ports"))
        {
            var at = $"{path}.ports[{i}]";
            if (Node.Int(port, "containerPort") is not { } containerPort)
            {
                errors.Add(Errors.Required($"{at}.containerPort"));
            }
            else if (containerPort is < 1 or > 65535)
            {
                errors.Add(Errors.Invalid($"{at}.containerPort", containerPort, "must be between 1 and 65535, inclusive"));
            }
            if (Node.Int(port, "hostPort") is { } hostPort and not 0 && hostPort is < 1 or > 65535)
            {
                errors.Add(Errors.Invalid($"{at}.hostPort", hostPort, "must be between 1 and 65535, inclusive"));
            }
            if (JsonRead.Str(port, "protocol") is { } protocol && !Protocols.Contains(protocol))
            {
                errors.Add(Errors.NotSupported($"{at}.protocol", protocol, Protocols));
            }
            if (JsonRead.Str(port, "name") is { Length: > 0 } portName)
            {
                errors.AddRange(NameRules.PortName(portName).Select(m => Errors.Invalid($"{at}.name", portName, m)));
                if (!portNames.Add(portName))
                {
                    errors.Add(Errors.Duplicate($"{at}.name", portName));
                }
            }
        }
        foreach (var (env, i) in Node.Items(container, "env"))
        {
            if (string.IsNullOrEmpty(JsonRead.Str(env, "name")))
            {
                errors.Add(Errors.Required($"{path}.env[{i}].name"));
            }
        }
        foreach (var (mount, i) in Node.Items(container, "volumeMounts"))
        {
            var volume = JsonRead.Str(mount, "name") ?? "";
            if (volume.Length == 0)
            {
                errors.Add(Errors.Required($"{path}.volumeMounts[{i}].name"));
            }
            else if (!volumes.Contains(volume))
            {
                errors.Add(new FieldError("FieldValueNotFound", $"{path}.volumeMounts[{i}].name", $"Not found: {Go.Quote(volume)}"));
            }
            if (string.IsNullOrEmpty(JsonRead.Str(mount, "mountPath")))
            {
                errors.Add(Errors.Required($"{path}.volumeMounts[{i}].mountPath"));
            }
        }
        Resources(JsonRead.Obj(container, "resources"), $"{path}.resources", errors);
    }

    private static void Resources(JsonObject? resources, string path, List<FieldError> errors)
    {
        var limits = JsonRead.Obj(resources, "limits");
        var requests = JsonRead.Obj(resources, "requests");
        foreach (var (map, name) in new[] { (limits, "limits"), (requests, "requests") })
        {
            foreach (var (resource, value) in map ?? [])
            {
                if (Quantity.TryParse(Go.Text(value), out var q) && q < 0)
                {
                    errors.Add(Errors.Invalid($"{path}.{name}[{resource}]", Go.Text(value), "must be greater than or equal to 0"));
                }
            }
        }
        foreach (var (resource, request) in requests ?? [])
        {
            if (limits is not null && limits.TryGetPropertyValue(resource, out var limit) &&
                Quantity.TryParse(Go.Text(request), out var r) && Quantity.TryParse(Go.Text(limit), out var l) && r > l)
            {
                errors.Add(Errors.Invalid($"{path}.requests[{resource}]", Go.Text(request),
                    $"must be less than or equal to {resource} limit of {Go.Text(limit)}"));
            }
        }
    }
}
