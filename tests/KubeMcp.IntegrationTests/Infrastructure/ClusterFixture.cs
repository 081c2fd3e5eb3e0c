using KubeMcp.Cluster;

namespace KubeMcp.IntegrationTests.Infrastructure;

/// <summary>An embedded cluster on 127.0.0.1:0 with a kubeconfig in a temp folder, shared by one test class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private EmbeddedCluster? _cluster;

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster is not started");

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "kubemcp-tests", Guid.NewGuid().ToString("N"));

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    public Kubectl Kubectl => new(KubeconfigPath, Directory);

    public async ValueTask InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        _cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions());
        _cluster.WriteKubeconfig(KubeconfigPath);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
