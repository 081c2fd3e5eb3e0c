using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Validation;

/// <summary>ConfigMap and Secret checks: key syntax, size, type-specific keys and immutability.</summary>
internal static class ConfigDataRules
{
    private const int MaxSize = 1024 * 1024;

    public static void ConfigMap(JsonObject obj, List<FieldError> errors)
    {
        var size = Keys(Node.Obj(obj, "data"), "data", errors, decodedBytes: false);
        size += Keys(Node.Obj(obj, "binaryData"), "binaryData", errors, decodedBytes: true);
        foreach (var key in Node.Obj(obj, "data")?.Select(kv => kv.Key) ?? [])
        {
            if (Node.Obj(obj, "binaryData")?.ContainsKey(key) == true)
            {
                errors.Add(Errors.Invalid($"data[{key}]", key, "duplicate of key present in binaryData"));
            }
        }
        if (size > MaxSize)
        {
            errors.Add(Errors.TooLong("", MaxSize));
        }
    }

    public static void Secret(JsonObject obj, List<FieldError> errors)
    {
        var data = Node.Obj(obj, "data");
        var size = Keys(data, "data", errors, decodedBytes: true);
        size += Keys(Node.Obj(obj, "stringData"), "stringData", errors, decodedBytes: false);
        if (size > MaxSize)
        {
            errors.Add(Errors.TooLong("data", MaxSize));
        }
        bool Has(string key) => data?.ContainsKey(key) == true || Node.Obj(obj, "stringData")?.ContainsKey(key) == true;
        switch (Node.Str(obj, "type"))
        {
            case "kubernetes.io/tls":
                foreach (var key in (string[])["tls.crt", "tls.key"])
                {
                    if (!Has(key))
                    {
                        errors.Add(Errors.Required($"data[{key}]"));
                    }
                }
                break;
            case "kubernetes.io/dockerconfigjson" when !Has(".dockerconfigjson"):
                errors.Add(Errors.Required("data[.dockerconfigjson]"));
                break;
            case "kubernetes.io/dockercfg" when !Has(".dockercfg"):
                errors.Add(Errors.Required("data[.dockercfg]"));
                break;
            case "kubernetes.io/service-account-token"
                when string.IsNullOrEmpty(Node.Str(Node.Obj(Node.Obj(obj, "metadata"), "annotations"), "kubernetes.io/service-account.name")):
                errors.Add(Errors.Required("metadata.annotations[kubernetes.io/service-account.name]"));
                break;
        }
    }

    /// <summary>Immutable ConfigMaps and Secrets keep their data; a Secret's type never changes.</summary>
    public static void ValidateUpdate(string kind, JsonObject obj, JsonObject old, List<FieldError> errors)
    {
        if (kind == "Secret" && (Node.Str(old, "type") ?? "Opaque") != (Node.Str(obj, "type") ?? "Opaque"))
        {
            errors.Add(Errors.Immutable("type", Node.Str(obj, "type") ?? ""));
        }
        if (Node.Bool(old, "immutable") != true)
        {
            return;
        }
        if (Node.Bool(obj, "immutable") != true)
        {
            errors.Add(Errors.Forbidden("immutable", "field is immutable when `immutable` is set"));
        }
        foreach (var field in kind == "Secret" ? (string[])["data"] : ["data", "binaryData"])
        {
            if (!Node.DeepEquals(Node.Obj(old, field), Node.Obj(obj, field)))
            {
                errors.Add(Errors.Forbidden(field, "field is immutable when `immutable` is set"));
            }
        }
    }

    private static int Keys(JsonObject? map, string field, List<FieldError> errors, bool decodedBytes)
    {
        if (map is null)
        {
            return 0;
        }
        var size = 0;
        foreach (var (key, value) in map)
        {
            errors.AddRange(NameRules.ConfigKey(key).Select(m => Errors.Invalid($"{field}[{key}]", key, m)));
            var text = Go.Text(value);
            size += decodedBytes ? text.Length * 3 / 4 : Encoding.UTF8.GetByteCount(text);
        }
        return size;
    }
}
