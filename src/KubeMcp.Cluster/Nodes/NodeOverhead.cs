using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// What a node uses besides its pods: the kubelet, the container runtime and the rest of the system (on the
/// control plane also etcd and the control-plane components, which the embedded cluster does not run as pods).
/// Sized like a kind node; it wobbles a little from scrape to scrape.
/// </summary>
internal sealed record NodeOverhead(long KubeletNanoCores, long KubeletBytes, long RuntimeNanoCores, long RuntimeBytes, long SystemNanoCores, long SystemBytes)
{
    public long NanoCores => KubeletNanoCores + RuntimeNanoCores + SystemNanoCores;

    public long Bytes => KubeletBytes + RuntimeBytes + SystemBytes;

    public static NodeOverhead For(JsonObject node, DateTimeOffset now)
    {
        var controlPlane = node.Labels()?.ContainsKey("node-role.kubernetes.io/control-plane") == true;
        var seed = ContainerUsage.Seed(node.Name());
        var wobble = ContainerUsage.Wobble(seed, now.ToUnixTimeSeconds() / (long)ContainerUsage.ScrapeInterval.TotalSeconds);
        long Cpu(double millicores) => (long)(millicores * 1_000_000 * (1 + 0.1 * wobble));
        long Mem(double mebibytes) => (long)(mebibytes * 1024 * 1024 * (1 + 0.005 * wobble)) / 4096 * 4096;
        return controlPlane
            ? new NodeOverhead(Cpu(28), Mem(62), Cpu(9), Mem(48), Cpu(128), Mem(610))
            : new NodeOverhead(Cpu(16), Mem(46), Cpu(5), Mem(38), Cpu(9), Mem(140));
    }
}
