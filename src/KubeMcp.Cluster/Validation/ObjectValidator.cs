using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.OpenApi;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Validation;

/// <summary>
/// Validates objects the way a Kubernetes 1.32 API server does before storing them. Call, in this order:
/// <see cref="CheckFields"/> on the decoded request body (400 on wrong types or, when Strict, unknown fields),
/// <see cref="RemoveUnknownFields"/>, defaulting, then <see cref="Validate"/> (422 Invalid with these causes).
/// </summary>
internal static class ObjectValidator
{
    /// <summary>The field errors of an object on create (<paramref name="old"/> null) or update; empty when valid.
    /// Expects a defaulted object, as the server validates after defaulting.</summary>
    public static IReadOnlyList<FieldError> Validate(ResourceType type, JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldError>();
        MetadataRules.Validate(type, obj, errors);
        if (old is not null)
        {
            MetadataRules.ValidateUpdate(obj, old, errors);
        }
        if (type.IsCustom)
        {
            SchemaRules.Validate(CustomResourceSchemas.SourceSchema(type), obj, errors);
            return errors;
        }
        var spec = obj["spec"] as JsonObject;
        var oldSpec = old?["spec"] as JsonObject;
        switch (type.Group, type.Kind)
        {
            case ("", "Pod"):
                if (spec is null)
                {
                    errors.Add(Errors.Required("spec.containers"));
                }
                PodRules.ValidateSpec(spec, "spec", errors);
                if (old is not null)
                {
                    PodRules.ValidateUpdate(spec, oldSpec, errors);
                }
                break;
            case ("", "PodTemplate"):
                PodRules.ValidateSpec(JsonRead.Obj(JsonRead.Obj(obj, "template"), "spec"), "template.spec", errors);
                break;
            case ("", "Service"):
                ServiceRules.Validate(spec, errors);
                if (old is not null)
                {
                    ServiceRules.ValidateUpdate(spec, oldSpec, errors);
                }
                break;
            case ("", "ConfigMap"):
                ConfigDataRules.ConfigMap(obj, errors);
                break;
            case ("", "Secret"):
                ConfigDataRules.Secret(obj, errors);
                break;
            case ("", "Namespace"):
                OtherRules.Namespace(obj, errors);
                break;
            case ("apps", "Deployment"):
                WorkloadRules.Deployment(spec, errors);
                break;
            case ("apps", "ReplicaSet"):
                WorkloadRules.ReplicaSet(spec, errors);
                break;
            case ("apps", "StatefulSet"):
                WorkloadRules.StatefulSet(spec, errors);
                break;
            case ("apps", "DaemonSet"):
                WorkloadRules.DaemonSet(spec, errors);
                break;
            case ("batch", "Job"):
                WorkloadRules.Job(spec, "spec", errors);
                break;
            case ("batch", "CronJob"):
                if ((JsonRead.Str(JsonRead.Obj(obj, "metadata"), "name") ?? "") is { Length: > 52 } longName)
                {
                    errors.Add(Errors.Invalid("metadata.name", longName, NameRules.MaxLength(52)));
                }
                WorkloadRules.CronJob(spec, errors);
                break;
            case ("autoscaling", "HorizontalPodAutoscaler"):
                OtherRules.HorizontalPodAutoscaler(spec, errors);
                break;
            case ("rbac.authorization.k8s.io", "RoleBinding" or "ClusterRoleBinding"):
                OtherRules.Binding(obj, type.Kind == "ClusterRoleBinding", errors);
                if (old is not null)
                {
                    OtherRules.BindingUpdate(obj, old, errors);
                }
                break;
            case ("apiextensions.k8s.io", "CustomResourceDefinition"):
                OtherRules.CustomResourceDefinition(obj, errors);
                break;
        }
        if (type.Kind == "Job" && (JsonRead.Str(JsonRead.Obj(obj, "metadata"), "name") ?? "") is { Length: > 63 } jobName)
        {
            errors.Add(Errors.Invalid("metadata.name", jobName, NameRules.MaxLength(63)));
        }
        if (old is not null)
        {
            if (type.Group is "apps" or "batch")
            {
                WorkloadRules.ValidateUpdate(type, spec, oldSpec, errors);
            }
            if (type.Group.Length == 0 && type.Kind is "ConfigMap" or "Secret")
            {
                ConfigDataRules.ValidateUpdate(type.Kind, obj, old, errors);
            }
        }
        return errors;
    }

    /// <summary>
    /// Decodes <paramref name="obj"/> against the kind's schema without changing it: unknown fields and, for
    /// built-in kinds, values of the wrong type. See <see cref="FieldCheckResult"/> for what to answer.
    /// </summary>
    public static FieldCheckResult CheckFields(ResourceType type, JsonObject obj, FieldValidation mode)
    {
        var (unknown, decodeError) = FieldChecker.Check(type, obj, prune: false);
        return new FieldCheckResult(mode, unknown, decodeError);
    }

    /// <summary>Drops unknown fields from <paramref name="obj"/> (the caller's copy), as decoding into the typed
    /// object or CRD pruning does in every field validation mode.</summary>
    public static void RemoveUnknownFields(ResourceType type, JsonObject obj) => FieldChecker.Check(type, obj, prune: true);

    /// <summary>Throws the 422 Invalid the API server returns when <see cref="Validate"/> finds errors.</summary>
    public static void ThrowIfInvalid(ResourceType type, JsonObject obj, JsonObject? old)
    {
        var errors = Validate(type, obj, old);
        if (errors.Count > 0)
        {
            var name = JsonRead.Str(JsonRead.Obj(obj, "metadata"), "name") ?? JsonRead.Str(JsonRead.Obj(obj, "metadata"), "generateName") ?? "";
            throw ApiException.Invalid(type.Kind, name, errors, type.Group.Length == 0 ? null : type.Group);
        }
    }
}
