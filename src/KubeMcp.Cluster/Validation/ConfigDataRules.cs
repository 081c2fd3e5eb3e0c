using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Validation;

/// <summary>ConfigMap and Secret checks: key syntax, size, type-specific keys and immutability.</summary>
internal static class ConfigDataRules
{
    private const int MaxSize = 1024 * 1024;

    public static void ConfigMap(JsonObject obj, List<FieldError> errors)
    {
        var size = Keys(JsonRead.Obj(obj, "data"), "data", errors, decodedBytes: false);
        size += Keys(JsonRead.Obj(obj, "binaryData"), "binaryData", errors, decodedBytes: true);
        foreach (var key in JsonRead.Obj(obj, "data")?.Select(kv => kv.Key) ?? [])
        {
            if (JsonRead.Obj(obj, "binaryData")?.ContainsKey(key) == true)
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
        var data = JsonRead.Obj(obj, "data");
        var size = Keys(data, "data", errors, decodedBytes: true);
        size += Keys(JsonRead.Obj(obj, "stringData"), "stringData", errors, decodedBytes: false);
        if (size > MaxSize)
        {
            errors.Add(Errors.TooLong("data", MaxSize));
        }
        bool Has(string key) => data?.ContainsKey(key) == true || JsonRead.Obj(obj, "stringData")?.ContainsKey(key) == true;
        switch (JsonRead.Str(obj, "type"))
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
                when string.IsNullOrEmpty(JsonRead.Str(JsonRead.Obj(JsonRead.Obj(obj, "metadata"), "annotations"), "kubernetes.io/service-account.name")):
                errors.Add(Errors.Required("metadata.annotations[kubernetes.io/service-account.name]"));
                break;
        }
    }

    /// <summary>Immutable ConfigMaps and Secrets keep their data; a Secret's type never changes.</summary>
    public static void ValidateUpdate(string kind, JsonObject obj, JsonObject old, List<FieldError> errors)
    {
        if (kind == "Secret" && (JsonRead.Str(old, "type") ?? "Opaque") != (JsonRead.Str(obj, "type") ?? "Opaque"))
        {
            errors.Add(Errors.Immutable("type", JsonRead.Str(obj, "type") ?? ""));
        }
        if (JsonRead.Bool(old, "immutable") != true)
        {
            return;
        }
        if (JsonRead.Bool(obj, "immutable") != true)
        {
            errors.Add(Errors.Forbidden("immutable", "field is immutable when `immutable` is set"));
        }
        foreach (var field in kind == "Secret" ? (string[])["data"] : ["data", "binaryData"])
        {
            if (!JsonNode.DeepEquals(JsonRead.Obj(old, field), JsonRead.Obj(obj, field)))
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
