using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// One container's lifecycle on a simulated node: image pull (with ErrImagePull/ImagePullBackOff back-off),
/// configuration (CreateContainerConfigError), start, the simulated program's exit or OOM kill, and restarts with
/// CrashLoopBackOff back-off (10 s doubling to 5 min), startup/readiness/liveness probes (<see cref="ContainerProbes"/>)
/// — each step at the time a kubelet would take it.
/// </summary>
internal sealed class ContainerRuntime(JsonObject spec, bool init)
{
    private static readonly TimeSpan PullTime = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(5);

    public string Name { get; } = spec["name"]?.ToString() ?? "";

    public bool IsInit { get; } = init;

    public JsonObject Spec { get; } = spec;

    public ContainerStage Stage { get; private set; } = ContainerStage.NotStarted;

    public DateTimeOffset? NextAt { get; private set; }

    public int Restarts { get; private set; }

    public ContainerInstance? Current { get; private set; }

    public ContainerInstance? Previous { get; private set; }

    public ResolvedImage? Image { get; private set; }

    private string _waitingReason = "ContainerCreating";
    private string? _waitingMessage;
    private JsonObject? _lastTerminated;
    private int _pullFailures;
    private ContainerProbes? _probes;
    private ProbeKill? _kill;
    private int? _exitCode;

    public bool Started => Current is not null;

    public bool IsReady(DateTimeOffset now) => Stage == ContainerStage.Running && _probes?.IsReady(now) == true;

    public bool Succeeded => Stage == ContainerStage.Done && (_exitCode ?? Current?.Run.Outcome.ExitCode) == 0;

    /// <summary>Advances through every transition due by <paramref name="now"/>; returns events to record.</summary>
    public void Advance(DateTimeOffset now, PodContext pod, List<PodEvent> events)
    {
        for (var guard = 0; guard < 64; guard++)
        {
            if (!Step(now, pod, events))
            {
                return;
            }
        }
    }

    /// <summary>When this container next changes on its own, if ever.</summary>
    public DateTimeOffset? NextChange(DateTimeOffset now)
    {
        if (Stage == ContainerStage.Running && Current is { } c)
        {
            var end = EndOf(c);
            var probes = _probes?.NextChange(now);
            return end is null || probes < end ? probes : end;
        }
        return NextAt;
    }

    public void Stop(DateTimeOffset now)
    {
        if (Current is { FinishedAt: null } c)
        {
            Current = c with { FinishedAt = now };
        }
        Stage = ContainerStage.Done;
    }

    private bool Step(DateTimeOffset now, PodContext pod, List<PodEvent> events)
    {
        var fieldPath = $"spec.{(IsInit ? "initContainers" : "containers")}{{{Name}}}";
        var image = Spec["image"]?.ToString() ?? "";
        switch (Stage)
        {
            case ContainerStage.NotStarted:
                if (pod.ImagePresent(image) && Spec["imagePullPolicy"]?.ToString() != "Always")
                {
                    if (!Resolve(pod, events, fieldPath, image))
                    {
                        return true;
                    }
                    events.Add(new("Normal", "Pulled", $"Container image \"{image}\" already present on machine", fieldPath));
                    return Create(now, pod, events, fieldPath);
                }
                events.Add(new("Normal", "Pulling", $"Pulling image \"{image}\"", fieldPath));
                Wait(ContainerStage.Pulling, "ContainerCreating", null, now + PullTime);
                return false;
            case ContainerStage.Pulling when NextAt <= now:
                if (!Resolve(pod, events, fieldPath, image))
                {
                    return true;
                }
                pod.MarkImagePresent(image);
                events.Add(new("Normal", "Pulled",
                    $"Successfully pulled image \"{image}\" in {PullTime.TotalSeconds:0.###}s ({PullTime.TotalSeconds:0.###}s including waiting). Image size: {ImageSize(image)} bytes.", fieldPath));
                return Create(NextAt!.Value, pod, events, fieldPath);
            case ContainerStage.PullFailed when NextAt <= now:
                events.Add(new("Normal", "BackOff", ImagePullError.BackOffMessage(image), fieldPath));
                events.Add(new("Warning", "Failed", "Error: ImagePullBackOff", fieldPath));
                Wait(ContainerStage.PullBackOff, ImagePullError.BackOffReason, ImagePullError.BackOffMessage(image), NextAt.Value + BackOff(_pullFailures));
                return true;
            case ContainerStage.PullBackOff when NextAt <= now:
                events.Add(new("Normal", "Pulling", $"Pulling image \"{image}\"", fieldPath));
                Wait(ContainerStage.Pulling, ImagePullError.BackOffReason, ImagePullError.BackOffMessage(image), NextAt.Value + PullTime);
                return true;
            case ContainerStage.ConfigError when NextAt <= now:
                return Create(NextAt.Value, pod, events, fieldPath);
            case ContainerStage.Running when Current is { } c:
                var end = EndOf(c);
                _probes?.Report(end < now ? end.Value : now, fieldPath, events);
                if (end is not { } ended || ended > now)
                {
                    return false;
                }
                if (_kill is { } kill && kill.At <= ended)
                {
                    Terminate(c, kill.ExitCode, kill.Reason, null, kill.At, true, pod, events, fieldPath);
                }
                else
                {
                    Terminate(c, c.Run.Outcome.ExitCode, c.Run.Outcome.Reason, c.Run.Outcome.Message, c.StartedAt + c.Run.Outcome.At, false, pod, events, fieldPath);
                }
                return true;
            case ContainerStage.CrashBackOff when NextAt <= now:
                Restarts++;
                Previous = Current;
                events.Add(new("Normal", "Pulled", $"Container image \"{image}\" already present on machine", fieldPath));
                return Create(NextAt.Value, pod, events, fieldPath);
        }
        return false;
    }

