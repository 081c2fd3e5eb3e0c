namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// One probe over one container start, computed rather than ticked: the probe runs every period from its initial
/// delay once <c>gate</c> opens (the startup probe's success gates readiness and liveness), fails until its verdict
/// passes, and reaches its success or failure threshold at a time known in advance. A passing probe therefore needs
/// no wake-ups; only failing runs, which each record an event, do.
/// </summary>
internal sealed class ProbeSchedule
{
    /// <summary>
    /// The kubelet learns a container started from the runtime's relist (every second) and probes then at the
    /// earliest, so a probe never runs before the container's first second.
    /// </summary>
    private static readonly TimeSpan FirstProbe = TimeSpan.FromSeconds(1);

    private readonly DateTimeOffset _base;
    private readonly long _period;
    private readonly long? _first;
    private readonly long? _pass;
    private readonly long? _fail;

    /// <param name="spec">The probe.</param>
    /// <param name="verdict">What the probe sees in this container start.</param>
    /// <param name="start">When the container started.</param>
    /// <param name="gate">From when the probe may run; null when it never may.</param>
    public ProbeSchedule(ProbeSpec spec, ProbeVerdict verdict, DateTimeOffset start, DateTimeOffset? gate)
    {
        Spec = spec;
        Verdict = verdict;
        _base = start + (spec.InitialDelay > FirstProbe ? spec.InitialDelay : FirstProbe);
        _period = spec.Period.Ticks;
        if (gate is not { } open)
        {
            return;
        }
        _first = IndexAtOrAfter(open);
        if (!verdict.Errored && verdict.PassesFrom is { } passesFrom)
        {
            _pass = Math.Max(_first.Value, IndexAtOrAfter(start + passesFrom));
        }
        if (!verdict.Errored && (_pass is null || _first.Value + spec.FailureThreshold - 1 < _pass))
        {
            _fail = _first.Value + spec.FailureThreshold - 1;
        }
    }

    public ProbeSpec Spec { get; }

    public ProbeVerdict Verdict { get; }

    /// <summary>When the probe reaches its success threshold; null if it never does.</summary>
    public DateTimeOffset? SucceededAt => _pass is { } pass ? At(pass + Spec.SuccessThreshold - 1) : null;

    /// <summary>When the probe reaches its failure threshold (for liveness and startup: the kill); null if it never does.</summary>
    public DateTimeOffset? FailedAt => _fail is { } fail ? At(fail) : null;

    /// <summary>The failing (or errored) runs after <paramref name="after"/> up to and including <paramref name="until"/>.</summary>
    public IEnumerable<DateTimeOffset> FailuresBetween(DateTimeOffset after, DateTimeOffset until)
    {
        if (_first is not { } first)
        {
            yield break;
        }
        // Reaching the failure threshold stops nothing here: for liveness and startup the kill does (ContainerProbes).
        var last = _pass is { } pass ? pass - 1 : long.MaxValue;
        for (var k = Math.Max(first, IndexAfter(after)); k <= last && At(k) <= until; k++)
        {
            yield return At(k);
        }
    }

    /// <summary>The first failing run after <paramref name="after"/>, if any.</summary>
    public DateTimeOffset? NextFailureAfter(DateTimeOffset after) =>
        FailuresBetween(after, DateTimeOffset.MaxValue).Select(t => (DateTimeOffset?)t).FirstOrDefault();

    private DateTimeOffset At(long index) => _base + TimeSpan.FromTicks(index * _period);

    private long IndexAtOrAfter(DateTimeOffset time) =>
        time <= _base ? 0 : ((time - _base).Ticks + _period - 1) / _period;

    private long IndexAfter(DateTimeOffset time) =>
        time < _base ? 0 : (time - _base).Ticks / _period + 1;
}
