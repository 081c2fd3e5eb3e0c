using System.Security.Cryptography;
using KubeMcp.Cluster.Admission;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Authorization;
using KubeMcp.Cluster.Bootstrap;
using KubeMcp.Cluster.Controllers;
using KubeMcp.Cluster.Controllers.Autoscaling;
using KubeMcp.Cluster.Controllers.Batch;
using KubeMcp.Cluster.Controllers.Disruption;
using KubeMcp.Cluster.Controllers.Networking;
using KubeMcp.Cluster.Controllers.Nodes;
using KubeMcp.Cluster.Controllers.Storage;
using KubeMcp.Cluster.Controllers.Workloads;
using KubeMcp.Cluster.Http;
using KubeMcp.Cluster.Nodes;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Scenarios;
using KubeMcp.Cluster.Scheduling;
using KubeMcp.Cluster.Security;
using KubeMcp.Cluster.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeMcp.Cluster;

/// <summary>
/// A Kubernetes-API-compatible cluster in this process: an HTTP API server on 127.0.0.1 backed by an in-memory (or
/// SQLite) object store, which kubectl, helm and client libraries use through an ordinary kubeconfig.
/// </summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly ControllerManager _controllers;

    private EmbeddedCluster(WebApplication app, ObjectRegistry registry, ControllerManager controllers, Uri url, string adminToken,
        string certificateAuthorityData)
    {
        CertificateAuthorityData = certificateAuthorityData;
        _app = app;
        _controllers = controllers;
        Registry = registry;
        Url = url;
        AdminToken = adminToken;
    }

    /// <summary>The API server's base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; }

    /// <summary>The API server's self-signed certificate as base64 PEM (kubeconfig's certificate-authority-data).</summary>
    public string CertificateAuthorityData { get; }

    /// <summary>The bearer token of the cluster administrator (group system:masters).</summary>
    public string AdminToken { get; }

    /// <summary>The clock the simulation runs on.</summary>
    public TimeProvider Clock => Registry.Clock;

    internal ObjectRegistry Registry { get; }

    /// <summary>Starts the API server and, on a fresh store, creates what a new cluster has.</summary>
    public static async Task<EmbeddedCluster> StartAsync(EmbeddedClusterOptions options, CancellationToken cancellationToken = default)
    {
        var persistence = options.DataDirectory is null ? null : new SqlitePersistence(options.DataDirectory);
        var store = new ObjectStore(persistence, options.WatchHistoryCapacity);
        var catalog = new ResourceCatalog();
        var registry = new ObjectRegistry(store, catalog, options.Clock);
        registry.AddAdmission(new NamespaceLifecycle());
        registry.AddAdmission(new ServiceAddressAllocator());
        registry.AddAdmission(new SchemaAdmission());
        registry.AddAdmission(new CustomResourceDefinitions());
        registry.AddAdmission(new ClusterRoleAggregation());
        ServeStoredCustomResources(registry);
        var adminToken = LoadOrCreateSecret(options.DataDirectory, "admin.token", 24);
        var signingKey = Convert.FromHexString(LoadOrCreateSecret(options.DataDirectory, "signing.key", 32));
        var rbac = new StoreRbacSource(store);
        var authenticator = new TokenAuthenticator(adminToken, signingKey, rbac);
        var security = new RequestSecurity(authenticator, new RbacAuthorizer(rbac), options.Clock);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedHostLifetime>();
        var certificate = ServingCertificate.LoadOrCreate(options.DataDirectory, DateTimeOffset.UtcNow);
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(System.Net.IPAddress.Parse(options.BindAddress), options.Port, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KubeMcp.Cluster");
        var watch = new WatchHandler(registry, options.Clock);
        var kubelet = new KubeletController { PreloadedImages = options.PreloadedImages };
        var kubelets = new SimulatedKubelets(registry, kubelet);
        var binding = new BindingHandler(registry);
        ISubresourceHandler[] subresources =
        [
            new EvictionHandler(registry),
            binding,
            new ServiceAccountTokenHandler(new TokenRequestHandler(authenticator, rbac, options.Clock)),
            new PodLogHandler(kubelets),
            new PodExecHandler(kubelets),
            new NodeProxyHandler(kubelets),
        ];
        IComputedResource[] computed =
        [
            new PodMetricsSource(kubelets),
            new NodeMetricsSource(kubelets),
        ];
        var resources = new ResourceHandler(registry, watch,
            subresources.ToDictionary(h => h.Route),
            computed.ToDictionary(c => c.StorageKey),
            ReviewHandlers.Create(security, options.Clock).Append(binding).ToDictionary(h => h.StorageKey));
        var api = new ApiHandler(catalog, resources, security, logger);
        api.PrebuildOpenApi();
        app.UseWebSockets();
        app.Run(api.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("http://", "https://", StringComparison.Ordinal));
        Seed(registry, options.WorkerNodes);
        var controllers = new ControllerManager(registry, logger);
        controllers.Add(new ReplicaSetController());
        controllers.Add(new DeploymentController());
        controllers.Add(new StatefulSetController());
        controllers.Add(new DaemonSetController());
        controllers.Add(new JobController());
        controllers.Add(new CronJobController());
        controllers.Add(new TtlAfterFinishedController());
        controllers.Add(new EventTtlController());
        controllers.Add(new EndpointsController());
        controllers.Add(new EndpointSliceController());
        controllers.Add(new PersistentVolumeBinder());
        controllers.Add(new PersistentVolumeReclaimer());
        controllers.Add(new DisruptionController());
        controllers.Add(new NodeLifecycleController());
        controllers.Add(new HorizontalPodAutoscalerController(new RequestBasedPodMetrics()));
        controllers.Add(new Scheduler());
        controllers.Add(kubelet);
        registry.KubeletFinishesPodDeletion = true;
        if (options.Scenario is { } scenario)
        {
            ScenarioLoader.Apply(registry, ScenarioLoader.Read(scenario));
        }
        controllers.Start();
        return new EmbeddedCluster(app, registry, controllers, url, adminToken, ServingCertificate.AuthorityData(certificate));
    }

    /// <summary>
    /// Completes once the controllers, scheduler and kubelets have reacted to every change made so far (timers that
    /// are not yet due, such as back-offs, are not waited for). Tests use it instead of sleeping.
    /// </summary>
    public Task SettleAsync(CancellationToken cancellationToken = default) => _controllers.WaitForIdleAsync(cancellationToken);

    /// <summary>A kubeconfig (YAML) whose current context is this cluster's administrator.</summary>
    public string KubeconfigYaml(string contextName = "kubemcp") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {contextName}
          cluster:
            server: {Url.GetLeftPart(UriPartial.Authority)}
            certificate-authority-data: {CertificateAuthorityData}
        contexts:
        - name: {contextName}
          context:
            cluster: {contextName}
            user: {contextName}-admin
            namespace: default
        current-context: {contextName}
        users:
        - name: {contextName}-admin
          user:
            token: {AdminToken}
        """;

    /// <summary>Writes the kubeconfig to a file (mode 600) and returns its path.</summary>
    public string WriteKubeconfig(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        File.WriteAllText(path, KubeconfigYaml() + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return Path.GetFullPath(path);
    }

    public async ValueTask DisposeAsync()
    {
        await _controllers.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Registry.Store.Dispose();
    }

    private static void Seed(ObjectRegistry registry, int workers)
    {
        var catalog = registry.Catalog;
        var write = new WriteOptions("kube-apiserver");
        void Ensure(ResourceType type, string? ns, System.Text.Json.Nodes.JsonObject obj)
        {
            if (registry.TryGet(type, ns, obj.Name()) is null)
            {
                registry.Create(type, ns, obj, write);
            }
        }
        var namespaces = catalog.Find("", "v1", "namespaces")!;
        foreach (var ns in BootstrapObjects.SystemNamespaces)
        {
            Ensure(namespaces, null, BootstrapObjects.Namespace(ns));
        }
        Ensure(catalog.Find("", "v1", "services")!, "default", BootstrapObjects.KubernetesService());
        Ensure(catalog.Find("storage.k8s.io", "v1", "storageclasses")!, null, BootstrapObjects.StorageClass());
        foreach (var policy in BootstrapPolicy.Create())
        {
            Ensure(catalog.FindByApiVersionKind(policy["apiVersion"]!.ToString(), policy["kind"]!.ToString())!, null, policy);
        }
        var nodes = catalog.Find("", "v1", "nodes")!;
        foreach (var node in BootstrapObjects.Nodes(registry.Clock.GetUtcNow(), workers))
        {
            Ensure(nodes, null, node);
        }
    }

    /// <summary>After a restart, definitions already in the store must be served again before any request arrives.</summary>
    private static void ServeStoredCustomResources(ObjectRegistry registry)
    {
        var crds = registry.Catalog.Find("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        foreach (var crd in registry.Store.List(crds.StorageKey, null).Items)
        {
            registry.Catalog.ApplyCustomResourceDefinition(crd);
        }
    }

    /// <summary>A random hex secret, kept in the data directory so tokens stay valid across restarts.</summary>
    private static string LoadOrCreateSecret(string? dataDirectory, string fileName, int bytes)
    {
        string Fresh() => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
        if (dataDirectory is null)
        {
            return Fresh();
        }
        var path = Path.Combine(dataDirectory, fileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(dataDirectory);
        var token = Fresh();
        File.WriteAllText(path, token);
        return token;
    }
}
