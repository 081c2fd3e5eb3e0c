using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Kubelet;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// One pod on its simulated node: init containers in order, then the app containers, and the pod status (phase,
/// conditions, container statuses, IPs, QoS class) a kubelet would report at a given time.
/// </summary>
internal sealed class PodRuntime
{
    private readonly List<ContainerRuntime> _init;
    private readonly List<ContainerRuntime> _containers;
    private readonly string _hostIp;
    private readonly string? _crashLine;
    private string? _volumeError;

    public PodRuntime(JsonObject pod, string node, string hostIp, string podIp, DateTimeOffset startTime, string? crashLine)
    {
        _crashLine = crashLine;
        Key = $"{pod.Namespace()}/{pod.Name()}";
        Uid = pod.Uid();
        Node = node;
        PodIp = podIp;
        StartedAt = startTime;
        _hostIp = hostIp;
        _init = [.. (pod.At("spec.initContainers") as JsonArray ?? []).OfType<JsonObject>().Select(c => new ContainerRuntime((JsonObject)c.DeepClone(), init: true))];
        _containers = [.. (pod.At("spec.containers") as JsonArray ?? []).OfType<JsonObject>().Select(c => new ContainerRuntime((JsonObject)c.DeepClone(), init: false))];
        ContainerNames = [.. _init.Concat(_containers).Select(c => c.Name)];
    }

    public string Key { get; }

    public string Uid { get; }

    public string Node { get; }