    private bool Resolve(PodContext pod, List<PodEvent> events, string fieldPath, string image)
    {
        ImageReference reference;
        try
        {
            reference = ImageReference.Parse(image);
        }
        catch (InvalidImageNameException e)
        {
            events.Add(new("Warning", "InspectFailed", e.Message, fieldPath));
            events.Add(new("Warning", "Failed", "Error: InvalidImageName", fieldPath));
            Wait(ContainerStage.ConfigError, "InvalidImageName", e.Message, null);
            return false;
        }
        var resolution = pod.Images.Resolve(reference);
        if (resolution.Image is { } resolved)
        {
            Image = resolved;
            return true;
        }
        var error = resolution.Error!;
        _pullFailures++;
        events.Add(new("Warning", "Failed", error.EventMessage(image), fieldPath));
        events.Add(new("Warning", "Failed", "Error: ErrImagePull", fieldPath));
        Wait(ContainerStage.PullFailed, ImagePullError.WaitingReason, error.KubeletMessage, (NextAt ?? pod.Now) + TimeSpan.FromSeconds(1));
        return false;
    }

    private bool Create(DateTimeOffset at, PodContext pod, List<PodEvent> events, string fieldPath)
    {
        IReadOnlyList<KeyValuePair<string, string>> env;
        IReadOnlyDictionary<string, string> files;
        try
        {
            (env, files) = ContainerEnvironment.Build(pod.Pod, Spec, pod.Registry, pod.PodIp, pod.HostIp);
        }
        catch (ContainerConfigException e)
        {
            if (Stage != ContainerStage.ConfigError || _waitingMessage != e.Message)
            {
                events.Add(new("Warning", "Failed", $"Error: {e.Message}", fieldPath));
            }
            Wait(ContainerStage.ConfigError, "CreateContainerConfigError", e.Message, at + TimeSpan.FromSeconds(10));
            return false;
        }
        var annotations = (pod.Pod.Annotations() ?? []).ToDictionary(a => a.Key, a => a.Value?.ToString() ?? "", StringComparer.Ordinal);
        if (pod.CrashesUntilRecreated is { } crashLine)
        {
            // Honest simulation of state that only a new pod clears (see docs/simulation.md).
            annotations[SimAnnotations.Prefix + SimAnnotations.ExitCode] = "1";
            annotations[SimAnnotations.Prefix + SimAnnotations.ExitAfter] = "2s";
            annotations[SimAnnotations.Prefix + SimAnnotations.Logs] = crashLine;
        }
        var program = new ContainerProgram
        {
            Image = Image!,
            ContainerName = Name,
            Command = Strings(Spec["command"], env),
            Args = Strings(Spec["args"], env),
            Env = env,
            Files = files,
            MemoryLimitBytes = Spec.Str("resources.limits.memory") is { } memory ? Quantity.BytesOrZero(memory) : null,
            CpuLimitMillicores = Spec.Str("resources.limits.cpu") is { } cpu ? Quantity.MillicoresOrZero(cpu) : null,
            Annotations = annotations,
            PodName = pod.Pod.Name(),
            Namespace = pod.Pod.Namespace(),
            PodIP = pod.PodIp,
            StartedAt = at,
            WorkingDir = Spec.Str("workingDir"),
        };
        var run = ProgramInterpreter.Run(program);
        var id = $"containerd://{Guid.NewGuid():N}{Guid.NewGuid():N}"[..77];
        if (run.Outcome.Kind == ProgramOutcomeKind.StartError)
        {
            events.Add(new("Normal", "Created", $"Created container: {Name}", fieldPath));
            events.Add(new("Warning", "Failed", $"Error: failed to create containerd task: failed to create shim task: {run.Outcome.Message}", fieldPath));
        }
        else
        {
            events.Add(new("Normal", "Created", $"Created container: {Name}", fieldPath));
            events.Add(new("Normal", "Started", $"Started container {Name}", fieldPath));
        }
        Current = new ContainerInstance(Name, id, program, run, at, null);
        _probes = run.Outcome.Kind == ProgramOutcomeKind.StartError ? null : new ContainerProbes(Spec, Current, pod.PodIp, probed: !IsInit);
        _kill = _probes?.KillAt is { } killAt ? ProbeKill.For(killAt, _probes.KilledBy!.Spec, run, pod.Pod) : null;
        _exitCode = null;
        Stage = ContainerStage.Running;
        NextAt = null;
        _waitingMessage = null;
        return true;
    }

