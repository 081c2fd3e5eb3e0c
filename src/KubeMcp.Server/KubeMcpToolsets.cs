namespace KubeMcp.Server;

/// <summary>Names of the toolsets <see cref="KubeMcpServerOptions.Toolsets"/> accepts.</summary>
public static class KubeMcpToolsets
{
    /// <summary>Pods, resources, nodes, namespaces and events.</summary>
    public const string Core = "core";

    /// <summary>The kubeconfig: contexts and a redacted view.</summary>
    public const string Config = "config";

    /// <summary>Helm releases: install, list, uninstall.</summary>
    public const string Helm = "helm";

    /// <summary>Every toolset this server knows.</summary>
    public static IReadOnlyList<string> All { get; } = [Core, Config, Helm];
}
