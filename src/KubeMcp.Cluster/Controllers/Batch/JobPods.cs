using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Controllers.Workloads;

namespace KubeMcp.Cluster.Controllers.Batch;

/// <summary>
/// A Job's pods: made from its template with the tracking finalizer (so no finished pod goes uncounted), and for
/// Indexed jobs the completion index as annotation, label, hostname and <c>JOB_COMPLETION_INDEX</c>.
/// </summary>
internal static class JobPods
{
    public const string TrackingFinalizer = "batch.kubernetes.io/job-tracking";
    public const string IndexKey = "batch.kubernetes.io/job-completion-index";

    public static bool IsIndexed(JsonObject job) => job.Str("spec.completionMode") == "Indexed";

    public static bool HasFinalizer(JsonObject pod) =>
        (pod["metadata"]?["finalizers"] as JsonArray)?.Any(f => f?.ToString() == TrackingFinalizer) == true;

    public static bool Succeeded(JsonObject pod) => pod.Str("status.phase") == "Succeeded";

    /// <summary>Failed, or removed before it could succeed: both count against the backoff limit.</summary>
    public static bool Failed(JsonObject pod) =>
        pod.Str("status.phase") == "Failed" || (PodControl.IsTerminating(pod) && !Succeeded(pod));

    public static int? Index(JsonObject pod) =>
        int.TryParse(pod.Annotations()?[IndexKey]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;

    /// <summary>Container restarts, which count as failures for pods that restart in place (restartPolicy OnFailure).</summary>
    public static int Restarts(JsonObject pod) =>
        (pod.At("status.containerStatuses") as JsonArray ?? []).OfType<JsonObject>().Sum(c => (int)(c.Int("restartCount") ?? 0));

    public static JsonObject NewPod(JsonObject job, int? index)
    {
        var template = job.At("spec.template") as JsonObject ?? new JsonObject();
        var pod = PodTemplates.NewPod(job, template);
        var meta = pod.Meta();
        meta["finalizers"] = new JsonArray(TrackingFinalizer);
        if (index is not { } i)
        {
            return pod;
        }
        var text = i.ToString(CultureInfo.InvariantCulture);
        meta["generateName"] = $"{job.Name()}-{text}-";
        meta.Ensure("annotations")[IndexKey] = text;
        meta.Ensure("labels")[IndexKey] = text;
        var spec = pod.Ensure("spec");
        spec["hostname"] = $"{job.Name()}-{text}";
        foreach (var container in (spec["containers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var env = container["env"] as JsonArray ?? [];
            container["env"] = env;
            env.Add(new JsonObject
            {
                ["name"] = "JOB_COMPLETION_INDEX",
                ["valueFrom"] = new JsonObject
                {
                    ["fieldRef"] = new JsonObject { ["fieldPath"] = $"metadata.annotations['{IndexKey}']" },
                },
            });
        }
        return pod;
    }

    /// <summary>Completed indexes in the status's compressed form: <c>1,3-5,7</c>.</summary>
    public static string FormatIndexes(IEnumerable<int> indexes)
    {
        var sorted = indexes.Distinct().Order().ToList();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Count; i++)
        {
            var start = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }
            text.Append(text.Length > 0 ? "," : "").Append(start.ToString(CultureInfo.InvariantCulture));
            if (sorted[i] != start)
            {
                text.Append('-').Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }

    /// <summary>Reads the compressed index list back; ignores malformed parts.</summary>
    public static IEnumerable<int> ParseIndexes(string? text)
    {
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-');
            if (!int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first))
            {
                continue;
            }
            var last = bounds.Length == 2 && int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : first;
            for (var i = first; i <= last && i - first < 100_000; i++)
            {
                yield return i;
            }
        }
    }
}
