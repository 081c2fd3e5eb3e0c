using k8s;
using k8s.Models;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>The core tools through the official MCP client over Streamable HTTP, against the embedded cluster.</summary>
public sealed class CoreToolsTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private readonly TestObjects _objects = new(server.Cluster);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PodsList_ShowsKubectlColumnsAndCrashLoopBackOffReason()
    {
        await _objects.NamespaceAsync("pl");
        await _objects.PodAsync("pl", "web-1", status: TestObjects.Running());
        await _objects.PodAsync("pl", "worker-1", status: TestObjects.CrashLooping(4));
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.OkAsync("pods_list", new { labelSelector = "app in (web-1,worker-1)" });

        var lines = text.TrimEnd().Split('\n');
        Assert.Matches(@"^NAMESPACE\s{2,}NAME\s{2,}READY\s{2,}STATUS\s{2,}RESTARTS\s{2,}AGE\s{2,}NODE$", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("pl ") && l.Contains("web-1") && l.Contains("1/1") && l.Contains("Running") && l.Contains("node-1"));
        Assert.Contains(lines, l => l.Contains("worker-1") && l.Contains("0/1") && l.Contains("CrashLoopBackOff") && l.Contains("4 (2m"));
        // Other tests on this shared cluster may use the same app labels in their own namespaces.
        Assert.Equal(2, lines.Count(l => l.StartsWith("pl ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PodsListInNamespace_OmitsNamespaceColumnAndFiltersByField()
    {
        await _objects.NamespaceAsync("pln");
        await _objects.PodAsync("pln", "a", status: TestObjects.Running());
        await _objects.PodAsync("pln", "b", status: TestObjects.Running());
        await using var client = await server.ConnectAsync(Ct);

        var all = await client.OkAsync("pods_list_in_namespace", new { @namespace = "pln" });
        var one = await client.OkAsync("pods_list_in_namespace", new { @namespace = "pln", fieldSelector = "metadata.name=b" });

        Assert.StartsWith("NAME ", all);
        Assert.Equal(3, all.TrimEnd().Split('\n').Length);
        Assert.DoesNotContain("\na ", one);
        Assert.Contains("\nb ", one);
    }

    [Fact]
    public async Task PodsListInNamespace_EmptyNamespaceSaysSo()
    {
        await _objects.NamespaceAsync("empty");
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.OkAsync("pods_list_in_namespace", new { @namespace = "empty" });

        Assert.Equal("No pods found in namespace empty.", text);
    }

    [Fact]
    public async Task PodsGet_ReturnsYamlWithoutManagedFields()
    {
        await _objects.NamespaceAsync("pg");
        await _objects.PodAsync("pg", "web-1", status: TestObjects.Running());
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.OkAsync("pods_get", new { name = "web-1", @namespace = "pg" });

        Assert.Contains("kind: Pod", text);
        Assert.Contains("name: web-1", text);
        Assert.Contains("image: nginx:1.27", text);
        Assert.DoesNotContain("managedFields", text);
    }

    [Fact]
    public async Task PodsGet_NotFoundNamesThePodsThatExist()
    {
        await _objects.NamespaceAsync("production");
        await _objects.PodAsync("production", "web-2");
        await _objects.PodAsync("production", "api-1");
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.FailAsync("pods_get", new { name = "web-1", @namespace = "production" });

        Assert.StartsWith("pod web-1 not found in namespace production; pods there: web-2, api-1", text);
    }

    [Fact]
    public async Task PodsGet_MissingNamespaceIsReported()
    {
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.FailAsync("pods_get", new { name = "x", @namespace = "nowhere" });

        Assert.Equal("pod x not found in namespace nowhere; namespace nowhere does not exist either (namespaces_list shows the namespaces).", text);
    }

    [Fact]
    public async Task PodsRunAndDelete_CreateAndRemoveThePodAndItsService()
    {
        await _objects.NamespaceAsync("run");
        await using var client = await server.ConnectAsync(Ct);

        var run = await client.OkAsync("pods_run", new { image = "nginx:1.27", name = "web", @namespace = "run", port = 80 });
        var pod = await _objects.Client.CoreV1.ReadNamespacedPodAsync("web", "run", cancellationToken: Ct);
        var service = await _objects.Client.CoreV1.ReadNamespacedServiceAsync("web", "run", cancellationToken: Ct);
        var delete = await client.OkAsync("pods_delete", new { name = "web", @namespace = "run" });
        var pods = await _objects.Client.CoreV1.ListNamespacedPodAsync("run", cancellationToken: Ct);
        var services = await _objects.Client.CoreV1.ListNamespacedServiceAsync("run", cancellationToken: Ct);

        Assert.Contains("pod web created in namespace run", run);
        Assert.Equal("nginx:1.27", pod.Spec.Containers[0].Image);
        Assert.Equal(80, service.Spec.Ports[0].Port);
        Assert.Equal("pod \"web\" deleted; service \"web\" (created by pods_run) deleted too", delete);
        Assert.DoesNotContain(pods.Items, p => p.Metadata.Name == "web" && p.Metadata.DeletionTimestamp is null);
        Assert.Empty(services.Items);
    }

    [Fact]
    public async Task PodsRun_PortMustBeAWholeNumber()
    {
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.FailAsync("pods_run", new { image = "nginx", port = 80.5 });

        Assert.StartsWith("invalid argument 'port'", text);
    }

    [Fact]
    public async Task NamespacesList_ListsSystemAndCreatedNamespaces()
    {
        await _objects.NamespaceAsync("ns-listed");
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.OkAsync("namespaces_list");

        Assert.StartsWith("NAME", text);
        Assert.Contains("\nkube-system ", text);
        Assert.Contains("\nns-listed ", text);
    }

    [Fact]
    public async Task EventsList_PrintsObjectAsKindSlashNameNewestFirst()
    {
        await _objects.NamespaceAsync("ev");
        var now = DateTime.UtcNow;
        foreach (var (name, reason, age, type) in new[] { ("e1", "Scheduled", 30, "Normal"), ("e2", "BackOff", 5, "Warning") })
        {
            await _objects.Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
            {
                Metadata = new V1ObjectMeta { Name = name },
                InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "web-1", NamespaceProperty = "ev" },
                Reason = reason,
                Message = reason == "BackOff" ? "Back-off restarting failed container" : "Successfully assigned ev/web-1 to node-1",
                Type = type,
                Count = reason == "BackOff" ? 7 : 1,
                LastTimestamp = now.AddMinutes(-age),
                FirstTimestamp = now.AddMinutes(-age),
            }, "ev", cancellationToken: Ct);
        }
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.OkAsync("events_list", new { @namespace = "ev" });
        var warnings = await client.OkAsync("events_list", new { @namespace = "ev", fieldSelector = "type=Warning" });

        var lines = text.TrimEnd().Split('\n');
        Assert.Matches(@"^LAST SEEN\s{2,}TYPE\s{2,}REASON\s{2,}OBJECT\s{2,}MESSAGE$", lines[0]);
        Assert.Contains("(x7)", lines[1]);
        Assert.Contains("BackOff", lines[1]);
        Assert.Contains("pod/web-1", lines[1]);
        Assert.Contains("Scheduled", lines[2]);
        Assert.DoesNotContain("Scheduled", warnings);
    }

    [Fact]
    public async Task ResourcesCreateOrUpdate_AppliesYamlAndResourcesGetReadsItBack()
    {
        await _objects.NamespaceAsync("apply");
        await using var client = await server.ConnectAsync(Ct);
        const string manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: apply
            data:
              mode: fast
              replicas: "3"
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: apply
            spec:
              replicas: 1
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
            """;

        var applied = await client.OkAsync("resources_create_or_update", new { resource = manifest });
        var cm = await client.OkAsync("resources_get", new { apiVersion = "v1", kind = "configmap", name = "settings", @namespace = "apply" });
        var list = await client.OkAsync("resources_list", new { apiVersion = "apps/v1", kind = "Deployment", @namespace = "apply" });

        Assert.Contains("configmap/settings applied in namespace apply", applied);
        Assert.Contains("deployment.apps/web applied in namespace apply", applied);
        Assert.Contains("mode: fast", cm);
        Assert.Contains("replicas: \"3\"", cm);
        Assert.Contains("\nweb ", list);
    }

    [Fact]
    public async Task ResourcesCreateOrUpdate_MalformedYamlNamesTheArgument()
    {
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.FailAsync("resources_create_or_update", new { resource = "kind: [unclosed" });

        Assert.StartsWith("invalid argument 'resource': is not valid YAML", text);
    }

    [Fact]
    public async Task ResourcesGet_RedactsSecretValues()
    {
        await _objects.NamespaceAsync("sec");
        await _objects.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "db" },
            Data = new Dictionary<string, byte[]> { ["password"] = "hunter2"u8.ToArray() },
        }, "sec", cancellationToken: Ct);
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.OkAsync("resources_get", new { apiVersion = "v1", kind = "Secret", name = "db", @namespace = "sec" });

        Assert.Contains("password: REDACTED (7 bytes)", text);
        Assert.DoesNotContain("aHVudGVyMg", text);
    }

    [Fact]
    public async Task ResourcesList_UnknownKindListsTheKindsOfThatApiVersion()
    {
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.FailAsync("resources_list", new { apiVersion = "apps/v1", kind = "Widget" });

        Assert.StartsWith("invalid argument 'kind': apiVersion apps/v1 has no kind 'Widget'; kinds there:", text);
        Assert.Contains("Deployment", text);
    }

    [Fact]
    public async Task ResourcesList_UnknownApiVersionIsAnArgumentError()
    {
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.FailAsync("resources_list", new { apiVersion = "example.com/v9", kind = "Widget" });

        Assert.StartsWith("invalid argument 'apiVersion': the cluster does not serve apiVersion example.com/v9", text);
    }

    [Fact]
    public async Task ResourcesScaleAndDelete_ChangeReplicasThenRemoveTheDeployment()
    {
        await _objects.NamespaceAsync("scale");
        await _objects.Client.AppsV1.CreateNamespacedDeploymentAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx" }] },
                },
            },
        }, "scale", cancellationToken: Ct);
        await using var client = await server.ConnectAsync(Ct);

        var read = await client.OkAsync("resources_scale", new { apiVersion = "apps/v1", kind = "Deployment", name = "web", @namespace = "scale" });
        var scaled = await client.OkAsync("resources_scale", new { apiVersion = "apps/v1", kind = "Deployment", name = "web", @namespace = "scale", scale = 3 });
        var after = await _objects.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "scale", cancellationToken: Ct);
        var deleted = await client.OkAsync("resources_delete", new { apiVersion = "apps/v1", kind = "Deployment", name = "web", @namespace = "scale" });
        var gone = await client.FailAsync("resources_get", new { apiVersion = "apps/v1", kind = "Deployment", name = "web", @namespace = "scale" });

        Assert.StartsWith("deployment.apps/web in namespace scale: 1 replicas desired", read);
        Assert.Contains("scaled from 1 to 3", scaled);
        Assert.Equal(3, after.Spec.Replicas);
        Assert.Equal("deployment.apps \"web\" deleted", deleted);
        Assert.StartsWith("deployment web not found in namespace scale", gone);
    }

    [Fact]
    public async Task ArgumentErrors_NameTheArgument()
    {
        await using var client = await server.ConnectAsync(Ct);

        var missing = await client.FailAsync("pods_get", new { @namespace = "default" });
        var wrongType = await client.FailAsync("pods_log", new { name = "x", tail = "many" });
        var badSelector = await client.FailAsync("pods_list", new { labelSelector = "app==(web" });

        Assert.StartsWith("invalid argument 'name': is required", missing);
        Assert.StartsWith("invalid argument 'tail': must be a whole number", wrongType);
        Assert.StartsWith("invalid argument 'labelSelector'", badSelector);
    }

    [Fact]
    public async Task ConfigurationView_RedactsTheToken()
    {
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.OkAsync("configuration_view", new { minified = false });

        Assert.Contains("current-context: kubemcp", text);
        Assert.Contains("token: REDACTED", text);
        Assert.DoesNotContain(server.Cluster.Cluster.AdminToken, text);
    }

    [Fact]
    public async Task PodsTopAndNodesTop_ExplainMissingMetricsApi()
    {
        await using var client = await server.ConnectAsync(Ct);

        var (pods, podsFailed) = await client.CallAsync("pods_top");
        var (nodes, nodesFailed) = await client.CallAsync("nodes_top");

        // The embedded cluster may or may not serve metrics.k8s.io yet; either way the answer must be usable.
        if (podsFailed)
        {
            Assert.Contains("metrics API (metrics.k8s.io/v1beta1) is not available", pods);
        }
        else
        {
            Assert.True(pods.Contains("CPU(cores)") || pods == "No pod metrics found in any namespace.", pods);
        }
        if (nodesFailed)
        {
            Assert.Contains("metrics API (metrics.k8s.io/v1beta1) is not available", nodes);
        }
        else
        {
            Assert.True(nodes.Contains("CPU(%)") || nodes == "No node metrics found.", nodes);
        }
    }

    [Fact]
    public async Task ProjectsList_ExplainsThatTheClusterIsNotOpenShift()
    {
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.FailAsync("projects_list");

        Assert.StartsWith("this cluster is not OpenShift", text);
    }

    [Fact]
    public async Task UnknownTool_IsAProtocolError()
    {
        await using var client = await server.ConnectAsync(Ct);

        await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => client.CallToolAsync("no_such_tool", cancellationToken: Ct).AsTask());
    }
}
