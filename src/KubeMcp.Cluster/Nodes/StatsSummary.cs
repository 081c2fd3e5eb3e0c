using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// The kubelet's Summary API (<c>/stats/summary</c>, stats/v1alpha1) for a simulated node: node CPU, memory,
/// network, filesystems, runtime image store, process limits and system containers, then per pod its running
/// containers (cpu, memory, rootfs, logs), network, volumes and ephemeral storage. Usage comes from the simulated
/// containers (<see cref="ContainerUsage"/>) and the node's own overhead (<see cref="NodeOverhead"/>).
/// </summary>
internal static class StatsSummary
{
    private const long GiB = 1024L * 1024 * 1024;
    private const long Inodes = 6_422_528;

    public static JsonObject Build(JsonObject node, IReadOnlyList<(JsonObject Pod, PodRuntime Runtime)> pods, DateTimeOffset now)
    {
        var time = now.Timestamp();
        var nodeStart = JsonObjectExtensions.ParseTimestamp(node.Str("metadata.creationTimestamp")) is { } created && created < now
            ? created - TimeSpan.FromSeconds(20)
            : now;
        var uptime = Math.Max(1, (now - nodeStart).TotalSeconds);
        var memoryCapacity = Bytes(node.Str("status.capacity.memory"), 8 * GiB);
        var fsCapacity = Bytes(node.Str("status.capacity.ephemeral-storage"), 100 * GiB);
        var overhead = NodeOverhead.For(node, now);

        var podStats = new JsonArray();
        long podsCpu = 0, podsMemory = 0, podsCpuTime = 0, podsDisk = 0, imagesBytes = 0, processes = 0;
        var images = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pod, runtime) in pods)
        {
            var stats = PodStats(pod, runtime, now, fsCapacity, memoryCapacity, out var totals);
            podStats.Add(stats);
            podsCpu += totals.Cpu;
            podsMemory += totals.Memory;
            podsCpuTime += totals.CpuTime;
            podsDisk += totals.Disk;
            processes += totals.Processes;
            foreach (var image in totals.Images.Where(images.Add))
            {
                imagesBytes += 40L * 1024 * 1024 + (long)(ContainerUsage.Seed(image) % 160) * 1024 * 1024;
            }
        }

        var cpu = podsCpu + overhead.NanoCores;
        var workingSet = podsMemory + overhead.Bytes;
        var fsUsed = Math.Min(fsCapacity - GiB, 9 * GiB + imagesBytes + podsDisk);
        return new JsonObject
        {
            ["node"] = new JsonObject
            {
                ["nodeName"] = node.Name(),
                ["systemContainers"] = new JsonArray(
                    SystemContainer("kubelet", nodeStart, time, overhead.KubeletNanoCores, overhead.KubeletBytes, uptime),
                    SystemContainer("runtime", nodeStart, time, overhead.RuntimeNanoCores, overhead.RuntimeBytes, uptime),
                    SystemContainer("pods", nodeStart, time, podsCpu, podsMemory, uptime, podsCpuTime)),
                ["startTime"] = nodeStart.Timestamp(),
                ["cpu"] = Cpu(time, cpu, podsCpuTime + (long)(overhead.NanoCores * uptime)),
                ["memory"] = Memory(time, workingSet, memoryCapacity - workingSet, uptime),
                ["network"] = Network(time, "eth0", uptime, 18_000 + podStats.Count * 900),
                ["fs"] = Fs(time, fsCapacity, fsUsed, 380_000 + podStats.Count * 40),
                ["runtime"] = new JsonObject
                {
                    ["imageFs"] = Fs(time, fsCapacity, imagesBytes + 600L * 1024 * 1024, 120_000 + images.Count * 3000),
                    ["containerFs"] = Fs(time, fsCapacity, imagesBytes + 600L * 1024 * 1024, 120_000 + images.Count * 3000),
                },
                ["rlimit"] = new JsonObject { ["time"] = time, ["maxpid"] = 4_194_304, ["curproc"] = 210 + processes },
                ["swap"] = new JsonObject { ["time"] = time, ["swapAvailableBytes"] = 0, ["swapUsageBytes"] = 0 },
            },
            ["pods"] = podStats,
        };
    }

    private static JsonObject PodStats(JsonObject pod, PodRuntime runtime, DateTimeOffset now, long fsCapacity, long memoryCapacity,
        out (long Cpu, long Memory, long CpuTime, long Disk, long Processes, List<string> Images) totals)
    {
        var time = now.Timestamp();
        totals = (0, 0, 0, 0, 0, []);
        var containers = new JsonArray();
        foreach (var name in runtime.ContainerNames)
        {
            if (runtime.Current(name) is not { } instance || !ContainerUsage.IsRunning(instance, now))
            {
                continue;
            }
            var usage = ContainerUsage.Measure(instance, now);
            var elapsed = instance.ElapsedAt(now);
            var seed = ContainerUsage.Seed(instance.ContainerId);
            var rootfs = 8L * 1024 + (long)(seed % 2048) * 1024;
            var logs = LogBytes(instance.Run, elapsed);
            var limit = instance.Program.MemoryLimitBytes;
            var container = new JsonObject
            {
                ["name"] = name,
                ["startTime"] = instance.StartedAt.Timestamp(),
                ["cpu"] = Cpu(time, usage.NanoCores, usage.CoreNanoSeconds),
                ["memory"] = Memory(time, usage.WorkingSetBytes, limit is { } l ? Math.Max(0, l - usage.WorkingSetBytes) : null, elapsed.TotalSeconds),
                ["rootfs"] = Fs(time, fsCapacity, rootfs, 12 + (long)(seed % 40)),
                ["logs"] = Fs(time, fsCapacity, logs, 1),
                ["swap"] = new JsonObject { ["time"] = time, ["swapUsageBytes"] = 0 },
            };
            containers.Add(container);
            totals.Cpu += usage.NanoCores;
            totals.Memory += usage.WorkingSetBytes;
            totals.CpuTime += usage.CoreNanoSeconds;
            totals.Disk += rootfs + logs;
            totals.Processes += Math.Max(1, instance.Run.ProcessesAt(elapsed).Count);
            totals.Images.Add(instance.Program.Image.Image);
        }
        var volumes = new JsonArray();
        foreach (var volume in (pod.At("spec.volumes") as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = volume["name"]?.ToString() ?? "";
            var used = 4096L * (1 + (long)(ContainerUsage.Seed(pod.Uid() + name) % 8));
            var memoryBacked = volume["emptyDir"]?["medium"]?.ToString() == "Memory" || volume["emptyDir"] is null;
            if (volume["emptyDir"] is not null && !memoryBacked)
            {
                totals.Disk += used;
            }
            var stats = Fs(time, memoryBacked ? memoryCapacity : fsCapacity, used, 9);
            stats["name"] = name;
            volumes.Add(stats);
        }
        var podElapsed = Math.Max(1, (now - runtime.StartedAt).TotalSeconds);
        var result = new JsonObject
        {
            ["podRef"] = new JsonObject { ["name"] = pod.Name(), ["namespace"] = pod.Namespace(), ["uid"] = pod.Uid() },
            ["startTime"] = runtime.StartedAt.Timestamp(),
            ["containers"] = containers,
            ["cpu"] = Cpu(time, totals.Cpu, totals.CpuTime),
            ["memory"] = Memory(time, totals.Memory, null, podElapsed),
            ["network"] = Network(time, "eth0", podElapsed, containers.Count == 0 ? 0 : 120 + (long)(ContainerUsage.Seed(pod.Uid()) % 900)),
            ["volume"] = volumes,
            ["ephemeral-storage"] = Fs(time, fsCapacity, totals.Disk, 20 + containers.Count * 30),
            ["process_stats"] = new JsonObject { ["process_count"] = totals.Processes },
            ["swap"] = new JsonObject { ["time"] = time, ["swapUsageBytes"] = 0 },
        };
        return result;
    }

    /// <summary>Bytes the container's log file holds: its lines plus the CRI prefix (time, stream, tag) per line.</summary>
    private static long LogBytes(ProgramRun run, TimeSpan elapsed)
    {
        var count = run.Logs.CountUpTo(elapsed);
        if (count == 0)
        {
            return 0;
        }
        var sample = run.Logs.Lines(elapsed).Take(50).ToList();
        var average = sample.Average(l => l.Text.Length + 1.0) + 39;
        return (long)(count * average);
    }

    private static JsonObject SystemContainer(string name, DateTimeOffset start, string time, long nanoCores, long bytes, double seconds,
        long? cpuTime = null) => new()
        {
            ["name"] = name,
            ["startTime"] = start.Timestamp(),
            ["cpu"] = Cpu(time, nanoCores, cpuTime ?? (long)(nanoCores * seconds)),
            ["memory"] = Memory(time, bytes, null, seconds),
        };

    private static JsonObject Cpu(string time, long nanoCores, long coreNanoSeconds) => new()
    {
        ["time"] = time,
        ["usageNanoCores"] = nanoCores,
        ["usageCoreNanoSeconds"] = coreNanoSeconds,
    };

    /// <summary>Memory as cAdvisor reports it: usage includes page cache above the working set; RSS is most of it.</summary>
    private static JsonObject Memory(string time, long workingSet, long? available, double seconds)
    {
        var memory = new JsonObject { ["time"] = time };
        if (available is { } a)
        {
            memory["availableBytes"] = Math.Max(0, a);
        }
        memory["usageBytes"] = workingSet + workingSet / 3 / 4096 * 4096;
        memory["workingSetBytes"] = workingSet;
        memory["rssBytes"] = workingSet * 4 / 5 / 4096 * 4096;
        memory["pageFaults"] = (long)(seconds * 37) + workingSet / 4096;
        memory["majorPageFaults"] = (long)(seconds / 600);
        return memory;
    }

    private static JsonObject Network(string time, string name, double seconds, long bytesPerSecond)
    {
        JsonObject Interface() => new()
        {
            ["name"] = name,
            ["rxBytes"] = (long)(seconds * bytesPerSecond),
            ["rxErrors"] = 0,
            ["txBytes"] = (long)(seconds * bytesPerSecond * 0.7),
            ["txErrors"] = 0,
        };
        var network = Interface();
        network["time"] = time;
        network["interfaces"] = new JsonArray(Interface());
        return network;
    }

    private static JsonObject Fs(string time, long capacity, long used, long inodesUsed) => new()
    {
        ["time"] = time,
        ["availableBytes"] = Math.Max(0, capacity - used),
        ["capacityBytes"] = capacity,
        ["usedBytes"] = used,
        ["inodesFree"] = Inodes - inodesUsed,
        ["inodes"] = Inodes,
        ["inodesUsed"] = inodesUsed,
    };

    private static long Bytes(string? quantity, long fallback) =>
        quantity is not null && Quantity.TryParse(quantity, out var value) ? (long)value : fallback;
}
