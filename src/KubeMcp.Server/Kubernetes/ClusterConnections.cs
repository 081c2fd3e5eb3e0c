using System.Collections.Concurrent;
using k8s;
using k8s.KubeConfigModels;
using KubeMcp.Server.Tools;

namespace KubeMcp.Server.Kubernetes;

/// <summary>
/// The clusters this server can talk to: the kubeconfig (or in-cluster service account) is read once, and one
/// <see cref="KubeApi"/> per context is created on first use and reused.
/// </summary>
internal sealed class ClusterConnections : IDisposable
{
    private const string InClusterContext = "in-cluster";
    private readonly KubeMcpServerOptions _options;
    private readonly TimeProvider _clock;
    private readonly Lazy<LoadedConfig> _loaded;
    private readonly ConcurrentDictionary<string, Lazy<KubeApi>> _apis = new(StringComparer.Ordinal);
    private readonly Lock _fileLock = new();
    private string? _tempKubeconfig;

    public ClusterConnections(KubeMcpServerOptions options, TimeProvider? clock = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _loaded = new Lazy<LoadedConfig>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Contexts in kubeconfig order; empty when nothing is configured.</summary>
    public IReadOnlyList<KubeContextInfo> Contexts => TryLoad()?.Contexts ?? [];

    public bool IsMultiContext => Contexts.Count > 1;

    /// <summary>The context used when a tool call names none.</summary>
    public string DefaultContext => Loaded.DefaultContext;

    /// <summary>The kubeconfig YAML as read, for configuration_view (null for in-cluster configuration).</summary>
    public string? KubeconfigText => Loaded.RawYaml;

    /// <summary>Why no cluster is configured, or null when one is.</summary>
    public string? ConfigurationError
    {
        get
        {
            try
            {
                _ = _loaded.Value;
                return null;
            }
            catch (ClusterConfigurationException e)
            {
                return e.Message;
            }
        }
    }

    private LoadedConfig Loaded => _loaded.Value;

    /// <summary>
    /// A kubeconfig file for child processes such as helm: the one given, or the given YAML written once to a
    /// private temp file. Null for in-cluster configuration, which those tools find themselves.
    /// </summary>
    public string? KubeconfigFile
    {
        get
        {
            var loaded = Loaded;
            if (loaded.Path is not null || loaded.RawYaml is null)
            {
                return loaded.Path;
            }
            lock (_fileLock)
            {
                if (_tempKubeconfig is null)
                {
                    var dir = Directory.CreateTempSubdirectory("kubemcp-");
                    var path = Path.Combine(dir.FullName, "kubeconfig");
                    File.WriteAllText(path, loaded.RawYaml);
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }
                    _tempKubeconfig = path;
                }
                return _tempKubeconfig;
            }
        }
    }

    /// <summary>The API of a context (the default one when <paramref name="context"/> is null or empty).</summary>
    public KubeApi Get(string? context)
    {
        var loaded = Loaded;
        var name = string.IsNullOrEmpty(context) ? loaded.DefaultContext : context;
        if (!loaded.Contexts.Any(c => c.Name == name))
        {
            throw new ToolArgumentException("context",
                $"no context named '{name}' in the kubeconfig; contexts: {string.Join(", ", loaded.Contexts.Select(c => c.Name))}");
        }
        return _apis.GetOrAdd(name, n => new Lazy<KubeApi>(() => Create(loaded, n))).Value;
    }

