using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Validation;

/// <summary>Service checks (<c>ValidateService</c>, <c>ValidateServiceUpdate</c>).</summary>
internal static class ServiceRules
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public static void Validate(JsonObject? spec, List<FieldError> errors)
    {
        var type = JsonRead.Str(spec, "type") ?? "ClusterIP";
        if (!Types.Contains(type))
        {
            errors.Add(Errors.NotSupported("spec.type", type, Types));
        }
        var clusterIP = JsonRead.Str(spec, "clusterIP") ?? "";
        var headless = clusterIP == "None";
        var ports = Node.Arr(spec, "ports");
        if ((ports?.Count ?? 0) == 0 && !headless && type != "ExternalName")
        {
            errors.Add(Errors.Required("spec.ports"));
        }
        if (type == "ExternalName")
        {
            var externalName = JsonRead.Str(spec, "externalName") ?? "";
            if (externalName.Length == 0)
            {
                errors.Add(Errors.Required("spec.externalName"));
            }
            else
            {
                errors.AddRange(NameRules.Dns1123Subdomain(externalName.TrimEnd('.')).Select(m => Errors.Invalid("spec.externalName", externalName, m)));
            }
        }
        if (clusterIP.Length > 0 && !headless && !IPAddress.TryParse(clusterIP, out _))
        {
            errors.Add(Errors.Invalid("spec.clusterIPs[0]", clusterIP, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        }
        if (JsonRead.Str(spec, "sessionAffinity") is { } affinity && affinity is not ("ClientIP" or "None"))
        {
            errors.Add(Errors.NotSupported("spec.sessionAffinity", affinity, "ClientIP", "None"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (port, i) in Node.Items(spec, "ports"))
        {
            Port(port, $"spec.ports[{i}]", type, ports!.Count > 1, names, errors);
        }
    }

    public static void ValidateUpdate(JsonObject? spec, JsonObject? oldSpec, List<FieldError> errors)
    {
        var before = JsonRead.Str(oldSpec, "clusterIP") ?? "";
        var now = JsonRead.Str(spec, "clusterIP") ?? "";
        // An empty cluster IP on update means "keep the allocated one"; the storage layer copies it over.
        if (before.Length > 0 && now.Length > 0 && before != now &&
            JsonRead.Str(oldSpec, "type") != "ExternalName" && JsonRead.Str(spec, "type") != "ExternalName")
        {
            var ips = (Node.Arr(spec, "clusterIPs") ?? [JsonValue.Create(now)]).Select(n => Go.Quote(Go.Text(n)));
            errors.Add(Errors.InvalidRaw("spec.clusterIPs[0]", $"[]string{{{string.Join(", ", ips)}}}", "may not change once set"));
        }
    }

    private static void Port(JsonObject port, string path, string type, bool multiple, HashSet<string> names, List<FieldError> errors)
    {
        var name = JsonRead.Str(port, "name") ?? "";
        if (name.Length == 0)
        {
            if (multiple)
            {
                errors.Add(Errors.Required($"{path}.name"));
            }
        }
        else if (!names.Add(name))
        {
            errors.Add(Errors.Duplicate($"{path}.name", name));
        }
        else
        {
            errors.AddRange(NameRules.Dns1123Label(name).Select(m => Errors.Invalid($"{path}.name", name, m)));
        }
        if (Node.Int(port, "port") is not { } number)
        {
            errors.Add(Errors.Required($"{path}.port"));
        }
        else if (number is < 1 or > 65535)
        {
            errors.Add(Errors.Invalid($"{path}.port", number, "must be between 1 and 65535, inclusive"));
        }
        if (JsonRead.Str(port, "protocol") is { } protocol && !Protocols.Contains(protocol))
        {
            errors.Add(Errors.NotSupported($"{path}.protocol", protocol, Protocols));
        }
        switch (port["targetPort"])
        {
            case JsonValue target when JsonObjectExtensions.AsInteger(target) is long targetNumber:
                if (targetNumber is < 1 or > 65535)
                {
                    errors.Add(Errors.Invalid($"{path}.targetPort", targetNumber, "must be between 1 and 65535, inclusive"));
                }
                break;
            case JsonValue target when target.GetValueKind() == JsonValueKind.String && target.GetValue<string>() is { Length: > 0 } targetName:
                errors.AddRange(NameRules.PortName(targetName).Select(m => Errors.Invalid($"{path}.targetPort", targetName, m)));
                break;
        }
        if (Node.Int(port, "nodePort") is { } nodePort and not 0)
        {
            if (type is "ClusterIP" or "ExternalName")
            {
                errors.Add(Errors.Forbidden($"{path}.nodePort", $"may not be used when `type` is '{type}'"));
            }
            else if (nodePort is < 30000 or > 32767)
            {
                errors.Add(Errors.Invalid($"{path}.nodePort", nodePort,
                    "provided port is not in the valid range. The range of valid ports is 30000-32767"));
            }
        }
    }
}
