using KubeMcp.Server.Helm;
using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools;

/// <summary>What every tool needs: the options, the cluster connections, the clock and the helm runner.</summary>
internal sealed class ToolServices(KubeMcpServerOptions options, ClusterConnections connections, TimeProvider clock, HelmRunner helm)
{
    public KubeMcpServerOptions Options { get; } = options;

    public ClusterConnections Connections { get; } = connections;

    public TimeProvider Clock { get; } = clock;

    public HelmRunner Helm { get; } = helm;

    public int Budget => Math.Max(1000, Options.OutputBudget);
}
