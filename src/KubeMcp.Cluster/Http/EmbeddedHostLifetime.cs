using Microsoft.Extensions.Hosting;

namespace KubeMcp.Cluster.Http;

/// <summary>
/// A host lifetime that leaves process signals alone. The default console lifetime would catch SIGINT and SIGTERM
/// and stop only the web server, leaving the process that embeds the cluster running; the host decides instead.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
