using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers.Batch;

/// <summary>
/// Starts a CronJob's Jobs at its schedule on the simulation clock (named <c>&lt;cronjob&gt;-&lt;minutes since
/// epoch&gt;</c>), honouring suspend, concurrencyPolicy and startingDeadlineSeconds, keeps the active list,
/// lastScheduleTime and lastSuccessfulTime, and prunes finished Jobs beyond the history limits.
/// </summary>
internal sealed class CronJobController : Controller
{
    private const string Component = "cronjob-controller";
    private const string ScheduledAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches =>
    [
        ControllerWatch.Self("cronjobs.batch"),
        ControllerWatch.Owner("jobs.batch", "CronJob"),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var (ns, name) = Split(key);
        var cronType = context.Type("batch", "cronjobs");
        var cronJob = context.Registry.TryGet(cronType, ns, name);
        if (cronJob is null)
        {
            return;
        }
        var jobs = context.Controlled(context.Type("batch", "jobs"), cronJob);
        var status = cronJob["status"]?.DeepClone() as JsonObject ?? new JsonObject();
        var active = TrackActive(context, cronJob, jobs, status);
        if (cronJob["metadata"]?["deletionTimestamp"] is null)
        {
            PruneHistory(context, cronJob, jobs);
            if (!(cronJob.At("spec.suspend") is JsonValue s && s.TryGetValue<bool>(out var suspended) && suspended))
            {
                Schedule(context, key, cronJob, jobs, active, status);
            }
        }
        if (active.Count > 0)
        {
            status["active"] = active;
        }
        else
        {
            status.Remove("active");
        }
        context.UpdateStatus(cronType, cronJob, status);
    }

    private static JsonArray TrackActive(ControllerContext context, JsonObject cronJob, List<JsonObject> jobs, JsonObject status)
    {
        var active = status["active"] as JsonArray ?? [];
        foreach (var job in jobs)
        {
            var listed = active.OfType<JsonObject>().FirstOrDefault(r => r.Str("uid") == job.Uid());
            var finished = FinishedCondition(job);
            if (finished is null && listed is null)
            {
                context.Events.Warning(cronJob, "UnexpectedJob", $"Saw a job that the controller did not create or forgot: {job.Name()}", Component);
                active.Add(Reference(job));
            }
            else if (finished is not null && listed is not null)
            {
                active.Remove(listed);
                context.Events.Normal(cronJob, "SawCompletedJob", $"Saw completed job: {job.Name()}, condition: {finished}", Component);
            }
            if (finished == "Complete" && JsonObjectExtensions.ParseTimestamp(job.Str("status.completionTime")) is { } done
                && (JsonObjectExtensions.ParseTimestamp(status.Str("lastSuccessfulTime")) is not { } last || done > last))
            {
                status["lastSuccessfulTime"] = done.Timestamp();
            }
        }
        foreach (var missing in active.OfType<JsonObject>().Where(r => jobs.All(j => j.Uid() != r.Str("uid"))).ToList())
        {
            active.Remove(missing);
            context.Events.Normal(cronJob, "MissingJob", $"Active job went missing: {missing.Str("name")}", Component);
        }
        return active;
    }

