using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// The logs a simulated node's services would have written, rebuilt from what the cluster recorded about that
/// node: its registration, the pods bound to it and the kubelet's events (pulls, starts, back-offs, kills), in
/// klog format for the kubelet and logrus format for containerd. Events seen several times are spread over their
/// first and last occurrence, as the repeated syncs that caused them were.
/// </summary>
internal static class KubeletJournal
{
    public const string Kubelet = "kubelet";
    public const string Containerd = "containerd";

    /// <summary>Process IDs the services have on every simulated node.</summary>
    public static int Pid(string unit) => unit == Kubelet ? 712 : 196;

    /// <summary>The most lines one aggregated event expands to.</summary>
    private const int MaxRepeats = 200;

    public static IReadOnlyList<JournalEntry> Build(JsonObject node, IEnumerable<JsonObject> pods, IEnumerable<JsonObject> events)
    {
        var name = node.Name();
        var entries = new List<JournalEntry>();
        var boot = JsonObjectExtensions.ParseTimestamp(node.Str("metadata.creationTimestamp")) ?? DateTimeOffset.UnixEpoch;
        var version = node.Str("status.nodeInfo.kubeletVersion") ?? "v1.32.4";
        void K(DateTimeOffset t, char severity, string source, string message) =>
            entries.Add(new JournalEntry(t, Kubelet, Klog(t, severity, source, message)));
        void C(DateTimeOffset t, string level, string message) =>
            entries.Add(new JournalEntry(t, Containerd, $"time=\"{Rfc3339.FormatNano(t)}\" level={level} msg={message}"));

        C(boot - TimeSpan.FromSeconds(4), "info", "\"starting containerd\" revision=88bf19b2105c8b17560993bee28a01ddc2f97182 version=v1.7.24");
        C(boot - TimeSpan.FromSeconds(3.9), "info", "\"containerd successfully booted in 0.041216s\"");
        K(boot - TimeSpan.FromSeconds(3), 'I', "server.go:484", $"\"Kubelet version\" kubeletVersion=\"{version}\"");
        K(boot - TimeSpan.FromSeconds(2.9), 'I', "server.go:486", "\"Golang settings\" GOGC=\"\" GOMAXPROCS=\"\" GOTRACEBACK=\"\"");
        K(boot - TimeSpan.FromSeconds(2.5), 'I', "kubelet.go:2388", "\"Starting kubelet main sync loop\"");
        K(boot - TimeSpan.FromSeconds(1.2), 'I', "kubelet_node_status.go:75", $"\"Attempting to register node\" node=\"{name}\"");
        K(boot - TimeSpan.FromSeconds(1.1), 'I', "kubelet_node_status.go:78", $"\"Successfully registered node\" node=\"{name}\"");

        foreach (var pod in pods)
        {
            if (JsonObjectExtensions.ParseTimestamp(pod.Str("metadata.creationTimestamp")) is { } created)
            {
                var at = created < boot ? boot : created + TimeSpan.FromMilliseconds(40);
                K(at, 'I', "kubelet.go:2460", $"\"SyncLoop ADD\" source=\"api\" pods=[\"{pod.Namespace()}/{pod.Name()}\"]");
            }
        }
        foreach (var e in events)
        {
            if (e.Str("source.host") != name)
            {
                continue;
            }
            foreach (var (time, index) in Occurrences(e))
            {
                AddEvent(e, time, index, K, C);
            }
        }
        return [.. entries.OrderBy(e => e.Time)];
    }

