using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>The controllers beyond Deployments, driven and observed with kubectl as on a real cluster.</summary>
public sealed class KubectlControllersTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private Kubectl Kubectl => fixture.Kubectl;

    private async Task NamespaceAsync(string name) => await Kubectl.OkAsync("create", "namespace", name);

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task StatefulSet_RollsOutWithOrderedNamesClaimsAndEndpoints()
    {
        await NamespaceAsync("sts");
        await Kubectl.ApplyAsync("""
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: sts}
            spec:
              clusterIP: None
              selector: {app: web}
              ports: [{name: http, port: 80}]
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: web, namespace: sts}
            spec:
              serviceName: web
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    ports: [{name: http, containerPort: 80}]
                    volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
              volumeClaimTemplates:
              - metadata: {name: www}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
            """);

        // The API server defaults partition to 0, so kubectl reports a partitioned roll-out, as on a real cluster.
        var rollout = await Kubectl.OkAsync("rollout", "status", "statefulset/web", "-n", "sts", "--timeout=60s");
        Assert.Contains("partitioned roll out complete: 3 new pods have been updated", rollout);
        Assert.Equal(["pod/web-0", "pod/web-1", "pod/web-2"], Lines(await Kubectl.OkAsync("get", "pods", "-n", "sts", "-o", "name")));
        Assert.Equal(["Bound", "Bound", "Bound"], (await Kubectl.OkAsync("get", "pvc", "-n", "sts", "-o", "jsonpath={.items[*].status.phase}")).Split(' '));
        Assert.Equal("www-web-0 www-web-1 www-web-2", await Kubectl.OkAsync("get", "pvc", "-n", "sts", "-o", "jsonpath={.items[*].metadata.name}"));
        await Kubectl.OkAsync("wait", "--for=jsonpath={.subsets[0].addresses[2].targetRef.kind}=Pod", "endpoints/web", "-n", "sts", "--timeout=60s");
        var hostnames = await Kubectl.OkAsync("get", "endpoints", "web", "-n", "sts", "-o", "jsonpath={.subsets[0].addresses[*].hostname}");
        Assert.Equal(["web-0", "web-1", "web-2"], hostnames.Split(' ').Order(StringComparer.Ordinal));

        await Kubectl.OkAsync("set", "image", "statefulset/web", "nginx=nginx:1.28", "-n", "sts");
        await Kubectl.OkAsync("rollout", "status", "statefulset/web", "-n", "sts", "--timeout=60s");
        await Kubectl.OkAsync("wait", "--for=jsonpath={.status.updatedReplicas}=3", "statefulset/web", "-n", "sts", "--timeout=60s");
        Assert.Equal("nginx:1.28 nginx:1.28 nginx:1.28",
            await Kubectl.OkAsync("get", "pods", "-n", "sts", "-o", "jsonpath={.items[*].spec.containers[0].image}"));
        Assert.Equal(2, Lines(await Kubectl.OkAsync("get", "controllerrevisions", "-n", "sts", "-o", "name")).Length);
    }

    [Fact]
    public async Task DaemonSet_RollsOutToEveryWorker()
    {
        await NamespaceAsync("ds");
        await Kubectl.ApplyAsync("""
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: ds}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: "busybox:1.36", command: [sleep, infinity]}]
            """);
        Assert.Contains("daemon set \"agent\" successfully rolled out",
            await Kubectl.OkAsync("rollout", "status", "daemonset/agent", "-n", "ds", "--timeout=60s"));
        Assert.Equal("kubemcp-worker kubemcp-worker2",
            string.Join(' ', (await Kubectl.OkAsync("get", "pods", "-n", "ds", "-o", "jsonpath={.items[*].spec.nodeName}")).Split(' ').Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Job_CompletesWhenItsPodSucceeds()
    {
        await NamespaceAsync("batch");
        // A node without a simulated kubelet: the test plays the kubelet and reports the pod's outcome.
        await Kubectl.ApplyAsync("""
            apiVersion: v1
            kind: Node
            metadata: {name: batch-node, labels: {kubernetes.io/hostname: batch-node}}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once, namespace: batch}
            spec:
              template:
                spec:
                  nodeName: batch-node
                  restartPolicy: Never
                  containers: [{name: work, image: "busybox:1.36", command: [sh, -c, "exit 0"]}]
            """);
        await Kubectl.OkAsync("wait", "--for=jsonpath={.status.active}=1", "job/once", "-n", "batch", "--timeout=60s");
        var pod = (await Kubectl.OkAsync("get", "pods", "-n", "batch", "-l", "job-name=once", "-o", "jsonpath={.items[0].metadata.name}")).Trim();
        await Kubectl.OkAsync("patch", "pod", pod, "-n", "batch", "--subresource=status", "--type=merge", "-p", """{"status":{"phase":"Succeeded"}}""");

        await Kubectl.OkAsync("wait", "--for=condition=complete", "job/once", "-n", "batch", "--timeout=60s");
        Assert.Equal("1", await Kubectl.OkAsync("get", "job", "once", "-n", "batch", "-o", "jsonpath={.status.succeeded}"));
        Assert.Contains("Job completed", await Kubectl.OkAsync("get", "events", "-n", "batch", "--field-selector", "involvedObject.name=once"));
    }

    [Fact]
    public async Task Service_ListsReadyPodsInEndpointsAndEndpointSlices()
    {
        await NamespaceAsync("svc");
        await Kubectl.ApplyAsync("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: svc}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: app, image: "nginx:1.27", ports: [{name: http, containerPort: 8080}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: svc}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: http}]
            """);
        await Kubectl.OkAsync("rollout", "status", "deployment/web", "-n", "svc", "--timeout=60s");
        await Kubectl.OkAsync("wait", "--for=jsonpath={.subsets[0].ports[0].port}=8080", "endpoints/web", "-n", "svc", "--timeout=60s");
        var podIps = (await Kubectl.OkAsync("get", "pods", "-n", "svc", "-o", "jsonpath={.items[*].status.podIP}")).Split(' ').Order(StringComparer.Ordinal);
        var addresses = (await Kubectl.OkAsync("get", "endpoints", "web", "-n", "svc", "-o", "jsonpath={.subsets[0].addresses[*].ip}")).Split(' ').Order(StringComparer.Ordinal);
        Assert.Equal(podIps, addresses);

        var slices = await Kubectl.OkAsync("get", "endpointslices", "-n", "svc", "-l", "kubernetes.io/service-name=web");
        Assert.Contains("IPv4", slices);
        Assert.Contains("8080", slices);
    }

    [Fact]
    public async Task DeletingANamespace_RemovesEverythingInIt()
    {
        await NamespaceAsync("doomed");
        await Kubectl.ApplyAsync("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: doomed}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: app, image: "nginx:1.27"}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: doomed}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: doomed}
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: fast
              resources: {requests: {storage: 1Gi}}
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: fast}
            provisioner: sim.kubemcp.io/local-path
            volumeBindingMode: Immediate
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: tick, namespace: doomed}
            spec:
              schedule: "* * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: tick, image: "busybox:1.36"}]
            """);
        await Kubectl.OkAsync("rollout", "status", "deployment/web", "-n", "doomed", "--timeout=60s");
        await Kubectl.OkAsync("wait", "--for=jsonpath={.status.phase}=Bound", "pvc/data", "-n", "doomed", "--timeout=60s");
        var volume = (await Kubectl.OkAsync("get", "pvc", "data", "-n", "doomed", "-o", "jsonpath={.spec.volumeName}")).Trim();

        await Kubectl.OkAsync("delete", "namespace", "doomed", "--timeout=60s");

        var gone = await Kubectl.RunAsync("get", "namespace", "doomed");
        Assert.Contains("not found", gone.Stderr);
        foreach (var kind in new[] { "pods", "replicasets", "deployments", "services", "endpoints", "endpointslices", "persistentvolumeclaims", "cronjobs", "events" })
        {
            Assert.Equal("", (await Kubectl.OkAsync("get", kind, "-n", "doomed", "-o", "name")).Trim());
        }
        await Kubectl.OkAsync("wait", "--for=delete", $"persistentvolume/{volume}", "--timeout=60s");
    }

    [Fact]
    public async Task Autoscale_ScalesTheDeploymentOnSimulatedCpu()
    {
        await NamespaceAsync("hpa");
        await Kubectl.ApplyAsync("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: hpa}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web}
                  annotations: {sim.kubemcp.io/cpu-usage: 90m}
                spec:
                  containers: [{name: app, image: "nginx:1.27", resources: {requests: {cpu: 100m}}}]
            """);
        await Kubectl.OkAsync("rollout", "status", "deployment/web", "-n", "hpa", "--timeout=60s");
        await Kubectl.OkAsync("autoscale", "deployment", "web", "-n", "hpa", "--cpu-percent=50", "--min=1", "--max=3");

        await Kubectl.OkAsync("wait", "--for=jsonpath={.spec.replicas}=3", "deployment/web", "-n", "hpa", "--timeout=60s");
        var events = await Kubectl.OkAsync("get", "events", "-n", "hpa", "--field-selector", "involvedObject.kind=HorizontalPodAutoscaler");
        Assert.Contains("SuccessfulRescale", events);
        Assert.Contains("New size: 3; reason: cpu resource utilization (percentage of request) above target", events);
        Assert.Contains("cpu: 90%/50%", await Kubectl.OkAsync("get", "hpa", "web", "-n", "hpa"));
    }
}
