namespace KubeMcp.Agent.Providers.Offline;

/// <summary>The planner's conclusion about one unhealthy pod.</summary>
/// <param name="Pod">The pod.</param>
/// <param name="Cause">The cause.</param>
/// <param name="Summary">The cause in words.</param>
/// <param name="Evidence">The line that shows it (a log line, an event, a status), quoted in the report.</param>
/// <param name="RestartHelps">Whether deleting the pod (so its controller recreates it) can fix it.</param>
/// <param name="HumanAction">What a person has to do when a restart cannot fix it (or may not).</param>
/// <param name="Owner">The controlling owner (kind/name) from the pod's metadata, when known.</param>
/// <param name="NeedsPod">The pod's YAML (its spec and container states) would make the diagnosis firmer.</param>
/// <param name="NeedsNodes">The nodes' status could explain it (a Pending pod, or an unready one with no other clue).</param>
internal sealed record PodDiagnosis(
    PodRow Pod, PodCause Cause, string Summary, string Evidence, bool RestartHelps, string HumanAction, string? Owner,
    bool NeedsPod = false, bool NeedsNodes = false);
