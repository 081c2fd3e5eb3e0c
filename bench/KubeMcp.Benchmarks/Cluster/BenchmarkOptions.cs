using System.Globalization;

namespace KubeMcp.Benchmarks.Cluster;

internal sealed record BenchmarkOptions(IReadOnlyList<int> PodCounts, int Watchers, int Changes, bool Kubectl, int RealisticReplicas)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        // 200 replicas: the two schedulable workers hold 110 pods each (the kubelet's default max-pods), as on a real cluster.
        var options = new BenchmarkOptions([1_000, 10_000], 100, 1_000, true, 200);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--pods" => options with { PodCounts = args[++i].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList() },
                "--watchers" => options with { Watchers = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--changes" => options with { Changes = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--realistic" => options with { RealisticReplicas = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--no-kubectl" => options with { Kubectl = false },
                var other => throw new ArgumentException($"unknown option {other}"),
            };
        }
        return options;
    }
}