    private static void Schedule(ControllerContext context, string key, JsonObject cronJob, List<JsonObject> jobs, JsonArray active, JsonObject status)
    {
        var schedule = CronJobSchedule.Parse(cronJob.Str("spec.schedule"), cronJob.Str("spec.timeZone"), out var error);
        if (schedule is null)
        {
            var reason = error!.StartsWith("invalid timeZone", StringComparison.Ordinal) ? "UnknownTimeZone" : "UnparseableSchedule";
            context.Events.Warning(cronJob, reason, error, Component);
            return;
        }
        var now = context.Now;
        var earliest = JsonObjectExtensions.ParseTimestamp(status.Str("lastScheduleTime"))
                       ?? JsonObjectExtensions.ParseTimestamp(cronJob.Str("metadata.creationTimestamp")) ?? now;
        var deadline = cronJob.Int("spec.startingDeadlineSeconds");
        if (deadline is { } d && now - TimeSpan.FromSeconds(d) > earliest)
        {
            earliest = now - TimeSpan.FromSeconds(d);
        }
        if (schedule.Next(now) is { } next)
        {
            context.Requeue(key, next - now);
        }
        var (scheduled, missed) = schedule.MostRecent(earliest, now);
        if (scheduled is not { } time)
        {
            return;
        }
        if (missed > 100)
        {
            context.Events.Warning(cronJob, "TooManyMissedTimes",
                $"too many missed start times: {missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew", Component);
        }
        if (deadline is { } late && time + TimeSpan.FromSeconds(late) < now)
        {
            context.Events.Warning(cronJob, "MissSchedule",
                $"Missed scheduled time to start a job: {Rfc1123Z(TimeZoneInfo.ConvertTime(time, schedule.Zone))}", Component);
            return;
        }
        var jobName = $"{cronJob.Name()}-{(time.ToUnixTimeSeconds() / 60).ToString(CultureInfo.InvariantCulture)}";
        if (jobs.Any(j => j.Name() == jobName))
        {
            return;
        }
        var policy = cronJob.Str("spec.concurrencyPolicy") ?? "Allow";
        if (policy == "Forbid" && active.Count > 0)
        {
            context.Events.Normal(cronJob, "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid", Component);
            return;
        }
        if (policy == "Replace")
        {
            foreach (var old in active.OfType<JsonObject>().ToList())
            {
                DeleteJob(context, cronJob, old.Str("name") ?? "");
                active.Remove(old);
            }
        }
        JsonObject created;
        try
        {
            created = context.Registry.Create(context.Type("batch", "jobs"), cronJob.Namespace(), NewJob(cronJob, jobName, time, schedule.Zone),
                ControllerContext.ControllerWrite);
        }
        catch (ApiException e) when (e.Code == 409)
        {
            return;
        }
        context.Events.Normal(cronJob, "SuccessfulCreate", $"Created job {created.Name()}", Component);
        active.Add(Reference(created));
        status["lastScheduleTime"] = time.Timestamp();
    }

    private static JsonObject NewJob(JsonObject cronJob, string name, DateTimeOffset scheduled, TimeZoneInfo zone)
    {
        var template = cronJob.At("spec.jobTemplate") as JsonObject ?? new JsonObject();
        var meta = template["metadata"]?.DeepClone() as JsonObject ?? new JsonObject();
        meta["name"] = name;
        meta["namespace"] = cronJob.Namespace();
        meta.Remove("generateName");
        var local = TimeZoneInfo.ConvertTime(scheduled, zone);
        meta.Ensure("annotations")[ScheduledAnnotation] = local.Offset == TimeSpan.Zero
            ? local.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        meta["ownerReferences"] = new JsonArray(ControllerRefs.For(cronJob));
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = meta,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }

    /// <summary>Deletes the oldest finished Jobs beyond successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1).</summary>
    private static void PruneHistory(ControllerContext context, JsonObject cronJob, List<JsonObject> jobs)
    {
        foreach (var (condition, field, fallback) in new[] { ("Complete", "successfulJobsHistoryLimit", 3L), ("Failed", "failedJobsHistoryLimit", 1L) })
        {
            var limit = cronJob.Int($"spec.{field}") ?? fallback;
            var finished = jobs.Where(j => FinishedCondition(j) == condition)
                .OrderBy(j => j.Str("status.startTime") ?? j.Str("metadata.creationTimestamp"), StringComparer.Ordinal).ToList();
            foreach (var job in finished.Take((int)Math.Max(0, finished.Count - limit)))
            {
                DeleteJob(context, cronJob, job.Name());
                jobs.Remove(job);
            }
        }
    }

    private static void DeleteJob(ControllerContext context, JsonObject cronJob, string name)
    {
        try
        {
            context.Registry.Delete(context.Type("batch", "jobs"), cronJob.Namespace(), name, new DeleteOptions(PropagationPolicy: "Background"));
            context.Events.Normal(cronJob, "SuccessfulDelete", $"Deleted job {name}", Component);
        }
        catch (ApiException e) when (e.Code == 404)
        {
        }
    }

    /// <summary>Go's RFC1123Z layout: <c>Mon, 02 Jan 2006 15:04:05 -0700</c>.</summary>
    private static string Rfc1123Z(DateTimeOffset time) =>
        time.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
        + (time.Offset < TimeSpan.Zero ? "-" : "+") + time.Offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    private static string? FinishedCondition(JsonObject job) =>
        Conditions.IsTrue(job.At("status.conditions"), "Complete") ? "Complete"
        : Conditions.IsTrue(job.At("status.conditions"), "Failed") ? "Failed"
        : null;

    private static JsonObject Reference(JsonObject job) => new()
    {
        ["apiVersion"] = "batch/v1",
        ["kind"] = "Job",
        ["name"] = job.Name(),
        ["namespace"] = job.Namespace(),
        ["uid"] = job.Uid(),
        ["resourceVersion"] = job["metadata"]?["resourceVersion"]?.DeepClone(),
    };
}
