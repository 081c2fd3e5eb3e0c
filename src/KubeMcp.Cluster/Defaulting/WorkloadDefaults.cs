using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Defaulting;

/// <summary>Defaults of the workload kinds (apps/v1, batch/v1, core ReplicationController) and their pod templates.</summary>
internal static class WorkloadDefaults
{
    public static void Deployment(JsonObject obj)
    {
        var spec = Json.Object(obj, "spec");
        if (spec is null)
        {
            return;
        }
        Json.Default(spec, "replicas", 1);
        var strategy = Json.Object(spec, "strategy", create: true);
        Json.DefaultString(strategy, "type", "RollingUpdate");
        if (JsonRead.Str(strategy, "type") == "RollingUpdate")
        {
            var rolling = Json.Object(strategy, "rollingUpdate", create: true);
            Json.Default(rolling, "maxUnavailable", "25%");
            Json.Default(rolling, "maxSurge", "25%");
        }
        Json.Default(spec, "revisionHistoryLimit", 10);
        Json.Default(spec, "progressDeadlineSeconds", 600);
        Template(spec);
    }

    public static void ReplicaSet(JsonObject obj)
    {
        var spec = Json.Object(obj, "spec");
        Json.Default(spec, "replicas", 1);
        Template(spec);
    }

    public static void ReplicationController(JsonObject obj)
    {
        var spec = Json.Object(obj, "spec");
        if (spec is null)
        {
            return;
        }
        var templateLabels = Json.Object(Json.Object(Json.Object(spec, "template"), "metadata"), "labels");
        if (templateLabels is { Count: > 0 })
        {
            if (Json.IsZero(spec["selector"]))
            {
                spec["selector"] = templateLabels.DeepClone();
            }
            var metadata = Json.Object(obj, "metadata", create: true);
            if (Json.IsZero(metadata?["labels"]))
            {
                metadata!["labels"] = templateLabels.DeepClone();
            }
        }
        Json.Default(spec, "replicas", 1);
        Template(spec);
    }

    public static void StatefulSet(JsonObject obj)
    {
        var spec = Json.Object(obj, "spec");
        if (spec is null)
        {
            return;
        }
        Json.DefaultString(spec, "podManagementPolicy", "OrderedReady");
        var strategy = Json.Object(spec, "updateStrategy", create: true);
        Json.DefaultString(strategy, "type", "RollingUpdate");
        if (JsonRead.Str(strategy, "type") == "RollingUpdate")
        {
            Json.Default(Json.Object(strategy, "rollingUpdate", create: true), "partition", 0);
        }
        var retention = Json.Object(spec, "persistentVolumeClaimRetentionPolicy", create: true);
        Json.DefaultString(retention, "whenDeleted", "Retain");
        Json.DefaultString(retention, "whenScaled", "Retain");
        Json.Default(spec, "replicas", 1);
        Json.Default(spec, "revisionHistoryLimit", 10);
        foreach (var claim in JsonRead.Objects(spec, "volumeClaimTemplates"))
        {
            Json.DefaultString(Json.Object(claim, "spec"), "volumeMode", "Filesystem");
            Json.DefaultString(Json.Object(claim, "status", create: true), "phase", "Pending");
        }
        Template(spec);
    }

    public static void DaemonSet(JsonObject obj)
    {
        var spec = Json.Object(obj, "spec");
        if (spec is null)
        {
            return;
        }
        var strategy = Json.Object(spec, "updateStrategy", create: true);
        Json.DefaultString(strategy, "type", "RollingUpdate");
        if (JsonRead.Str(strategy, "type") == "RollingUpdate")
        {
            var rolling = Json.Object(strategy, "rollingUpdate", create: true);
            Json.Default(rolling, "maxUnavailable", 1);
            Json.Default(rolling, "maxSurge", 0);
        }
        Json.Default(spec, "revisionHistoryLimit", 10);
        Template(spec);
    }

    /// <summary>
    /// Job defaults. Unless <c>spec.manualSelector</c> is true, the selector and template labels are generated from
    /// <c>metadata.uid</c> as the job strategy does on create; the caller must assign the uid before defaulting, or
    /// the selector is left unset.
    /// </summary>
    public static void Job(JsonObject obj)
    {
        var spec = Json.Object(obj, "spec");
        if (spec is null)
        {
            return;
        }
        if (!Json.IsSet(spec, "completions") && !Json.IsSet(spec, "parallelism"))
        {
            spec["completions"] = 1;
        }
        Json.Default(spec, "parallelism", 1);
        Json.Default(spec, "backoffLimit", Json.IsSet(spec, "backoffLimitPerIndex") ? int.MaxValue : 6);
        Json.DefaultString(spec, "completionMode", "NonIndexed");
        Json.Default(spec, "suspend", false);
        Json.DefaultString(spec, "podReplacementPolicy", Json.IsSet(spec, "podFailurePolicy") ? "Failed" : "TerminatingOrFailed");
        var metadata = Json.Object(obj, "metadata");
        var uid = JsonRead.Str(metadata, "uid");
        var manual = spec["manualSelector"] is JsonValue m && m.TryGetValue<bool>(out var manualSelector) && manualSelector;
        var generate = !manual && !string.IsNullOrEmpty(uid);
        var templateMetadata = Json.Object(Json.Object(spec, "template"), "metadata", create: generate);
        if (generate && templateMetadata is not null)
        {
            var labels = Json.Object(templateMetadata, "labels", create: true);
            var name = JsonRead.Str(metadata, "name") ?? "";
            if (labels is not null)
            {
                labels["batch.kubernetes.io/controller-uid"] = uid!;
                labels["batch.kubernetes.io/job-name"] = name;
                labels["controller-uid"] = uid!;
                labels["job-name"] = name;
            }
            if (!Json.IsSet(spec, "selector"))
            {
                spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid! } };
            }
        }
        if (metadata is not null && Json.IsZero(metadata["labels"]) && Json.Object(templateMetadata, "labels") is { Count: > 0 } templateLabels)
        {
            metadata["labels"] = templateLabels.DeepClone();
        }
        Template(spec);
    }

    public static void CronJob(JsonObject obj)
    {
        var spec = Json.Object(obj, "spec");
        if (spec is null)
        {
            return;
        }
        Json.DefaultString(spec, "concurrencyPolicy", "Allow");
        Json.Default(spec, "suspend", false);
        Json.Default(spec, "successfulJobsHistoryLimit", 3);
        Json.Default(spec, "failedJobsHistoryLimit", 1);
        Template(Json.Object(Json.Object(spec, "jobTemplate"), "spec"));
    }

    public static void PodTemplate(JsonObject obj) => Template(obj);

    private static void Template(JsonObject? spec) =>
        PodSpecDefaults.Apply(Json.Object(Json.Object(spec, "template"), "spec"));
}
