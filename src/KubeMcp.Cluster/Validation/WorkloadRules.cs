using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Validation;

/// <summary>Checks of the apps/v1 and batch/v1 workload kinds.</summary>
internal static class WorkloadRules
{
    private const string StatefulSetUpdateForbidden =
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
        "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

    private static readonly string[] StatefulSetMutable =
        ["replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];

    public static void Deployment(JsonObject? spec, List<FieldError> errors)
    {
        if (spec is null)
        {
            errors.Add(Errors.Required("spec.selector"));
            return;
        }
        NonNegative(spec, "replicas", "spec", errors);
        NonNegative(spec, "minReadySeconds", "spec", errors);
        NonNegative(spec, "revisionHistoryLimit", "spec", errors);
        SelectorAndTemplate(spec, "spec", errors);
        PodRules.RequireRestartPolicy(JsonRead.Obj(JsonRead.Obj(spec, "template"), "spec"), "spec.template.spec", errors, "Always");
        var strategy = JsonRead.Obj(spec, "strategy");
        var type = JsonRead.Str(strategy, "type");
        if (type is not null and not ("Recreate" or "RollingUpdate"))
        {
            errors.Add(Errors.NotSupported("spec.strategy.type", type, "Recreate", "RollingUpdate"));
        }
        if (type == "Recreate" && Node.Has(strategy, "rollingUpdate"))
        {
            errors.Add(Errors.Forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
        }
        var rolling = JsonRead.Obj(strategy, "rollingUpdate");
        if (rolling is not null && IsZeroIntOrPercent(rolling["maxUnavailable"]) && IsZeroIntOrPercent(rolling["maxSurge"]))
        {
            errors.Add(Errors.InvalidRaw("spec.strategy.rollingUpdate.maxUnavailable", IntOrStringGo(rolling["maxUnavailable"]),
                "may not be 0 when `maxSurge` is 0"));
        }
        if (Node.Int(spec, "progressDeadlineSeconds") is { } deadline && deadline <= (Node.Int(spec, "minReadySeconds") ?? 0))
        {
            errors.Add(Errors.Invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"));
        }
    }

    public static void ReplicaSet(JsonObject? spec, List<FieldError> errors)
    {
        NonNegative(spec, "replicas", "spec", errors);
        NonNegative(spec, "minReadySeconds", "spec", errors);
        SelectorAndTemplate(spec, "spec", errors);
        PodRules.RequireRestartPolicy(JsonRead.Obj(JsonRead.Obj(spec, "template"), "spec"), "spec.template.spec", errors, "Always");
    }

    public static void StatefulSet(JsonObject? spec, List<FieldError> errors)
    {
        NonNegative(spec, "replicas", "spec", errors);
        SelectorAndTemplate(WithClaimVolumes(spec), "spec", errors);
        PodRules.RequireRestartPolicy(JsonRead.Obj(JsonRead.Obj(spec, "template"), "spec"), "spec.template.spec", errors, "Always");
        if (JsonRead.Str(spec, "podManagementPolicy") is { } policy && policy is not ("OrderedReady" or "Parallel"))
        {
            errors.Add(Errors.NotSupported("spec.podManagementPolicy", policy, "OrderedReady", "Parallel"));
        }
        if (JsonRead.Str(JsonRead.Obj(spec, "updateStrategy"), "type") is { } type && type is not ("RollingUpdate" or "OnDelete"))
        {
            errors.Add(Errors.NotSupported("spec.updateStrategy.type", type, "OnDelete", "RollingUpdate"));
        }
    }

    /// <summary>
    /// The spec with a volume per claim template, as the pods will have them: containers mount claims by template name.
    /// </summary>
    private static JsonObject? WithClaimVolumes(JsonObject? spec)
    {
        if (Node.Arr(spec, "volumeClaimTemplates") is not { Count: > 0 } claims || JsonRead.Obj(JsonRead.Obj(spec, "template"), "spec") is null)
        {
            return spec;
        }
        var copy = (JsonObject)spec!.DeepClone();
        var podSpec = JsonRead.Obj(JsonRead.Obj(copy, "template"), "spec")!;
        var volumes = Node.Arr(podSpec, "volumes") ?? [];
        podSpec["volumes"] = volumes;
        foreach (var claim in claims.OfType<JsonObject>())
        {
            var name = JsonRead.Str(JsonRead.Obj(claim, "metadata"), "name");
            if (!string.IsNullOrEmpty(name) && !volumes.OfType<JsonObject>().Any(v => JsonRead.Str(v, "name") == name))
            {
                volumes.Add(new JsonObject { ["name"] = name, ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = name } });
            }
        }
        return copy;
    }

    public static void DaemonSet(JsonObject? spec, List<FieldError> errors)
    {
        SelectorAndTemplate(spec, "spec", errors);
        PodRules.RequireRestartPolicy(JsonRead.Obj(JsonRead.Obj(spec, "template"), "spec"), "spec.template.spec", errors, "Always");
        if (JsonRead.Str(JsonRead.Obj(spec, "updateStrategy"), "type") is { } type && type is not ("RollingUpdate" or "OnDelete"))
        {
            errors.Add(Errors.NotSupported("spec.updateStrategy.type", type, "OnDelete", "RollingUpdate"));
        }
    }

    public static void Job(JsonObject? spec, string path, List<FieldError> errors, bool requireSelector = true)
    {
        foreach (var field in (string[])["parallelism", "completions", "backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished"])
        {
            NonNegative(spec, field, path, errors);
        }
        if (JsonRead.Str(spec, "completionMode") is { } mode && mode is not ("NonIndexed" or "Indexed"))
        {
            errors.Add(Errors.NotSupported($"{path}.completionMode", mode, "NonIndexed", "Indexed"));
        }
        if (requireSelector || Node.Has(spec, "selector"))
        {
            SelectorAndTemplate(spec, path, errors);
        }
        else
        {
            PodRules.ValidateSpec(JsonRead.Obj(JsonRead.Obj(spec, "template"), "spec"), $"{path}.template.spec", errors);
        }
        PodRules.RequireRestartPolicy(JsonRead.Obj(JsonRead.Obj(spec, "template"), "spec"), $"{path}.template.spec", errors, "OnFailure", "Never");
    }

    public static void CronJob(JsonObject? spec, List<FieldError> errors)
    {
        var schedule = JsonRead.Str(spec, "schedule");
        if (string.IsNullOrEmpty(schedule))
        {
            errors.Add(Errors.Required("spec.schedule"));
        }
        else if (CronSchedule.Check(schedule) is { } problem)
        {
            errors.Add(Errors.Invalid("spec.schedule", schedule, problem));
        }
        if (JsonRead.Str(spec, "concurrencyPolicy") is { } policy && policy is not ("Allow" or "Forbid" or "Replace"))
        {
            errors.Add(Errors.NotSupported("spec.concurrencyPolicy", policy, "Allow", "Forbid", "Replace"));
        }
        foreach (var field in (string[])["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"])
        {
            NonNegative(spec, field, "spec", errors);
        }
        // The job controller generates the selector of each job it creates, so the template needs none.
        Job(JsonRead.Obj(JsonRead.Obj(spec, "jobTemplate"), "spec"), "spec.jobTemplate.spec", errors, requireSelector: false);
    }

    public static void ValidateUpdate(ResourceType type, JsonObject? spec, JsonObject? oldSpec, List<FieldError> errors)
    {
        if (spec is null || oldSpec is null)
        {
            return;
        }
        if (type.Kind is "Deployment" or "ReplicaSet" or "DaemonSet" or "StatefulSet" or "Job" &&
            JsonRead.Obj(oldSpec, "selector") is { } oldSelector && !JsonNode.DeepEquals(oldSelector, JsonRead.Obj(spec, "selector")))
        {
            errors.Add(Errors.InvalidRaw("spec.selector", SelectorRules.GoValue(JsonRead.Obj(spec, "selector")), "field is immutable"));
        }
        if (type.Kind == "StatefulSet")
        {
            var a = (JsonObject)spec.DeepClone();
            var b = (JsonObject)oldSpec.DeepClone();
            foreach (var field in StatefulSetMutable.Append("selector"))
            {
                a.Remove(field);
                b.Remove(field);
            }
            if (!JsonNode.DeepEquals(a, b))
            {
                errors.Add(Errors.Forbidden("spec", StatefulSetUpdateForbidden));
            }
        }
        if (type.Kind == "Job")
        {
            if (Node.Int(oldSpec, "completions") is { } completions && Node.Int(spec, "completions") != completions &&
                JsonRead.Str(spec, "completionMode") != "Indexed")
            {
                errors.Add(Errors.Invalid("spec.completions", Node.Int(spec, "completions") ?? 0, "field is immutable"));
            }
            // Only a suspended job that never started may change its template (mutable scheduling directives).
            if (!JsonNode.DeepEquals(JsonRead.Obj(oldSpec, "template"), JsonRead.Obj(spec, "template")) && JsonRead.Bool(oldSpec, "suspend") != true)
            {
                errors.Add(Errors.InvalidRaw("spec.template", "core.PodTemplateSpec{...}", "field is immutable"));
            }
        }
    }

    private static void SelectorAndTemplate(JsonObject? spec, string path, List<FieldError> errors)
    {
        var selector = JsonRead.Obj(spec, "selector");
        var template = JsonRead.Obj(spec, "template");
        if (selector is null)
        {
            errors.Add(Errors.Required($"{path}.selector"));
        }
        else
        {
            if (SelectorRules.IsEmpty(selector))
            {
                errors.Add(Errors.InvalidRaw($"{path}.selector", SelectorRules.GoValue(selector), "empty selector is invalid for deployment"));
            }
            SelectorRules.Validate(selector, $"{path}.selector", errors);
        }
        if (template is null)
        {
            errors.Add(Errors.Required($"{path}.template"));
            return;
        }
        var labels = JsonRead.Obj(JsonRead.Obj(template, "metadata"), "labels");
        // A missing selector selects nothing, so the server reports the template labels as unmatched too.
        if (selector is null || !SelectorRules.IsEmpty(selector) && !SelectorRules.Matches(selector, labels))
        {
            errors.Add(Errors.InvalidRaw($"{path}.template.metadata.labels", Go.StringMap(labels), "`selector` does not match template `labels`"));
        }
        MetadataRules.Labels(labels, $"{path}.template.metadata.labels", errors);
        PodRules.ValidateSpec(JsonRead.Obj(template, "spec"), $"{path}.template.spec", errors);
    }

    private static void NonNegative(JsonObject? spec, string field, string path, List<FieldError> errors)
    {
        if (Node.Int(spec, field) is { } value && value < 0)
        {
            errors.Add(Errors.Invalid($"{path}.{field}", value, "must be greater than or equal to 0"));
        }
    }

    private static bool IsZeroIntOrPercent(JsonNode? node) => Go.Text(node) is "0" or "0%";

    private static string IntOrStringGo(JsonNode? node) => node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
        ? $"intstr.IntOrString{{Type:1, IntVal:0, StrVal:{Go.Quote(Go.Text(node))}}}"
        : $"intstr.IntOrString{{Type:0, IntVal:{Go.Text(node)}, StrVal:\"\"}}";
}
