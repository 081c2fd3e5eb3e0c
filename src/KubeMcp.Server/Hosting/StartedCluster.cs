namespace KubeMcp.Server.Hosting;

/// <summary>A cluster started for <c>serve --embedded</c>: the kubeconfig that reaches it, and the cluster to stop when serving ends.</summary>
public sealed record StartedCluster(string KubeconfigPath, IAsyncDisposable Cluster);
