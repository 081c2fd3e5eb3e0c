using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// The startup, readiness and liveness probes of one container start, as a real kubelet runs them: the startup probe
/// gates the other two; without a readiness probe the container is ready once started; a liveness or startup probe
/// reaching its failure threshold kills the container. Every failing run records a <c>Warning Unhealthy</c> event.
/// </summary>
internal sealed class ContainerProbes
{
    /// <summary>Failing runs reported in one sync at most, per probe: a clock that jumps hours ahead records a sample.</summary>
    private const int MaxEventsPerSync = 20;

    private readonly ProbeSchedule?[] _schedules;
    private DateTimeOffset _reportedUntil;

    public ContainerProbes(JsonObject container, ContainerInstance instance, string podIp, bool probed)
    {
        ProbeSchedule? Schedule(string field, DateTimeOffset? gate) =>
            probed && ProbeSpec.Parse(container, field) is { } spec
                ? new ProbeSchedule(spec, Prober.Evaluate(spec, container, instance, podIp), instance.StartedAt, gate)
                : null;

        var start = instance.StartedAt;
        var startup = Schedule("startupProbe", start);
        StartedAt = startup is null ? start : startup.SucceededAt;
        var readiness = Schedule("readinessProbe", StartedAt);
        var liveness = Schedule("livenessProbe", StartedAt);
        // The ready annotation (ReadyAt null) is an application that never serves: no probe makes it ready.
        ReadyAt = instance.Run.ReadyAt is null ? null : readiness is null ? StartedAt : readiness.SucceededAt;
        foreach (var (schedule, probe) in new[] { (startup, "startup"), (liveness, "liveness") })
        {
            if (schedule?.FailedAt is { } failed && (KillAt is null || failed < KillAt))
            {
                KillAt = failed;
                KilledBy = schedule;
                KillMessage = $"Container {instance.Name} failed {probe} probe, will be restarted";
            }
        }
        _schedules = [startup, readiness, liveness];
        _reportedUntil = start;
    }

    /// <summary>When the startup probe succeeded (the container's <c>started</c>); null while it never does.</summary>
    public DateTimeOffset? StartedAt { get; }

    /// <summary>When the container becomes ready; null if it never does.</summary>
    public DateTimeOffset? ReadyAt { get; }

    /// <summary>When a liveness or startup probe reaches its failure threshold and the kubelet kills the container.</summary>
    public DateTimeOffset? KillAt { get; }

    /// <summary>The probe that kills the container (for its termination grace period).</summary>
    public ProbeSchedule? KilledBy { get; }

    private string? KillMessage { get; }

    public bool IsStarted(DateTimeOffset now) => StartedAt <= now;

    public bool IsReady(DateTimeOffset now) => ReadyAt <= now;

    /// <summary>Adds the events of every probe run up to <paramref name="until"/> not reported yet.</summary>
    public void Report(DateTimeOffset until, string fieldPath, List<PodEvent> events)
    {
        var end = KillAt is { } kill && kill < until ? kill : until;
        if (end <= _reportedUntil)
        {
            return;
        }
        var failures = _schedules.OfType<ProbeSchedule>()
            .SelectMany(s => s.FailuresBetween(_reportedUntil, end).Take(MaxEventsPerSync).Select(at => (At: at, Schedule: s)))
            .OrderBy(f => f.At);
        foreach (var (_, schedule) in failures)
        {
            events.Add(new("Warning", "Unhealthy", schedule.Verdict.EventMessage(schedule.Spec.Type), fieldPath));
        }
        if (KillAt is { } killed && killed > _reportedUntil && killed <= end)
        {
            events.Add(new("Normal", "Killing", KillMessage!, fieldPath));
        }
        _reportedUntil = end;
    }

    /// <summary>The next time the probes change something or must record an event; null when nothing will.</summary>
    public DateTimeOffset? NextChange(DateTimeOffset now)
    {
        var after = _reportedUntil < now ? _reportedUntil : now;
        var times = _schedules.OfType<ProbeSchedule>().Select(s => s.NextFailureAfter(after))
            .Append(StartedAt > now ? StartedAt : null)
            .Append(ReadyAt > now ? ReadyAt : null)
            .Append(KillAt > after ? KillAt : null)
            .Where(t => t is not null && (KillAt is null || t <= KillAt));
        return times.Min();
    }
}
