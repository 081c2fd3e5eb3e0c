using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Controllers.Workloads;

namespace KubeMcp.Cluster.Controllers.Batch;

/// <summary>One reconcile's view of a Job: its counters (with newly finished pods added), active pods, and the
/// status it will write.</summary>
internal sealed class JobState
{
    private readonly JsonObject _job;
    private readonly JsonObject _status;
    private readonly string _now;

    public JobState(JsonObject job, List<JsonObject> pods, List<JsonObject> counted, DateTimeOffset now)
    {
        _job = job;
        _status = job["status"]?.DeepClone() as JsonObject ?? new JsonObject();
        _now = now.Timestamp();
        Active = pods.Where(p => PodTemplates.IsActive(p)).ToList();
        Terminating = pods.Count(p => PodControl.IsTerminating(p) && p.Str("status.phase") is not ("Succeeded" or "Failed"));
        Succeeded = (int)(_status.Int("succeeded") ?? 0);
        Failed = (int)(_status.Int("failed") ?? 0) + counted.Count(p => !JobPods.Succeeded(p));
        var completions = (int)(job.Int("spec.completions") ?? int.MaxValue);
        if (JobPods.IsIndexed(job))
        {
            var completed = JobPods.ParseIndexes(_status.Str("completedIndexes")).Where(i => i < completions).ToHashSet();
            foreach (var pod in counted.Where(JobPods.Succeeded))
            {
                if (JobPods.Index(pod) is { } index && index < completions && completed.Add(index))
                {
                    Succeeded++;
                }
            }
            CompletedIndexes = completed;
        }
        else
        {
            Succeeded += counted.Count(JobPods.Succeeded);
        }
        StartTime = JsonObjectExtensions.ParseTimestamp(_status.Str("startTime"));
        CompletionTime = JsonObjectExtensions.ParseTimestamp(_status.Str("completionTime"));
    }

    public List<JsonObject> Active { get; }

    public int ActiveCount => Active.Count;

    public int Terminating { get; set; }

    public int Succeeded { get; }

    public int Failed { get; }

    public IReadOnlySet<int> CompletedIndexes { get; } = new HashSet<int>();

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? CompletionTime { get; set; }

    public JsonObject? Condition(string type) => Conditions.Find(_status["conditions"], type) is { } c && c.Str("status") == "True" ? c : null;

    public bool HasCondition(string type) => Condition(type) is not null;

    public void SetCondition(string type, string reason, string message, string status = "True") =>
        Conditions.Set(_status, Conditions.Make(_status["conditions"], type, status, reason, message, _now, withProbeTime: true));

    /// <summary>Whether the Job has all the successes it needs.</summary>
    public bool SuccessReached()
    {
        var completions = _job.Int("spec.completions");
        if (JobPods.IsIndexed(_job))
        {
            return completions is { } n && CompletedIndexes.Count >= n;
        }
        return completions is { } c ? Succeeded >= c : Succeeded > 0 && ActiveCount == 0;
    }

    public JsonObject Status()
    {
        var status = new JsonObject();
        if (_status["conditions"] is JsonArray { Count: > 0 } conditions)
        {
            status["conditions"] = conditions.DeepClone();
        }
        if (StartTime is { } start)
        {
            status["startTime"] = start.Timestamp();
        }
        if (CompletionTime is { } end)
        {
            status["completionTime"] = end.Timestamp();
        }
        if (ActiveCount > 0)
        {
            status["active"] = ActiveCount;
        }
        if (Succeeded > 0)
        {
            status["succeeded"] = Succeeded;
        }
        if (Failed > 0)
        {
            status["failed"] = Failed;
        }
        status["terminating"] = Terminating;
        if (JobPods.IsIndexed(_job) && CompletedIndexes.Count > 0)
        {
            status["completedIndexes"] = JobPods.FormatIndexes(CompletedIndexes);
        }
        status["uncountedTerminatedPods"] = new JsonObject();
        status["ready"] = Active.Count(PodTemplates.IsReady);
        return status;
    }
}
