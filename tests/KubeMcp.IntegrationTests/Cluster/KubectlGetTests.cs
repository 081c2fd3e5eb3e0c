using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>
/// The read side of a kubectl session: <c>get</c> tables shaped like a real cluster's, <c>describe</c> with events,
/// selectors, pagination, watches and discovery.
/// </summary>
public sealed class KubectlGetTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private Kubectl Kubectl => fixture.Kubectl;

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private async Task<string> WebAsync(string ns, int replicas = 2)
    {
        await Kubectl.OkAsync("create", "namespace", ns);
        await Kubectl.OkAsync("create", "deployment", "web", "--image=nginx:1.27", $"--replicas={replicas}", "-n", ns);
        await Kubectl.OkAsync("wait", "--for=condition=Available", "deployment/web", "-n", ns, "--timeout=60s");
        return ns;
    }

    [Fact]
    public async Task Get_PrintsTheColumnsARealClusterPrints()
    {
        var ns = await WebAsync("tables");
        await Kubectl.OkAsync("create", "service", "clusterip", "web", "--tcp=80:8080", "-n", ns);

        var pods = Lines(await Kubectl.OkAsync("get", "pods", "-n", ns));
        var wide = Lines(await Kubectl.OkAsync("get", "pods", "-n", ns, "-o", "wide"));
        var all = Lines(await Kubectl.OkAsync("get", "pods", "-A"));
        var deployments = Lines(await Kubectl.OkAsync("get", "deployments", "-n", ns));
        var replicaSets = Lines(await Kubectl.OkAsync("get", "replicasets", "-n", ns));
        var services = Lines(await Kubectl.OkAsync("get", "services", "-n", ns));
        var nodes = Lines(await Kubectl.OkAsync("get", "nodes"));
        var namespaces = Lines(await Kubectl.OkAsync("get", "namespaces"));
        var configMaps = Lines(await Kubectl.OkAsync("get", "configmaps", "-n", ns));

        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$", pods[0]);
        Assert.All(pods[1..], row => Assert.Matches(@"^web-[a-z0-9]{8,10}-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\d+[smh]", row));
        Assert.Equal(3, pods.Length);
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$", wide[0]);
        Assert.All(wide[1..], row => Assert.Matches(@"\s10\.244\.\d+\.\d+\s+kubemcp-worker2?\s+<none>\s+<none>$", row));
        Assert.Matches(@"^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$", all[0]);
        Assert.Contains(all, row => row.StartsWith("tables ", StringComparison.Ordinal));
        Assert.Matches(@"^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$", deployments[0]);
        Assert.Matches(@"^web\s+2/2\s+2\s+2\s+\S+$", deployments[1]);
        Assert.Matches(@"^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE$", replicaSets[0]);
        Assert.Matches(@"^web-[a-z0-9]+\s+2\s+2\s+2\s+\S+$", replicaSets[1]);
        Assert.Matches(@"^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$", services[0]);
        Assert.Matches(@"^web\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80/TCP\s+\S+$", services[1]);
        Assert.Matches(@"^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$", nodes[0]);
        Assert.Matches(@"^kubemcp-control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.32\.\d+$", nodes[1]);
        Assert.Matches(@"^NAME\s+STATUS\s+AGE$", namespaces[0]);
        Assert.Contains(namespaces, row => Regex.IsMatch(row, @"^tables\s+Active\s+\S+$"));
        Assert.Matches(@"^NAME\s+DATA\s+AGE$", configMaps[0]);
        Assert.Matches(@"^kube-root-ca\.crt\s+1\s+\S+$", configMaps[1]);
    }

    [Fact]
    public async Task Describe_PodDeploymentAndNode_ShowTheirEvents()
    {
        var ns = await WebAsync("described", replicas: 1);
        var pod = (await Kubectl.OkAsync("get", "pods", "-n", ns, "-o", "jsonpath={.items[0].metadata.name}")).Trim();
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(fixture.KubeconfigPath));
        await client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "kubemcp-worker.pressure", NamespaceProperty = "default" },
            InvolvedObject = new V1ObjectReference { Kind = "Node", Name = "kubemcp-worker", Uid = "kubemcp-worker" },
            Reason = "NodeHasDiskPressure",
            Message = "Node kubemcp-worker status is now: NodeHasDiskPressure",
            Type = "Normal",
            Source = new V1EventSource { Component = "kubelet", Host = "kubemcp-worker" },
            FirstTimestamp = DateTime.UtcNow,
            LastTimestamp = DateTime.UtcNow,
            Count = 1,
        }, "default", cancellationToken: TestContext.Current.CancellationToken);

        var podText = await Kubectl.OkAsync("describe", "pod", pod, "-n", ns);
        var deploymentText = await Kubectl.OkAsync("describe", "deployment", "web", "-n", ns);
        var nodeText = await Kubectl.OkAsync("describe", "node", "kubemcp-worker");

        Assert.Matches($@"Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned {ns}/{pod} to kubemcp-worker", podText);
        Assert.Matches(@"Controlled By:\s+ReplicaSet/web-", podText);
        Assert.Matches(@"Status:\s+Running", podText);
        Assert.Matches(@"Normal\s+ScalingReplicaSet\s+\S+\s+deployment-controller\s+Scaled up replica set web-[a-z0-9]+ from 0 to 1", deploymentText);
        Assert.Matches(@"Replicas:\s+1 desired \| 1 updated \| 1 total \| 1 available \| 0 unavailable", deploymentText);
        Assert.Matches(@"Normal\s+NodeHasDiskPressure\s+\S+\s+kubelet\s+Node kubemcp-worker status is now: NodeHasDiskPressure", nodeText);
        Assert.Matches(@"Non-terminated Pods:\s+\(\d+ in total\)", nodeText);
    }

    [Fact]
    public async Task Get_FiltersWithLabelAndFieldSelectors()
    {
        await Kubectl.OkAsync("create", "namespace", "selected");
        foreach (var (name, tier) in new[] { ("front-1", "front"), ("front-2", "front"), ("back-1", "back") })
        {
            await Kubectl.OkAsync("run", name, "--image=nginx:1.27", $"--labels=tier={tier},app=shop", "-n", "selected");
        }
        await Kubectl.OkAsync("wait", "--for=condition=Ready", "pod", "--all", "-n", "selected", "--timeout=60s");

        var front = await Kubectl.OkAsync("get", "pods", "-n", "selected", "-l", "tier=front", "-o", "name");
        var notFront = await Kubectl.OkAsync("get", "pods", "-n", "selected", "-l", "app=shop,tier notin (front)", "-o", "name");
        var byName = await Kubectl.OkAsync("get", "pods", "-n", "selected", "--field-selector", "metadata.name=back-1", "-o", "name");
        var running = await Kubectl.OkAsync("get", "pods", "-A", "--field-selector", "status.phase=Running,metadata.namespace=selected", "-o", "name");
        var badLabel = await Kubectl.RunAsync("get", "pods", "-n", "selected", "-l", "tier in front");
        var badField = await Kubectl.RunAsync("get", "pods", "-n", "selected", "--field-selector", "spec.image=nginx");

        Assert.Equal(["pod/front-1", "pod/front-2"], Lines(front));
        Assert.Equal(["pod/back-1"], Lines(notFront));
        Assert.Equal(["pod/back-1"], Lines(byName));
        Assert.Equal(3, Lines(running).Length);
        Assert.NotEqual(0, badLabel.ExitCode);
        Assert.Contains("Error from server (BadRequest)", badLabel.Stderr);
        Assert.Contains("unable to parse requirement", badLabel.Stderr);
        Assert.NotEqual(0, badField.ExitCode);
        Assert.Contains("field label not supported: spec.image", badField.Stderr);
    }

    [Fact]
    public async Task Get_WithChunkSize_PagesThroughLimitAndContinue()
    {
        await Kubectl.OkAsync("create", "namespace", "paged");
        for (var i = 1; i <= 7; i++)
        {
            await Kubectl.OkAsync("create", "configmap", $"page-{i}", $"--from-literal=n={i}", "-n", "paged");
        }

        var result = await Kubectl.RunAsync("get", "configmaps", "-n", "paged", "--chunk-size=3", "-v=6");

        Assert.Equal(0, result.ExitCode);
        var requests = Lines(result.Stderr).Where(l => l.Contains("/namespaces/paged/configmaps?", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Contains("limit=3", r));
        Assert.Equal(2, requests.Count(r => r.Contains("continue=", StringComparison.Ordinal)));
        var rows = Lines(result.Stdout);
        Assert.Single(rows, r => r.StartsWith("NAME", StringComparison.Ordinal));
        Assert.Equal(8, rows.Count(r => Regex.IsMatch(r, @"^(page-\d|kube-root-ca\.crt)\s+1\s")));
    }

    [Fact]
    public async Task GetWatch_SeesAddModifyAndDelete()
    {
        await Kubectl.OkAsync("create", "namespace", "watched");
        await Kubectl.OkAsync("create", "configmap", "tracked", "--from-literal=v=1", "-n", "watched");
        await using var watch = StreamingProcess.Start("kubectl",
            ["--kubeconfig", fixture.KubeconfigPath, "--cache-dir", Path.Combine(fixture.Directory, "watch-cache"),
             "get", "configmap", "tracked", "-n", "watched", "-w", "--output-watch-events"]);

        await watch.WaitForLineAsync(l => l.StartsWith("ADDED", StringComparison.Ordinal) && l.Contains("tracked", StringComparison.Ordinal));
        await Kubectl.OkAsync("patch", "configmap", "tracked", "-n", "watched", "--type=merge", "-p", """{"data":{"w":"2"}}""");
        var modified = await watch.WaitForLineAsync(l => l.StartsWith("MODIFIED", StringComparison.Ordinal));
        await Kubectl.OkAsync("delete", "configmap", "tracked", "-n", "watched");
        await watch.WaitForLineAsync(l => l.StartsWith("DELETED", StringComparison.Ordinal));

        Assert.Matches(@"^MODIFIED\s+tracked\s+2\s+\S+$", modified);
    }

    [Fact]
    public async Task ApiResources_ListsEveryServedResource_AndWhatARealClusterServes()
    {
        var output = await Kubectl.OkAsync("api-resources", "-o", "name");
        var namespaced = await Kubectl.OkAsync("api-resources", "--namespaced=true", "-o", "name");
        var listed = Lines(output).ToHashSet(StringComparer.Ordinal);

        var served = new KubeMcp.Cluster.Api.ResourceCatalog().All
            .Select(t => t.Group.Length == 0 ? t.Plural : $"{t.Plural}.{t.Group}")
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(served.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Empty(RealCluster132.Except(listed));
        // Extra to a bare 1.32 cluster: the metrics API that metrics-server adds (docs/cluster.md).
        Assert.Equal(["nodes.metrics.k8s.io", "pods.metrics.k8s.io"], listed.Except(RealCluster132).Order(StringComparer.Ordinal));
        Assert.Contains("pods", Lines(namespaced));
        Assert.DoesNotContain("nodes", Lines(namespaced));
    }

    [Fact]
    public async Task Explain_DescribesFieldsFromTheServedSchema()
    {
        var replicas = await Kubectl.OkAsync("explain", "deployment.spec.replicas");
        var containers = await Kubectl.OkAsync("explain", "pods.spec.containers");

        Assert.Contains("GROUP:      apps", replicas);
        Assert.Contains("FIELD: replicas <integer>", replicas);
        Assert.Contains("FIELD: containers <[]Container>", containers);
        Assert.Matches(@"image\s+<string>", containers);
    }

    /// <summary><c>kubectl api-resources -o name</c> on a kind v1.32 cluster with default feature gates.</summary>
    private static readonly string[] RealCluster132 =
    [
        "bindings", "componentstatuses", "configmaps", "endpoints", "events", "limitranges", "namespaces", "nodes",
        "persistentvolumeclaims", "persistentvolumes", "pods", "podtemplates", "replicationcontrollers", "resourcequotas",
        "secrets", "serviceaccounts", "services",
        "mutatingwebhookconfigurations.admissionregistration.k8s.io", "validatingadmissionpolicies.admissionregistration.k8s.io",
        "validatingadmissionpolicybindings.admissionregistration.k8s.io", "validatingwebhookconfigurations.admissionregistration.k8s.io",
        "customresourcedefinitions.apiextensions.k8s.io", "apiservices.apiregistration.k8s.io",
        "controllerrevisions.apps", "daemonsets.apps", "deployments.apps", "replicasets.apps", "statefulsets.apps",
        "selfsubjectreviews.authentication.k8s.io", "tokenreviews.authentication.k8s.io",
        "localsubjectaccessreviews.authorization.k8s.io", "selfsubjectaccessreviews.authorization.k8s.io",
        "selfsubjectrulesreviews.authorization.k8s.io", "subjectaccessreviews.authorization.k8s.io",
        "horizontalpodautoscalers.autoscaling", "cronjobs.batch", "jobs.batch", "certificatesigningrequests.certificates.k8s.io",
        "leases.coordination.k8s.io", "endpointslices.discovery.k8s.io", "events.events.k8s.io",
        "flowschemas.flowcontrol.apiserver.k8s.io", "prioritylevelconfigurations.flowcontrol.apiserver.k8s.io",
        "ingressclasses.networking.k8s.io", "ingresses.networking.k8s.io", "networkpolicies.networking.k8s.io",
        "runtimeclasses.node.k8s.io", "poddisruptionbudgets.policy",
        "clusterrolebindings.rbac.authorization.k8s.io", "clusterroles.rbac.authorization.k8s.io",
        "rolebindings.rbac.authorization.k8s.io", "roles.rbac.authorization.k8s.io", "priorityclasses.scheduling.k8s.io",
        "csidrivers.storage.k8s.io", "csinodes.storage.k8s.io", "csistoragecapacities.storage.k8s.io",
        "storageclasses.storage.k8s.io", "volumeattachments.storage.k8s.io",
    ];
}
