using KubeMcp.Server.Audit;
using KubeMcp.Server.Authentication;
using KubeMcp.Server.Hosting;
using KubeMcp.Server.Policy;

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

    /// <summary>
    /// The tool-call policy (<c>--policy FILE</c>). Default: <see cref="PolicyDocument.Default"/> — reads allowed,
    /// destructive tools need a person's approval, kube-system and kube-public protected, 5 deletions per session.
    /// </summary>
    public PolicyDocument Policy { get; set; } = PolicyDocument.Default;

    /// <summary>How long an approval request waits for the person before it counts as refused. Default: 5 minutes.</summary>
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The audit log (<c>--audit-log FILE</c>); null for none.</summary>
    public AuditLogOptions? AuditLog { get; set; }

    /// <summary>Request limits of the HTTP transport.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Who may call the HTTP transport. Default: anyone who can reach it (bind to loopback).</summary>
    public CallerAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>Whose permissions cluster calls use. Default: the server's own kubeconfig identity.</summary>
    public ClusterIdentityMode ClusterIdentity { get; set; } = ClusterIdentityMode.Server;

    /// <summary>PEM certificate (chain) for HTTPS; with <see cref="TlsKeyPath"/>. Default: plain HTTP.</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>PEM private key for <see cref="TlsCertificatePath"/>.</summary>
    public string? TlsKeyPath { get; set; }

    /// <summary>OTLP endpoint (e.g. <c>http://127.0.0.1:4317</c>) to export metrics and traces to; null for none.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Serve Prometheus metrics at <c>/metrics</c>. Default: true.</summary>
    public bool PrometheusMetrics { get; set; } = true;

    /// <summary>Largest HTTP request body accepted, in bytes. Default: 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Retries of an idempotent cluster read after a 5xx, 429, timeout or reset. Writes are never retried. Default: 3.</summary>
    public int ClusterRetries { get; set; } = 3;

    /// <summary>Time one attempt of a cluster call may take (the whole call is bounded by <see cref="RequestTimeout"/>). Default: 10 s.</summary>
    public TimeSpan ClusterAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First retry delay; later ones grow exponentially with jitter. Default: 200 ms.</summary>
    public TimeSpan ClusterRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Failed cluster calls (of at least 10 in 30 s, by ratio) after which calls fail fast for a while. Default: 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How long the circuit stays open before a trial call. Default: 15 s.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Extra handlers next to the network on every cluster connection (fault injection in tests).</summary>
    internal Func<IEnumerable<DelegatingHandler>>? ClusterTestHandlers { get; set; }
}