    /// <summary>A klog header line: <c>I0314 09:26:53.123456     712 file.go:42] message</c>.</summary>
    public static string Klog(DateTimeOffset time, char severity, string source, string message)
    {
        var t = time.UtcDateTime;
        return $"{severity}{t.ToString("MMdd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)} {Pid(Kubelet),7} {source}] {message}";
    }

    /// <summary>A journalctl <c>short-precise</c> line: <c>Mar 14 09:26:53.123456 node unit[pid]: text</c>.</summary>
    public static string Journal(JournalEntry entry, string node) =>
        $"{entry.Time.UtcDateTime.ToString("MMM dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)} {node} {entry.Unit}[{Pid(entry.Unit)}]: {entry.Text}";

    private static IEnumerable<(DateTimeOffset Time, int Index)> Occurrences(JsonObject e)
    {
        var first = JsonObjectExtensions.ParseTimestamp(e.Str("firstTimestamp")) ?? JsonObjectExtensions.ParseTimestamp(e.Str("eventTime"));
        if (first is null)
        {
            yield break;
        }
        var last = JsonObjectExtensions.ParseTimestamp(e.Str("lastTimestamp")) ?? first.Value;
        var count = (int)Math.Clamp(e.Int("count") ?? 1, 1, MaxRepeats);
        // Event times have whole seconds only. Offsets by lifecycle step keep one sync's lines in the order the
        // kubelet wrote them (pull, create, start, back-off, kill); a per-pod offset interleaves pods.
        var step = (e.Str("reason") ?? "") switch
        {
            "Pulling" => 1,
            "Failed" or "InspectFailed" or "ErrImageNeverPull" => 2,
            "Pulled" => 3,
            "Created" => 4,
            "Started" => 5,
            "Unhealthy" or "BackOff" => 6,
            "Killing" => 7,
            _ => 8,
        };
        var jitter = TimeSpan.FromMilliseconds(step * 90 + (double)(ContainerUsage.Seed(e.Str("involvedObject.uid") ?? "") % 80_000) / 1000);
        for (var i = 0; i < count; i++)
        {
            var at = count == 1 ? first.Value : first.Value + (last - first.Value) * i / (count - 1);
            yield return (at + jitter, i);
        }
    }

    private static void AddEvent(JsonObject e, DateTimeOffset t, int index,
        Action<DateTimeOffset, char, string, string> kubelet, Action<DateTimeOffset, string, string> containerd)
    {
        var reason = e.Str("reason") ?? "";
        var message = e.Str("message") ?? "";
        var type = e.Str("type") ?? "Normal";
        var ns = e.Str("involvedObject.namespace") ?? "";
        var podName = e.Str("involvedObject.name") ?? "";
        var uid = e.Str("involvedObject.uid") ?? "";
        var fieldPath = e.Str("involvedObject.fieldPath") ?? "";
        var container = fieldPath.StartsWith("spec.", StringComparison.Ordinal) && fieldPath.IndexOf('{') is var open and > 0
            ? fieldPath[(open + 1)..].TrimEnd('}')
            : "";
        var pod = $"pod=\"{ns}/{podName}\" podUID=\"{uid}\"";
        var image = Quoted(message, "image ");
        var id = ContainerId(uid, container, index);
        kubelet(t, type == "Warning" ? 'W' : 'I', "event.go:389",
            $"\"Event occurred\" object=\"{ns}/{podName}\" fieldPath=\"{fieldPath}\" kind=\"{e.Str("involvedObject.kind")}\" " +
            $"apiVersion=\"{e.Str("involvedObject.apiVersion") ?? "v1"}\" type=\"{type}\" reason=\"{reason}\" message={Go(message)}");
        switch (reason)
        {
            case "Pulling":
                containerd(t, "info", $"\"PullImage \\\"{Escape(image)}\\\"\"");
                break;
            case "Pulled" when message.StartsWith("Successfully", StringComparison.Ordinal):
                containerd(t - TimeSpan.FromMilliseconds(3), "info", $"\"ImageCreate event name:\\\"{image}\\\" labels:{{key:\\\"io.cri-containerd.image\\\" value:\\\"managed\\\"}}\"");
                break;
            case "Created":
                containerd(t, "info", $"\"CreateContainer within sandbox \\\"{ContainerId(uid, "", 0)}\\\" for &ContainerMetadata{{Name:{container},Attempt:{index},}} returns container id \\\"{id}\\\"\"");
                break;
            case "Started":
                containerd(t, "info", $"\"StartContainer for \\\"{id}\\\" returns successfully\"");
                break;
            case "Failed" when message.StartsWith("Failed to pull image", StringComparison.Ordinal):
                var detail = message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
                containerd(t - TimeSpan.FromMilliseconds(2), "error", $"\"PullImage \\\"{Escape(image)}\\\" failed\" error={Go(detail.Replace("rpc error: code = NotFound desc = ", "", StringComparison.Ordinal))}");
                kubelet(t, 'E', "log.go:32", $"\"PullImage from image service failed\" err={Go(detail)} image=\"{image}\"");
                kubelet(t, 'E', "pod_workers.go:1301", $"\"Error syncing pod, skipping\" err={Go($"failed to \"StartContainer\" for \"{container}\" with ErrImagePull: \"{Escape(detail)}\"")} {pod}");
                break;
            case "BackOff" when message.StartsWith("Back-off pulling image", StringComparison.Ordinal):
                kubelet(t, 'E', "pod_workers.go:1301", $"\"Error syncing pod, skipping\" err={Go($"failed to \"StartContainer\" for \"{container}\" with ImagePullBackOff: \"{Escape(message)}\"")} {pod}");
                break;
            case "BackOff":
                var delay = TimeSpan.FromSeconds(Math.Min(300, 10 * Math.Pow(2, Math.Min(index, 5))));
                kubelet(t, 'E', "pod_workers.go:1301",
                    $"\"Error syncing pod, skipping\" err={Go($"failed to \"StartContainer\" for \"{container}\" with CrashLoopBackOff: \"back-off {Duration(delay)} restarting failed container={container} pod={podName}_{ns}({uid})\"")} {pod}");
                break;
            case "Killing":
                containerd(t + TimeSpan.FromMilliseconds(1), "info", $"\"StopContainer for \\\"{id}\\\" with timeout 30 (s)\"");
                kubelet(t, 'I', "kuberuntime_container.go:809",
                    $"\"Killing container with a grace period\" {pod} containerName=\"{container}\" containerID=\"containerd://{id}\" gracePeriod=30");
                break;
            case "Unhealthy":
                var probe = message.Split(' ', 2)[0];
                kubelet(t, 'I', "prober.go:107",
                    $"\"Probe failed\" probeType=\"{probe}\" {pod} containerName=\"{container}\" probeResult=\"failure\" output={Go(message.Contains(": ", StringComparison.Ordinal) ? message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..] : message)}");
                break;
        }
    }

    /// <summary>The first double-quoted string after <paramref name="marker"/> (image names in event messages).</summary>
    private static string Quoted(string message, string marker)
    {
        var start = message.IndexOf(marker + "\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }
        start += marker.Length + 1;
        var end = message.IndexOf('"', start);
        return end < 0 ? message[start..] : message[start..end];
    }

    /// <summary>A stable 64-hex container ID for one start of a container, as containerd would have assigned.</summary>
    private static string ContainerId(string uid, string container, int attempt)
    {
        var a = ContainerUsage.Seed($"{uid}/{container}/{attempt}");
        var b = ContainerUsage.Seed($"{attempt}/{container}/{uid}");
        return $"{a:x16}{b:x16}{a ^ b:x16}{a * 31 + b:x16}";
    }

    /// <summary>Go's %q of a string (what klog writes for a structured value).</summary>
    private static string Go(string text) => "\"" + Escape(text) + "\"";

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>Go's Duration string for whole seconds and minutes (<c>40s</c>, <c>2m40s</c>, <c>5m0s</c>).</summary>
    private static string Duration(TimeSpan d) =>
        d.TotalMinutes >= 1 ? $"{(int)d.TotalMinutes}m{d.Seconds}s" : $"{(int)d.TotalSeconds}s";
}