    public void Dispose()
    {
        foreach (var api in _apis.Values.Where(a => a.IsValueCreated))
        {
            api.Value.Dispose();
        }
        if (_tempKubeconfig is not null)
        {
            try
            {
                Directory.Delete(Path.GetDirectoryName(_tempKubeconfig)!, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private LoadedConfig? TryLoad()
    {
        try
        {
            return _loaded.Value;
        }
        catch (ClusterConfigurationException)
        {
            return null;
        }
    }

    private KubeApi Create(LoadedConfig loaded, string context)
    {
        var info = loaded.Contexts.First(c => c.Name == context);
        if (info.AuthProvider is { } provider)
        {
            // The AOT build of the client library has no in-tree auth providers; kubectl dropped gcp and azure in 1.26 too.
            throw new ClusterConfigurationException(
                $"the user '{info.User}' of context '{context}' signs in through the legacy auth-provider '{provider}', which this server does not support; " +
                "switch the user to an exec credential plugin (kubelogin for OIDC and Azure, gke-gcloud-auth-plugin for GKE), as kubectl has required since 1.26.");
        }
        KubernetesClientConfiguration config;
        if (loaded.Config is null)
        {
            config = KubernetesClientConfiguration.InClusterConfig();
        }
        else
        {
            config = KubernetesClientConfiguration.BuildConfigFromConfigObject(loaded.Config.Value, context);
        }
        config.HttpClientTimeout = _options.RequestTimeout;
        return new KubeApi(new k8s.Kubernetes(config, [.. Handlers()]), info);
    }

    /// <summary>The handler chain of every connection, outermost first; the test hook sits next to the network.</summary>
    private IEnumerable<DelegatingHandler> Handlers()
    {
        if (_options.ClusterIdentity == Authentication.ClusterIdentityMode.Impersonate)
        {
            yield return new Authentication.ImpersonationHandler();
        }
        yield return Resilience.ClusterResilience.CreateHandler(_options, _clock);
        foreach (var handler in _options.ClusterTestHandlers?.Invoke() ?? [])
        {
            yield return handler;
        }
    }

    private LoadedConfig Load()
    {
        if (!string.IsNullOrWhiteSpace(_options.KubeconfigYaml))
        {
            return FromYaml(_options.KubeconfigYaml, "the given kubeconfig", null);
        }
        var path = _options.Kubeconfig;
        var env = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (string.IsNullOrEmpty(path) && !string.IsNullOrWhiteSpace(env))
        {
            path = env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists)
                ?? throw new ClusterConfigurationException(
                    $"$KUBECONFIG is {env}, and no file it names exists; set it to an existing kubeconfig, pass --kubeconfig FILE, " +
                    "or run `kubemcp serve --embedded` to start the embedded cluster in the same process.");
        }
        if (string.IsNullOrEmpty(path))
        {
            var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
            if (File.Exists(home))
            {
                path = home;
            }
        }
        if (string.IsNullOrEmpty(path))
        {
            if (KubernetesClientConfiguration.IsInCluster())
            {
                var ns = File.Exists("/var/run/secrets/kubernetes.io/serviceaccount/namespace")
                    ? File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/namespace").Trim()
                    : "default";
                var host = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
                var port = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT");
                return new LoadedConfig(null, null, null, [new KubeContextInfo(InClusterContext, $"https://{host}:{port}", ns, "service account")], InClusterContext);
            }
            throw new ClusterConfigurationException(
                "no Kubernetes cluster is configured: no --kubeconfig was given, $KUBECONFIG is unset and ~/.kube/config does not exist. " +
                "Point the server at a cluster with --kubeconfig FILE (and --context NAME), set KUBECONFIG, " +
                "or run `kubemcp serve --embedded` to start the embedded cluster in the same process.");
        }
        if (!File.Exists(path))
        {
            throw new ClusterConfigurationException($"the kubeconfig file {path} does not exist; pass an existing file with --kubeconfig or use --embedded.");
        }
        return FromYaml(File.ReadAllText(path), path, Path.GetFullPath(path));
    }

    private LoadedConfig FromYaml(string yaml, string source, string? path)
    {
        var outline = KubeconfigOutline.Parse(yaml, source);
        var contexts = outline.Contexts;
        if (contexts.Count == 0)
        {
            throw new ClusterConfigurationException($"{source} has no contexts; add one (kubectl config set-context) or use --embedded.");
        }
        var current = _options.Context ?? outline.CurrentContext;
        if (string.IsNullOrEmpty(current))
        {
            current = contexts[0].Name;
        }
        if (!contexts.Any(c => c.Name == current))
        {
            throw new ClusterConfigurationException(
                $"{source} has no context named '{current}'; contexts: {string.Join(", ", contexts.Select(c => c.Name))}.");
        }
        // The client library's own reading (credentials, certificates, exec plugins) waits for the first connection.
        var config = new Lazy<K8SConfiguration>(() =>
        {
            try
            {
                using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));
                return KubernetesClientConfiguration.LoadKubeConfig(stream);
            }
            catch (Exception e) when (e is not ClusterConfigurationException)
            {
                throw new ClusterConfigurationException($"cannot read {source} as a kubeconfig: {e.Message}", e);
            }
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        return new LoadedConfig(config, yaml, path, contexts, current);
    }

    private sealed record LoadedConfig(Lazy<K8SConfiguration>? Config, string? RawYaml, string? Path, IReadOnlyList<KubeContextInfo> Contexts, string DefaultContext);
}
