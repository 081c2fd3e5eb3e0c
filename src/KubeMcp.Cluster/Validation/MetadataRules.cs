using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Validation;

/// <summary>Object metadata checks (<c>ValidateObjectMeta</c>, <c>ValidateObjectMetaUpdate</c>).</summary>
internal static class MetadataRules
{
    private const int TotalAnnotationSizeLimit = 256 * 1024;

    /// <summary>Which name syntax a kind requires.</summary>
    public static Func<string, IReadOnlyList<string>> NameRuleFor(ResourceType type) => (type.Group, type.Kind) switch
    {
        ("", "Namespace") => NameRules.Dns1123Label,
        ("", "Service") => NameRules.Dns1035Label,
        ("rbac.authorization.k8s.io", _) => NameRules.PathSegment,
        _ => NameRules.Dns1123Subdomain,
    };

    public static void Validate(ResourceType type, JsonObject obj, List<FieldError> errors)
    {
        var metadata = JsonRead.Obj(obj, "metadata");
        var name = JsonRead.Str(metadata, "name") ?? "";
        var generateName = JsonRead.Str(metadata, "generateName") ?? "";
        var rule = NameRuleFor(type);
        if (name.Length == 0 && generateName.Length == 0)
        {
            errors.Add(Errors.Required("metadata.name", "name or generateName is required"));
        }
        if (name.Length > 0)
        {
            errors.AddRange(rule(name).Select(m => Errors.Invalid("metadata.name", name, m)));
        }
        if (generateName.Length > 0)
        {
            // A generated name gets a random suffix, so a trailing dash is fine.
            var masked = generateName.EndsWith('-') ? generateName[..^1] + "a" : generateName;
            errors.AddRange(rule(masked).Select(m => Errors.Invalid("metadata.generateName", generateName, m)));
        }
        var ns = JsonRead.Str(metadata, "namespace") ?? "";
        if (type.Namespaced)
        {
            if (ns.Length == 0)
            {
                errors.Add(Errors.Required("metadata.namespace"));
            }
            else
            {
                errors.AddRange(NameRules.Dns1123Label(ns).Select(m => Errors.Invalid("metadata.namespace", ns, m)));
            }
        }
        else if (ns.Length > 0)
        {
            errors.Add(Errors.Forbidden("metadata.namespace", "not allowed on this type"));
        }
        Labels(JsonRead.Obj(metadata, "labels"), "metadata.labels", errors);
        Annotations(JsonRead.Obj(metadata, "annotations"), "metadata.annotations", errors);
        foreach (var (finalizer, i) in (Node.Arr(metadata, "finalizers") ?? []).Select((f, i) => (Go.Text(f), i)))
        {
            errors.AddRange(NameRules.QualifiedName(finalizer).Select(m => Errors.Invalid($"metadata.finalizers[{i}]", finalizer, m)));
        }
    }

    public static void ValidateUpdate(JsonObject obj, JsonObject old, List<FieldError> errors)
    {
        var metadata = JsonRead.Obj(obj, "metadata");
        var oldMetadata = JsonRead.Obj(old, "metadata");
        foreach (var field in (string[])["name", "namespace", "uid", "creationTimestamp"])
        {
            var now = JsonRead.Str(metadata, field);
            var before = JsonRead.Str(oldMetadata, field);
            // An absent uid or timestamp on update means "unchanged": the storage layer carries them over.
            var changed = field is "name" or "namespace"
                ? (before ?? "") != (now ?? "")
                : !string.IsNullOrEmpty(before) && !string.IsNullOrEmpty(now) && now != before;
            if (changed)
            {
                errors.Add(Errors.Immutable($"metadata.{field}", now ?? ""));
            }
        }
    }

    public static void Labels(JsonObject? labels, string path, List<FieldError> errors)
    {
        if (labels is null)
        {
            return;
        }
        foreach (var (key, value) in labels)
        {
            errors.AddRange(NameRules.QualifiedName(key).Select(m => Errors.Invalid(path, key, m)));
            var text = Go.Text(value);
            errors.AddRange(NameRules.LabelValue(text).Select(m => Errors.Invalid(path, text, m)));
        }
    }

    public static void Annotations(JsonObject? annotations, string path, List<FieldError> errors)
    {
        if (annotations is null)
        {
            return;
        }
        var size = 0;
        foreach (var (key, value) in annotations)
        {
            errors.AddRange(NameRules.QualifiedName(key.ToLowerInvariant()).Select(m => Errors.Invalid(path, key, m)));
            size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(Go.Text(value));
        }
        if (size > TotalAnnotationSizeLimit)
        {
            errors.Add(Errors.TooLong(path, TotalAnnotationSizeLimit));
        }
    }
}
