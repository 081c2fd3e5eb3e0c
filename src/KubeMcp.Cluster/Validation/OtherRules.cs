using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Validation;

/// <summary>Checks of the smaller kinds: RBAC bindings, namespaces, CRDs, autoscalers.</summary>
internal static class OtherRules
{
    public static void Binding(JsonObject obj, bool clusterScoped, List<FieldError> errors)
    {
        var roleRef = JsonRead.Obj(obj, "roleRef");
        var kind = JsonRead.Str(roleRef, "kind") ?? "";
        string[] kinds = clusterScoped ? ["ClusterRole"] : ["Role", "ClusterRole"];
        if (!kinds.Contains(kind))
        {
            errors.Add(Errors.NotSupported("roleRef.kind", kind, kinds));
        }
        if ((JsonRead.Str(roleRef, "apiGroup") ?? "") != "rbac.authorization.k8s.io")
        {
            errors.Add(Errors.NotSupported("roleRef.apiGroup", JsonRead.Str(roleRef, "apiGroup") ?? "", "rbac.authorization.k8s.io"));
        }
        if (string.IsNullOrEmpty(JsonRead.Str(roleRef, "name")))
        {
            errors.Add(Errors.Required("roleRef.name"));
        }
        foreach (var (subject, i) in Node.Items(obj, "subjects"))
        {
            var subjectKind = JsonRead.Str(subject, "kind") ?? "";
            if (subjectKind is not ("ServiceAccount" or "User" or "Group"))
            {
                errors.Add(Errors.NotSupported($"subjects[{i}].kind", subjectKind, "ServiceAccount", "User", "Group"));
            }
            if (string.IsNullOrEmpty(JsonRead.Str(subject, "name")))
            {
                errors.Add(Errors.Required($"subjects[{i}].name"));
            }
            // Namespaced bindings default a service account's namespace to their own; cluster bindings must name it.
            if (subjectKind == "ServiceAccount" && clusterScoped && string.IsNullOrEmpty(JsonRead.Str(subject, "namespace")))
            {
                errors.Add(Errors.Required($"subjects[{i}].namespace"));
            }
        }
    }

    public static void BindingUpdate(JsonObject obj, JsonObject old, List<FieldError> errors)
    {
        var roleRef = JsonRead.Obj(obj, "roleRef");
        if (!JsonNode.DeepEquals(JsonRead.Obj(old, "roleRef"), roleRef))
        {
            errors.Add(Errors.InvalidRaw("roleRef",
                $"rbac.RoleRef{{APIGroup:{Go.Quote(JsonRead.Str(roleRef, "apiGroup") ?? "")}, Kind:{Go.Quote(JsonRead.Str(roleRef, "kind") ?? "")}, Name:{Go.Quote(JsonRead.Str(roleRef, "name") ?? "")}}}",
                "cannot change roleRef"));
        }
    }

    public static void Namespace(JsonObject obj, List<FieldError> errors)
    {
        foreach (var (finalizer, i) in (Node.Arr(JsonRead.Obj(obj, "spec"), "finalizers") ?? []).Select((f, i) => (Go.Text(f), i)))
        {
            errors.AddRange(NameRules.QualifiedName(finalizer).Select(m => Errors.Invalid($"spec.finalizers[{i}]", finalizer, m)));
        }
    }

    public static void CustomResourceDefinition(JsonObject obj, List<FieldError> errors)
    {
        var spec = JsonRead.Obj(obj, "spec");
        var plural = JsonRead.Str(JsonRead.Obj(spec, "names"), "plural") ?? "";
        var group = JsonRead.Str(spec, "group") ?? "";
        var name = JsonRead.Str(JsonRead.Obj(obj, "metadata"), "name") ?? "";
        if (name.Length > 0 && name != $"{plural}.{group}")
        {
            errors.Add(Errors.Invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
        }
        if (group.Length == 0)
        {
            errors.Add(Errors.Required("spec.group"));
        }
        else if (!group.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(Errors.Invalid("spec.group", group, "should be a domain with at least one dot"));
        }
        if (JsonRead.Str(spec, "scope") is var scope && scope is not ("Namespaced" or "Cluster"))
        {
            errors.Add(Errors.NotSupported("spec.scope", scope ?? "", "Cluster", "Namespaced"));
        }
        var versions = Node.Arr(spec, "versions") ?? [];
        if (versions.OfType<JsonObject>().Count(v => JsonRead.Bool(v, "storage") == true) != 1)
        {
            errors.Add(Errors.Invalid("spec.versions", versions.Count, "must have exactly one version marked as storage version"));
        }
    }

    public static void HorizontalPodAutoscaler(JsonObject? spec, List<FieldError> errors)
    {
        var max = Node.Int(spec, "maxReplicas") ?? 0;
        if (max < 1)
        {
            errors.Add(Errors.Invalid("spec.maxReplicas", max, "must be greater than or equal to 1"));
        }
        if (Node.Int(spec, "minReplicas") is { } min)
        {
            if (min < 1)
            {
                errors.Add(Errors.Invalid("spec.minReplicas", min, "must be greater than or equal to 1"));
            }
            else if (max >= 1 && min > max)
            {
                errors.Add(Errors.Invalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`"));
            }
        }
    }
}