    /// <summary>When the running container ends: its program exits, or a failed probe's kill completes.</summary>
    private DateTimeOffset? EndOf(ContainerInstance c)
    {
        DateTimeOffset? exit = c.Run.Outcome.Terminates ? c.StartedAt + c.Run.Outcome.At : null;
        return _kill is { } kill && (exit is null || kill.At < exit) ? kill.At : exit;
    }

    private void Terminate(ContainerInstance c, int exitCode, string reason, string? message, DateTimeOffset finished, bool probeKilled,
        PodContext pod, List<PodEvent> events, string fieldPath)
    {
        Current = c with { FinishedAt = finished };
        _exitCode = exitCode;
        _lastTerminated = new JsonObject
        {
            ["exitCode"] = exitCode,
            ["reason"] = reason,
            ["startedAt"] = c.StartedAt.Timestamp(),
            ["finishedAt"] = finished.Timestamp(),
            ["containerID"] = c.ContainerId,
        };
        if (message is not null)
        {
            _lastTerminated["message"] = message;
        }
        var policy = pod.Pod.Str("spec.restartPolicy") ?? "Always";
        // A container killed for a failed probe restarts under any policy but Never, whatever its exit code.
        var restart = IsInit ? exitCode != 0 && policy != "Never"
            : policy == "Always" || (policy == "OnFailure" && (exitCode != 0 || probeKilled));
        if (!restart)
        {
            Stage = ContainerStage.Done;
            NextAt = null;
            return;
        }
        var delay = BackOff(Restarts);
        events.Add(new("Warning", "BackOff", $"Back-off restarting failed container {Name} in pod {pod.Pod.Name()}_{pod.Pod.Namespace()}({pod.Pod.Uid()})", fieldPath));
        Wait(ContainerStage.CrashBackOff, "CrashLoopBackOff",
            $"back-off {Go(delay)} restarting failed container={Name} pod={pod.Pod.Name()}_{pod.Pod.Namespace()}({pod.Pod.Uid()})", finished + delay);
    }

    /// <summary>The container's entry in <c>containerStatuses</c> (or <c>initContainerStatuses</c>).</summary>
    public JsonObject Status(DateTimeOffset now)
    {
        JsonObject state;
        if (Stage == ContainerStage.Running && Current is { } running)
        {
            state = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = running.StartedAt.Timestamp() } };
        }
        else if (Stage == ContainerStage.Done && _lastTerminated is not null)
        {
            state = new JsonObject { ["terminated"] = _lastTerminated.DeepClone() };
        }
        else
        {
            var waiting = new JsonObject { ["reason"] = _waitingReason };
            if (_waitingMessage is not null)
            {
                waiting["message"] = _waitingMessage;
            }
            state = new JsonObject { ["waiting"] = waiting };
        }
        var last = Stage == ContainerStage.Done || _lastTerminated is null ? new JsonObject() : new JsonObject { ["terminated"] = _lastTerminated.DeepClone() };
        var status = new JsonObject
        {
            ["name"] = Name,
            ["state"] = state,
            ["lastState"] = last,
            ["ready"] = IsReady(now),
            ["restartCount"] = Restarts,
            ["image"] = Spec["image"]?.DeepClone(),
            ["imageID"] = Image is not null && Started ? Image.ImageId : "",
            ["started"] = Stage == ContainerStage.Running && _probes?.IsStarted(now) != false,
        };
        if (Current is { } c)
        {
            status["containerID"] = c.ContainerId;
        }
        if (IsInit)
        {
            status.Remove("started");
        }
        return status;
    }

    private void Wait(ContainerStage stage, string reason, string? message, DateTimeOffset? next)
    {
        Stage = stage;
        _waitingReason = reason;
        _waitingMessage = message;
        NextAt = next;
    }

    private static TimeSpan BackOff(int failures)
    {
        var seconds = 10 * Math.Pow(2, Math.Min(Math.Max(failures - 1, 0), 10));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxBackOff.TotalSeconds));
    }

    private static string Go(TimeSpan d) =>
        d.TotalMinutes >= 1 ? $"{(int)d.TotalMinutes}m{d.Seconds}s" : $"{(int)d.TotalSeconds}s";

    private static IReadOnlyList<string>? Strings(JsonNode? node, IReadOnlyList<KeyValuePair<string, string>> env) =>
        node is JsonArray array ? [.. array.Select(n => ContainerEnvironment.Expand(n?.ToString() ?? "", env))] : null;

    private static long ImageSize(string image) =>
        40_000_000L + (Math.Abs(image.GetHashCode(StringComparison.Ordinal)) % 150_000_000L);
}
