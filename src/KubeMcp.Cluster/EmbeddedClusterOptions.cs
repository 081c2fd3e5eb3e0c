namespace KubeMcp.Cluster;

/// <summary>How to start an <see cref="EmbeddedCluster"/>.</summary>
public sealed class EmbeddedClusterOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Address to bind; defaults to 127.0.0.1 so nothing outside the machine can reach the cluster.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Directory for the SQLite database and the admin token; null (the default) keeps everything in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>A scenario to load after start: a built-in name (see <c>kubemcp cluster scenarios</c>) or a YAML file.</summary>
    public string? Scenario { get; set; }

    /// <summary>How many simulated worker nodes a new cluster gets (besides its control-plane node); 2 by default.</summary>
    public int WorkerNodes { get; set; } = 2;

    /// <summary>Images every node already has (as <c>kind load</c> or a node image would give it): their pods start without pulling.</summary>
    public IReadOnlyList<string> PreloadedImages { get; set; } = [];

    /// <summary>The clock the simulation runs on; the system clock by default, a virtual one in tests.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Minimum level of the cluster's own log (to stderr); warnings by default.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; set; } = Microsoft.Extensions.Logging.LogLevel.Warning;

    /// <summary>How many changes watches can resume from (tests shrink it to reach 410 Gone quickly).</summary>
    internal int WatchHistoryCapacity { get; set; } = Store.ObjectStore.DefaultHistoryCapacity;
}
