using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeMcp.Benchmarks.Server;

/// <summary>
/// The cluster state both servers are measured on: <c>N</c> running pods in namespace <c>bench</c> plus a ConfigMap,
/// a two-replica Deployment in namespace <c>apps</c>; and the tool calls whose output sizes are compared.
/// </summary>
internal sealed class BenchState(string node, int listedPods)
{
    public const string Namespace = "bench";
    public const string AppsNamespace = "apps";
    public const string Image = "nginx:1.27";

    /// <summary>Pods in the whole cluster, which is what pods_list lists.</summary>
    public int ListedPods { get; } = listedPods;

    public static async Task<BenchState> SeedAsync(IKubernetes client, int pods)
    {
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = AppsNamespace } });
        for (var i = 0; i < pods; i++)
        {
            await client.CoreV1.CreateNamespacedPodAsync(Pod($"web-{i}"), Namespace);
        }
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "settings", Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Data = new Dictionary<string, string> { ["mode"] = "fast", ["replicas"] = "3" },
        }, Namespace);
        await client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "api" },
            Spec = new V1DeploymentSpec
            {
                Replicas = 2,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "api" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "api" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "api", Image = Image }] },
                },
            },
        }, AppsNamespace);

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var list = await client.CoreV1.ListPodForAllNamespacesAsync();
            var mine = list.Items.Where(p => p.Metadata.NamespaceProperty is Namespace or AppsNamespace).ToList();
            if (mine.Count == pods + 2 && mine.All(p => p.Status?.Phase == "Running"))
            {
                var nodes = await client.CoreV1.ListNodeAsync();
                var node = nodes.Items.Select(n => n.Metadata.Name).FirstOrDefault(n => !n.Contains("control-plane", StringComparison.Ordinal))
                    ?? nodes.Items[0].Metadata.Name;
                return new BenchState(node, list.Items.Count);
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the pods did not all start: {mine.Count(p => p.Status?.Phase == "Running")} of {pods + 2} running");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Every tool both servers have that can be called on this state; reads first, then the calls that change it (each undone).</summary>
    public IReadOnlyList<ToolCase> Cases() =>
    [
        new("pods_list", []),
        new("pods_list", new() { ["labelSelector"] = "app=api" }),
        new("pods_list_in_namespace", new() { ["namespace"] = Namespace }),
        new("pods_get", new() { ["namespace"] = Namespace, ["name"] = "web-0" }),
        new("pods_log", new() { ["namespace"] = Namespace, ["name"] = "web-0" }),
        new("pods_top", new() { ["namespace"] = Namespace }),
        new("pods_exec", new() { ["namespace"] = Namespace, ["name"] = "web-0", ["command"] = new[] { "ls", "/" } }),
        new("namespaces_list", []),
        new("events_list", new() { ["namespace"] = AppsNamespace }),
        new("nodes_top", []),
        new("nodes_log", new() { ["name"] = node, ["query"] = "kubelet", ["tailLines"] = 20 }),
        new("nodes_stats_summary", new() { ["name"] = node }),
        new("resources_list", new() { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["namespace"] = AppsNamespace }),
        new("resources_list", new() { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["namespace"] = Namespace }),
        new("resources_list", new() { ["apiVersion"] = "v1", ["kind"] = "Node" }),
        new("resources_get", new() { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["namespace"] = AppsNamespace, ["name"] = "api" }),
        new("resources_get", new() { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["namespace"] = Namespace, ["name"] = "settings" }),
        new("configuration_contexts_list", []),
        new("configuration_view", new() { ["minified"] = true }),
        new("helm_list", new() { ["all_namespaces"] = true }),
        new("pods_run", new() { ["namespace"] = Namespace, ["name"] = "probe", ["image"] = Image },
            After: c => DeleteAsync(c, "probe")),
        new("pods_delete", new() { ["namespace"] = Namespace, ["name"] = "victim" },
            Before: c => c.CoreV1.CreateNamespacedPodAsync(Pod("victim"), Namespace), After: c => DeleteAsync(c, "victim")),
        new("resources_create_or_update", new() { ["resource"] = CreatedConfigMap },
            After: c => DeleteConfigMapAsync(c, "created")),
        new("resources_delete", new() { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["namespace"] = Namespace, ["name"] = "doomed" },
            Before: c => c.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "doomed" } }, Namespace),
            After: c => DeleteConfigMapAsync(c, "doomed")),
        new("resources_scale", new() { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["namespace"] = AppsNamespace, ["name"] = "api", ["scale"] = 3 },
            After: c => c.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":2}}""", V1Patch.PatchType.MergePatch), "api", AppsNamespace)),
    ];

    private const string CreatedConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: created
          namespace: bench
        data:
          key: value
        """;

    private static V1Pod Pod(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = Image }] },
    };

    private static async Task DeleteAsync(IKubernetes client, string pod)
    {
        await IgnoreNotFound(() => client.CoreV1.DeleteNamespacedPodAsync(pod, Namespace, gracePeriodSeconds: 0));
        await WaitGoneAsync(() => client.CoreV1.ReadNamespacedPodAsync(pod, Namespace));
    }

    private static async Task DeleteConfigMapAsync(IKubernetes client, string name)
    {
        await IgnoreNotFound(() => client.CoreV1.DeleteNamespacedConfigMapAsync(name, Namespace));
        await WaitGoneAsync(() => client.CoreV1.ReadNamespacedConfigMapAsync(name, Namespace));
    }

    private static async Task IgnoreNotFound(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
    }

    private static async Task WaitGoneAsync(Func<Task> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await read();
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("an object the benchmark deleted is still there after 30 s");
    }
}