    public string PodIp { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Names of the pod's init and app containers, in spec order.</summary>
    public IReadOnlyList<string> ContainerNames { get; }

    /// <summary>The running (or last) instance of a container; null before its first start.</summary>
    public ContainerInstance? Current(string container) => Find(container)?.Current;

    /// <summary>The instance before the current one (what <c>kubectl logs --previous</c> shows); null if none.</summary>
    public ContainerInstance? Previous(string container) => Find(container)?.Previous;

    /// <summary>The container's lifecycle state (for messages such as "is waiting to start").</summary>
    public ContainerRuntime? Container(string container) => Find(container);

    /// <summary>Runs every transition due by <paramref name="now"/> and returns the status to report.</summary>
    public PodStep Advance(JsonObject pod, ObjectRegistry registry, ImageCatalog images, ISet<string> nodeImages, DateTimeOffset now)
    {
        lock (this)
        {
            var events = new List<PodEvent>();
            var context = new PodContext(pod, registry, images, nodeImages, PodIp, _hostIp, now, _crashLine);
            var volumeError = ContainerEnvironment.MissingVolumeSource(pod, registry);
            if (volumeError is not null)
            {
                if (volumeError != _volumeError)
                {
                    events.Add(new("Warning", "FailedMount", volumeError, null));
                }
                _volumeError = volumeError;
                return new PodStep(Status(pod, now), events, TimeSpan.FromSeconds(10));
            }
            _volumeError = null;
            var initDone = true;
            foreach (var init in _init)
            {
                init.Advance(now, context, events);
                if (!init.Succeeded)
                {
                    initDone = false;
                    break;
                }
            }
            if (initDone)
            {
                foreach (var container in _containers)
                {
                    container.Advance(now, context, events);
                }
            }
            var next = _init.Concat(_containers).Select(c => c.NextChange(now)).Where(t => t is not null).Min();
            return new PodStep(Status(pod, now), events, next is { } at ? (at - now) is var d && d > TimeSpan.Zero ? d : TimeSpan.FromMilliseconds(1) : null);
        }
    }

    /// <summary>Memory and CPU in use right now, per running container.</summary>
    public IReadOnlyList<(string Container, ResourceUsage Usage)> Usage(DateTimeOffset now)
    {
        lock (this)
        {
            return [.. _containers.Where(c => c.Stage == ContainerStage.Running && c.Current is not null)
                .Select(c => (c.Name, c.Current!.Run.UsageAt(c.Current.ElapsedAt(now))))];
        }
    }

    public void Stop(DateTimeOffset now)
    {
        lock (this)
        {
            foreach (var c in _init.Concat(_containers))
            {
                c.Stop(now);
            }
        }
    }

    private ContainerRuntime? Find(string name)
    {
        lock (this)
        {
            return _init.Concat(_containers).FirstOrDefault(c => c.Name == name);
        }
    }

    private JsonObject Status(JsonObject pod, DateTimeOffset now)
    {
        var stamp = now.Timestamp();
        var previous = pod.At("status.conditions") as JsonArray;
        JsonObject Condition(string type, bool value, string? reason = null, string? message = null)
        {
            var old = previous?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == type);
            var since = old is not null && old["status"]?.ToString() == (value ? "True" : "False") ? old["lastTransitionTime"]?.ToString() ?? stamp : stamp;
            var c = new JsonObject { ["type"] = type, ["status"] = value ? "True" : "False", ["lastProbeTime"] = null, ["lastTransitionTime"] = since };
            if (reason is not null)
            {
                c["reason"] = reason;
                c["message"] = message;
            }
            return c;
        }
        var initialized = _init.All(c => c.Succeeded);
        var notReady = _containers.Where(c => !c.IsReady(now)).Select(c => c.Name).ToList();
        var ready = notReady.Count == 0 && initialized;
        var unreadyMessage = $"containers with unready status: [{string.Join(" ", notReady)}]";
        var phase = Phase(initialized);
        var status = new JsonObject
        {
            ["phase"] = phase,
            ["conditions"] = new JsonArray(
                Condition("PodReadyToStartContainers", _volumeError is null),
                initialized ? Condition("Initialized", true)
                    : Condition("Initialized", false, "ContainersNotInitialized", $"containers with incomplete status: [{string.Join(" ", _init.Where(c => !c.Succeeded).Select(c => c.Name))}]"),
                ready ? Condition("Ready", true) : Condition("Ready", false, "ContainersNotReady", unreadyMessage),
                ready ? Condition("ContainersReady", true) : Condition("ContainersReady", false, "ContainersNotReady", unreadyMessage),
                Condition("PodScheduled", true)),
            ["hostIP"] = _hostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = _hostIp }),
            ["podIP"] = PodIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = PodIp }),
            ["startTime"] = StartedAt.Timestamp(),
            ["containerStatuses"] = new JsonArray([.. _containers.Select(c => (JsonNode)c.Status(now))]),
            ["qosClass"] = QosClass(pod),
        };
        if (_init.Count > 0)
        {
            status["initContainerStatuses"] = new JsonArray([.. _init.Select(c => (JsonNode)c.Status(now))]);
        }
        return status;
    }

    private string Phase(bool initialized)
    {
        if (_containers.All(c => c.Stage == ContainerStage.Done))
        {
            return _containers.All(c => c.Succeeded) ? "Succeeded" : "Failed";
        }
        if (_init.Any(c => c.Stage == ContainerStage.Done && !c.Succeeded))
        {
            return "Failed";
        }
        return initialized && _containers.Any(c => c.Started) ? "Running" : "Pending";
    }

    private static string QosClass(JsonObject pod)
    {
        var containers = (pod.At("spec.containers") as JsonArray ?? []).OfType<JsonObject>().ToList();
        var any = containers.Any(c => c.At("resources.requests") is JsonObject { Count: > 0 } || c.At("resources.limits") is JsonObject { Count: > 0 });
        if (!any)
        {
            return "BestEffort";
        }
        var guaranteed = containers.All(c =>
        {
            var limits = c.At("resources.limits") as JsonObject;
            var requests = c.At("resources.requests") as JsonObject;
            return new[] { "cpu", "memory" }.All(r => limits?[r] is { } limit
                && Quantity.ValueOrZero(limit.ToString()) == Quantity.ValueOrZero((requests?[r] ?? limit).ToString()));
        });
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}
