using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Controllers.Workloads;

namespace KubeMcp.Cluster.Controllers.Batch;

/// <summary>
/// Runs Jobs to completion as the upstream controller does in 1.32: pods up to parallelism until completions
/// succeed (or, without completions, until one succeeds and the rest finish; per index when Indexed), each finished
/// pod counted once through the <c>batch.kubernetes.io/job-tracking</c> finalizer, failures counted against
/// backoffLimit with exponential back-off before replacements, activeDeadlineSeconds, suspend/resume, and the
/// interim conditions SuccessCriteriaMet/FailureTarget followed by Complete/Failed once no pod is left running.
/// </summary>
internal sealed class JobController : Controller
{
    public const string Component = "job-controller";

    private static readonly TimeSpan BaseBackoff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, DateTimeOffset> _lastFailure = new(StringComparer.Ordinal);

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches =>
    [
        ControllerWatch.Self("jobs.batch"),
        ControllerWatch.Owner("pods", "Job"),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var (ns, name) = Split(key);
        var job = context.Registry.TryGet(context.Type("batch", "jobs"), ns, name);
        var pods = context.List(context.Type("", "pods"), ns).Where(p => ControllerRefs.ControllerOf(p, "Job") == name).ToList();
        var mine = job is null ? [] : pods.Where(p => ControllerRefs.IsControlledBy(p, job)).ToList();
        // Pods of a Job that is gone (or of an earlier Job of the same name) must not stay blocked by the finalizer.
        Release(context, pods.Except(mine));
        if (job is null)
        {
            return;
        }
        if (job["metadata"]?["deletionTimestamp"] is not null || IsFinished(job))
        {
            Release(context, mine);
            return;
        }
        var counted = mine.Where(p => JobPods.HasFinalizer(p) && (JobPods.Succeeded(p) || JobPods.Failed(p))).ToList();
        var state = new JobState(job, mine, counted, context.Now);
        if (counted.Any(p => !JobPods.Succeeded(p)))
        {
            lock (_lastFailure)
            {
                _lastFailure[job.Uid()] = context.Now;
            }
        }
        Sync(context, job, state);
        context.UpdateStatus(context.Type("batch", "jobs"), job, state.Status());
        Release(context, counted);
    }

    private static bool IsFinished(JsonObject job) =>
        Conditions.IsTrue(job.At("status.conditions"), "Complete") || Conditions.IsTrue(job.At("status.conditions"), "Failed");

    private void Sync(ControllerContext context, JsonObject job, JobState state)
    {
        var key = $"{job.Namespace()}/{job.Name()}";
        var spec = job["spec"] as JsonObject ?? new JsonObject();
        var suspended = spec["suspend"] is JsonValue s && s.TryGetValue<bool>(out var isSuspended) && isSuspended;
        if (!state.HasCondition("FailureTarget") && !state.HasCondition("SuccessCriteriaMet"))
        {
            var restarts = spec.Str("template.spec.restartPolicy") == "OnFailure" ? state.Active.Sum(JobPods.Restarts) : 0;
            if (state.Failed + restarts > (spec.Int("backoffLimit") ?? 6))
            {
                state.SetCondition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
            }
            else if (!suspended && spec.Int("activeDeadlineSeconds") is { } deadline && state.StartTime is { } started
                     && context.Now >= started + TimeSpan.FromSeconds(deadline))
            {
                state.SetCondition("FailureTarget", "DeadlineExceeded", "Job was active longer than specified deadline");
            }
            else if (state.SuccessReached())
            {
                state.SetCondition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods");
            }
        }
        if (state.HasCondition("FailureTarget") || state.HasCondition("SuccessCriteriaMet"))
        {
            Finish(context, job, state);
            return;
        }
        if (suspended)
        {
            DeleteAll(context, job, state);
            if (!state.HasCondition("Suspended"))
            {
                state.SetCondition("Suspended", "JobSuspended", "Job suspended");
                context.Events.Normal(job, "Suspended", "Job suspended", Component);
            }
            state.StartTime = null;
            return;
        }
        if (state.HasCondition("Suspended"))
        {
            state.SetCondition("Suspended", "JobResumed", "Job resumed", "False");
            context.Events.Normal(job, "Resumed", "Job resumed", Component);
            state.StartTime = context.Now;
        }
        state.StartTime ??= context.Now;
        if (spec.Int("activeDeadlineSeconds") is { } activeDeadline)
        {
            context.Requeue(key, state.StartTime.Value + TimeSpan.FromSeconds(activeDeadline) - context.Now);
        }
        if (BackoffRemaining(job, state.Failed, context.Now) is { } wait)
        {
            context.Requeue(key, wait);
            DeleteSurplus(context, job, state);
            return;
        }
        ManagePods(context, job, state);
    }

