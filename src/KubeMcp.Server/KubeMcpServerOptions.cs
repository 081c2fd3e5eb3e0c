namespace KubeMcp.Server;

/// <summary>Configures the Kubernetes MCP server: which cluster it talks to, which tools it offers and how much they say.</summary>
public sealed class KubeMcpServerOptions
{
    /// <summary>
    /// Path of the kubeconfig file. Default: <c>$KUBECONFIG</c>, then <c>~/.kube/config</c>, then the in-cluster
    /// service account when running in a pod.
    /// </summary>
    public string? Kubeconfig { get; set; }

    /// <summary>Kubeconfig context to use by default. Default: the kubeconfig's current context.</summary>
    public string? Context { get; set; }

    /// <summary>
    /// A kubeconfig given as YAML text instead of a file (used when the server hosts the embedded cluster itself).
    /// Takes precedence over <see cref="Kubeconfig"/>.
    /// </summary>
    public string? KubeconfigYaml { get; set; }

    /// <summary>Toolsets to offer: <c>core</c>, <c>config</c>, <c>helm</c>. Default: all three.</summary>
    public IList<string> Toolsets { get; set; } = [KubeMcpToolsets.Core, KubeMcpToolsets.Config, KubeMcpToolsets.Helm];

    /// <summary>Offer only tools that never change the cluster. Default: false.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Hide tools that delete or overwrite (pods_delete, resources_delete, …). Default: false.</summary>
    public bool DisableDestructive { get; set; }

    /// <summary>How list tools print objects. Default: <see cref="ListOutputFormat.Table"/>.</summary>
    public ListOutputFormat ListOutput { get; set; } = ListOutputFormat.Table;

    /// <summary>Serve Streamable HTTP without sessions, for replicas behind a load balancer. Default: false.</summary>
    public bool Stateless { get; set; }

    /// <summary>
    /// Upper bound, in characters, of one tool result. Longer results are cut at an item boundary with a note
    /// saying how much was left out and how to narrow the query. Default: 24000 (about 6000 tokens).
    /// </summary>
    public int OutputBudget { get; set; } = 24_000;

    /// <summary>Lines pods_log returns when the caller does not say. Default: 100.</summary>
    public int DefaultLogTailLines { get; set; } = 100;

    /// <summary>Most bytes of log text one call returns (the newest are kept). Default: 16384.</summary>
    public int MaxLogBytes { get; set; } = 16 * 1024;

    /// <summary>Path of the helm binary. Default: <c>helm</c> from PATH, then <c>$KUBEMCP_VALIDATORS/helm</c>.</summary>
    public string? HelmPath { get; set; }

    /// <summary>
    /// Chart sources helm_install may use besides repository references (<c>repo/chart</c>) and <c>https://</c> or
    /// <c>oci://</c> URLs: prefixes such as <c>/srv/charts/</c> (local paths) or <c>http://charts.internal/</c>.
    /// Local paths and plain-http URLs are refused unless listed. Default: none.
    /// </summary>
    public IList<string> AllowedChartSources { get; set; } = [];

    /// <summary>
    /// Browser origins (e.g. <c>https://console.example.com</c>) and host names allowed to call the HTTP endpoint
    /// besides localhost, 127.0.0.1 and [::1]. Requests with any other <c>Origin</c>, or — when bound to a loopback
    /// address — any other <c>Host</c>, are refused with 403 (DNS-rebinding protection). Default: none.
    /// </summary>
    public IList<string> AllowedOrigins { get; set; } = [];

    /// <summary>Timeout for one call to the Kubernetes API. Default: 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
