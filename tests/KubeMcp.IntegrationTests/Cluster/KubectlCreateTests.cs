using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>
/// kubectl's typed create commands send protobuf bodies. For each, the object kubectl prints with
/// <c>--dry-run=client -o json</c> must come back from the cluster with every field and value intact.
/// </summary>
public sealed class KubectlCreateTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Dir = "{dir}";

    public static TheoryData<string, string[], string[], string[]> Commands => new()
    {
        { "namespace", [], ["create", "namespace", "pb-ns"], ["namespace", "pb-ns"] },
        { "deployment", [], ["create", "deployment", "pb-deploy", "--image=nginx:1.27", "--replicas=0", "--port=8080"], ["deployment", "pb-deploy"] },
        { "deployment with two images", [], ["create", "deployment", "pb-deploy-multi", "--image=nginx", "--image=redis", "--replicas=3"], ["deployment", "pb-deploy-multi"] },
        { "deployment with a command", [], ["create", "deployment", "pb-deploy-cmd", "--image=busybox", "--", "sleep", "3600"], ["deployment", "pb-deploy-cmd"] },
        { "configmap", [], ["create", "configmap", "pb-cm", "--from-literal=mode=fast", "--from-literal=level=3"], ["configmap", "pb-cm"] },
        { "configmap with binary data", [], ["create", "configmap", "pb-cm-bin", $"--from-file=blob={Dir}/blob.bin", "--from-literal=text=plain"], ["configmap", "pb-cm-bin"] },
        { "secret generic", [], ["create", "secret", "generic", "pb-secret", "--from-literal=password=s3cr3t", "--type=Opaque"], ["secret", "pb-secret"] },
        { "secret docker-registry", [], ["create", "secret", "docker-registry", "pb-registry", "--docker-server=registry.example.com", "--docker-username=dev", "--docker-password=pw", "--docker-email=dev@example.com"], ["secret", "pb-registry"] },
        { "secret tls", [], ["create", "secret", "tls", "pb-tls", $"--cert={Dir}/tls.crt", $"--key={Dir}/tls.key"], ["secret", "pb-tls"] },
        { "service clusterip", [], ["create", "service", "clusterip", "pb-svc", "--tcp=80:8080", "--tcp=443:https"], ["service", "pb-svc"] },
        { "service clusterip headless", [], ["create", "service", "clusterip", "pb-svc-headless", "--clusterip=None"], ["service", "pb-svc-headless"] },
        { "service nodeport", [], ["create", "service", "nodeport", "pb-svc-np", "--tcp=80:8080", "--node-port=30080"], ["service", "pb-svc-np"] },
        { "service loadbalancer", [], ["create", "service", "loadbalancer", "pb-svc-lb", "--tcp=80:8080"], ["service", "pb-svc-lb"] },
        { "service externalname", [], ["create", "service", "externalname", "pb-svc-ext", "--external-name=example.com", "--tcp=443"], ["service", "pb-svc-ext"] },
        { "serviceaccount", [], ["create", "serviceaccount", "pb-sa"], ["serviceaccount", "pb-sa"] },
        { "job", [], ["create", "job", "pb-job", "--image=busybox", "--", "echo", "hello"], ["job", "pb-job"] },
        { "cronjob", [], ["create", "cronjob", "pb-cron", "--image=busybox", "--schedule=*/5 * * * *", "--restart=OnFailure", "--", "date"], ["cronjob", "pb-cron"] },
        { "job from cronjob", ["create", "cronjob", "pb-cron-src", "--image=busybox", "--schedule=@hourly"], ["create", "job", "pb-job-from", "--from=cronjob/pb-cron-src"], ["job", "pb-job-from"] },
        { "role", [], ["create", "role", "pb-role", "--verb=get,list", "--resource=pods,deployments.apps", "--resource-name=web"], ["role", "pb-role"] },
        { "clusterrole", [], ["create", "clusterrole", "pb-clusterrole", "--verb=get", "--non-resource-url=/healthz"], ["clusterrole", "pb-clusterrole"] },
        { "clusterrole aggregated", [], ["create", "clusterrole", "pb-aggregated", "--aggregation-rule=rbac.example.com/aggregate=true"], ["clusterrole", "pb-aggregated"] },
        { "rolebinding", [], ["create", "rolebinding", "pb-rolebinding", "--role=pb-role", "--user=bob", "--group=devs", "--serviceaccount=default:pb-sa"], ["rolebinding", "pb-rolebinding"] },
        { "clusterrolebinding", [], ["create", "clusterrolebinding", "pb-clusterrolebinding", "--clusterrole=pb-clusterrole", "--user=bob"], ["clusterrolebinding", "pb-clusterrolebinding"] },
        { "quota", [], ["create", "quota", "pb-quota", "--hard=pods=2,cpu=1,memory=1Gi", "--scopes=BestEffort"], ["resourcequota", "pb-quota"] },
        { "poddisruptionbudget min-available", [], ["create", "poddisruptionbudget", "pb-pdb", "--selector=app=web", "--min-available=50%"], ["poddisruptionbudget", "pb-pdb"] },
        { "poddisruptionbudget max-unavailable", [], ["create", "poddisruptionbudget", "pb-pdb-max", "--selector=app=web", "--max-unavailable=1"], ["poddisruptionbudget", "pb-pdb-max"] },
        { "priorityclass", [], ["create", "priorityclass", "pb-priority", "--value=1000", "--description=high", "--preemption-policy=Never"], ["priorityclass", "pb-priority"] },
        { "priorityclass zero", [], ["create", "priorityclass", "pb-priority-zero", "--value=0"], ["priorityclass", "pb-priority-zero"] },
        { "ingress", [], ["create", "ingress", "pb-ingress", "--class=nginx", "--rule=foo.example.com/api*=api:80,tls=foo-tls", "--rule=bar.example.com/=web:http", "--default-backend=fallback:8080", "--annotation=team=web"], ["ingress", "pb-ingress"] },
        { "autoscale", ["create", "deployment", "pb-hpa-target", "--image=nginx"], ["autoscale", "deployment", "pb-hpa-target", "--min=2", "--max=5", "--cpu-percent=60"], ["horizontalpodautoscaler", "pb-hpa-target"] },
        { "run", [], ["run", "pb-pod", "--image=nginx", "--labels=app=pb", "--env=MODE=fast", "--port=80"], ["pod", "pb-pod"] },
        { "expose", ["create", "deployment", "pb-expose-src", "--image=nginx", "--port=80"], ["expose", "deployment", "pb-expose-src", "--name=pb-exposed", "--port=8080", "--target-port=80"], ["service", "pb-exposed"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task KubectlCommand_StoresEveryFieldKubectlSent(string label, string[] setup, string[] command, string[] get)
    {
        WriteInputFiles();
        if (setup.Length > 0)
        {
            await fixture.Kubectl.OkAsync(Expand(setup));
        }
        var args = Expand(command);
        var separator = Array.IndexOf(args, "--") is var i and >= 0 ? i : args.Length;
        string[] dryRun = [.. args[..separator], "--dry-run=client", "-o", "json", .. args[separator..]];
        var expected = JsonNode.Parse(await fixture.Kubectl.OkAsync(dryRun))!;

        await fixture.Kubectl.OkAsync(args);
        var stored = JsonNode.Parse(await fixture.Kubectl.OkAsync(["get", .. get, "-o", "json"]))!;

        // Status belongs to the server (it resets or computes it), so only what a client owns is compared.
        expected.AsObject().Remove("status");
        var differences = new List<string>();
        CollectDifferences(expected, stored, "", differences);
        Assert.True(differences.Count == 0, $"{label}: the stored object lost or changed what kubectl sent:\n{string.Join('\n', differences)}\nstored: {stored.ToJsonString()}");
    }

    [Fact]
    public async Task KubectlCreate_SendsProtobufBodies()
    {
        await using var proxy = await RecordingProxy.StartAsync(fixture.Cluster.Url, fixture.Cluster.AdminToken);
        var kubectl = ProxiedKubectl(proxy);

        await kubectl.OkAsync("create", "configmap", "pb-via-proxy", "--from-literal=a=b");

        var post = Assert.Single(proxy.Requests, r => r.Method == "POST");
        Assert.Equal("application/vnd.kubernetes.protobuf", post.ContentType);
        Assert.Equal("b", await fixture.Kubectl.OkAsync("get", "configmap", "pb-via-proxy", "-o", "jsonpath={.data.a}"));
    }

    /// <summary>Recursively: every non-null value kubectl sent is in the stored object; the server may add more.</summary>
    private static void CollectDifferences(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case null:
                return;
            case JsonObject obj:
                if (actual is not JsonObject actualObject)
                {
                    differences.Add($"{path}: expected an object, found {actual?.ToJsonString() ?? "nothing"}");
                    return;
                }
                foreach (var (name, value) in obj)
                {
                    CollectDifferences(value, actualObject[name], $"{path}.{name}", differences);
                }
                return;
            case JsonArray array:
                if (actual is not JsonArray actualArray || actualArray.Count != array.Count)
                {
                    differences.Add($"{path}: expected {array.ToJsonString()}, found {actual?.ToJsonString() ?? "nothing"}");
                    return;
                }
                for (var i = 0; i < array.Count; i++)
                {
                    CollectDifferences(array[i], actualArray[i], $"{path}[{i}]", differences);
                }
                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add($"{path}: expected {expected.ToJsonString()}, found {actual?.ToJsonString() ?? "nothing"}");
                }
                return;
        }
    }

    private Kubectl ProxiedKubectl(RecordingProxy proxy) => proxy.Kubectl(fixture);

    private string[] Expand(string[] args) => [.. args.Select(a => a.Replace(Dir, fixture.Directory, StringComparison.Ordinal))];

    private void WriteInputFiles()
    {
        var cert = Path.Combine(fixture.Directory, "tls.crt");
        if (File.Exists(cert))
        {
            return;
        }
        File.WriteAllBytes(Path.Combine(fixture.Directory, "blob.bin"), [0x00, 0xFF, 0xFE, 0x80, 0x7F]);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=pb.example.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(fixture.Directory, "tls.key"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(cert, certificate.ExportCertificatePem());
    }
}