    /// <summary>Stops what still runs, then (once nothing runs) records the terminal condition.</summary>
    private static void Finish(ControllerContext context, JsonObject job, JobState state)
    {
        DeleteAll(context, job, state);
        if (state.ActiveCount > 0 || state.Terminating > 0)
        {
            return;
        }
        if (state.Condition("FailureTarget") is { } failure)
        {
            var reason = failure["reason"]!.ToString();
            var message = failure["message"]!.ToString();
            state.SetCondition("Failed", reason, message);
            context.Events.Warning(job, reason, message, Component);
            return;
        }
        state.SetCondition("Complete", "CompletionsReached", "Reached expected number of succeeded pods");
        state.CompletionTime = context.Now;
        context.Events.Normal(job, "Completed", "Job completed", Component);
    }

    private static void ManagePods(ControllerContext context, JsonObject job, JobState state)
    {
        var parallelism = (int)(job.Int("spec.parallelism") ?? 1);
        var completions = job.Int("spec.completions") is { } c ? (int)c : (int?)null;
        if (JobPods.IsIndexed(job))
        {
            var running = state.Active.GroupBy(p => JobPods.Index(p) ?? -1).ToList();
            foreach (var duplicate in running.SelectMany(g => g.Skip(1)).ToList())
            {
                Delete(context, job, state, duplicate);
            }
            var taken = running.Select(g => g.Key).Concat(state.CompletedIndexes).ToHashSet();
            var missing = Enumerable.Range(0, completions ?? 0).Where(i => !taken.Contains(i));
            foreach (var index in missing.Take(Math.Max(0, parallelism - state.ActiveCount)).ToList())
            {
                Create(context, job, state, index);
            }
            return;
        }
        var want = completions is { } n
            ? Math.Min(parallelism, n - state.Succeeded)
            : state.Succeeded > 0 ? state.ActiveCount : parallelism;
        var diff = Math.Max(0, want) - state.ActiveCount;
        for (var i = 0; i < diff; i++)
        {
            Create(context, job, state, null);
        }
        if (diff < 0)
        {
            DeleteSurplus(context, job, state, Math.Max(0, want));
        }
    }

    private static void DeleteSurplus(ControllerContext context, JsonObject job, JobState state, int? keep = null)
    {
        var limit = keep ?? (int)(job.Int("spec.parallelism") ?? 1);
        foreach (var pod in state.Active.OrderBy(p => PodTemplates.IsReady(p) ? 1 : 0).Take(Math.Max(0, state.ActiveCount - limit)).ToList())
        {
            Delete(context, job, state, pod);
        }
    }

    private TimeSpan? BackoffRemaining(JsonObject job, int failed, DateTimeOffset now)
    {
        DateTimeOffset last;
        lock (_lastFailure)
        {
            if (failed == 0 || !_lastFailure.TryGetValue(job.Uid(), out last))
            {
                return null;
            }
        }
        var delay = BaseBackoff * Math.Pow(2, Math.Min(failed - 1, 16));
        var wait = last + (delay > MaxBackoff ? MaxBackoff : delay) - now;
        return wait > TimeSpan.Zero ? wait : null;
    }

    private static void Create(ControllerContext context, JsonObject job, JobState state, int? index) =>
        state.Active.Add(PodControl.Create(context, job, JobPods.NewPod(job, index), Component));

    private static void DeleteAll(ControllerContext context, JsonObject job, JobState state)
    {
        foreach (var pod in state.Active.ToList())
        {
            Delete(context, job, state, pod);
        }
    }

    private static void Delete(ControllerContext context, JsonObject job, JobState state, JsonObject pod)
    {
        state.Active.Remove(pod);
        if (PodControl.Delete(context, job, pod, Component))
        {
            state.Terminating++;
        }
    }

    /// <summary>Removes the tracking finalizer from pods that are counted or no longer tracked.</summary>
    private static void Release(ControllerContext context, IEnumerable<JsonObject> pods)
    {
        var podType = context.Type("", "pods");
        foreach (var pod in pods.Where(JobPods.HasFinalizer))
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                // Re-read so the write cannot lose a concurrent change to the pod (or fail on its resourceVersion).
                var current = context.Registry.TryGet(podType, pod.Namespace(), pod.Name());
                if (current is null || current.Uid() != pod.Uid() || !JobPods.HasFinalizer(current))
                {
                    break;
                }
                var next = current.DeepClone().AsObject();
                var finalizers = (JsonArray)next["metadata"]!["finalizers"]!;
                foreach (var f in finalizers.Where(f => f?.ToString() == JobPods.TrackingFinalizer).ToList())
                {
                    finalizers.Remove(f);
                }
                if (finalizers.Count == 0)
                {
                    next.Meta().Remove("finalizers");
                }
                try
                {
                    context.Registry.Update(podType, pod.Namespace(), pod.Name(), next, ControllerContext.ControllerWrite);
                    break;
                }
                catch (ApiException e) when (e.Code is 404 or 409)
                {
                }
            }
        }
    }
}
