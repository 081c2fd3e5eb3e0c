using System.Text.Json.Nodes;
using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>
/// The write side of a kubectl session: client- and server-side apply, the three patch types, labels and
/// annotations, server dry runs and access checks.
/// </summary>
public sealed class KubectlWriteTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private Kubectl Kubectl => fixture.Kubectl;

    private static string Deployment(string ns, int replicas, string image = "nginx:1.27") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: {ns}
          labels:
            app: api
        spec:
          replicas: {replicas}
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
              - name: api
                image: {image}
                ports:
                - containerPort: 8080
        """;

    private async Task<JsonObject> GetJsonAsync(params string[] args) =>
        JsonNode.Parse(await Kubectl.OkAsync([.. args, "-o", "json"]))!.AsObject();

    [Fact]
    public async Task ClientSideApply_CreatesThenLeavesUnchangedThenConfigures()
    {
        await Kubectl.OkAsync("create", "namespace", "csa");

        var created = await Kubectl.ApplyAsync(Deployment("csa", 0));
        var unchanged = await Kubectl.ApplyAsync(Deployment("csa", 0));
        var diff = await Kubectl.RunWithInputAsync(Deployment("csa", 0, "nginx:1.28"), "diff", "-f", "-");
        var configured = await Kubectl.ApplyAsync(Deployment("csa", 0, "nginx:1.28"));
        var deployment = await GetJsonAsync("get", "deployment", "api", "-n", "csa");

        Assert.Equal("deployment.apps/api created", created.Trim());
        Assert.Equal("deployment.apps/api unchanged", unchanged.Trim());
        Assert.Equal(1, diff.ExitCode);
        Assert.Matches(@"\n\+\s+- image: nginx:1\.28\n", diff.Stdout);
        Assert.Equal("deployment.apps/api configured", configured.Trim());
        Assert.Equal("nginx:1.28", deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString());
        Assert.Equal(2, deployment["metadata"]!["generation"]!.GetValue<long>());
        Assert.Contains("nginx:1.28", deployment["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!.ToString());
    }

    [Fact]
    public async Task ServerSideApply_ConflictsWithAnotherManagerUntilForced()
    {
        await Kubectl.OkAsync("create", "namespace", "ssa");
        const string Mine = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  namespace: ssa\ndata:\n  mode: fast\n";
        const string Theirs = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  namespace: ssa\ndata:\n  mode: slow\n";

        var applied = await Kubectl.ApplyAsync(Mine, "--server-side");
        var conflict = await Kubectl.RunWithInputAsync(Theirs, "apply", "--server-side", "--field-manager=ops", "-f", "-");
        var forced = await Kubectl.ApplyAsync(Theirs, "--server-side", "--field-manager=ops", "--force-conflicts");
        var cm = await GetJsonAsync("get", "configmap", "shared", "-n", "ssa", "--show-managed-fields");

        Assert.Equal("configmap/shared serverside-applied", applied.Trim());
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \"kubectl\": .data.mode", conflict.Stderr);
        Assert.Equal("configmap/shared serverside-applied", forced.Trim());
        Assert.Equal("slow", cm["data"]!["mode"]!.ToString());
        var owners = cm["metadata"]!["managedFields"]!.AsArray()
            .Where(e => e!["fieldsV1"]?["f:data"]?["f:mode"] is not null)
            .Select(e => e!["manager"]!.ToString());
        Assert.Equal(["ops"], owners);
    }

    [Fact]
    public async Task Patch_JsonMergeAndStrategic_EachWithItsOwnListSemantics()
    {
        await Kubectl.OkAsync("create", "namespace", "patched");
        await Kubectl.ApplyAsync(Deployment("patched", 0));
        const string Sidecar = """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox:1.36"}]}}}}""";

        await Kubectl.OkAsync("patch", "deployment", "api", "-n", "patched", "--type=json", "-p", """[{"op":"replace","path":"/spec/replicas","value":1}]""");
        await Kubectl.OkAsync("patch", "deployment", "api", "-n", "patched", "--type=merge", "-p", """{"metadata":{"labels":{"tier":"web"}}}""");
        await Kubectl.OkAsync("patch", "deployment", "api", "-n", "patched", "--type=strategic", "-p", Sidecar);
        var strategic = await GetJsonAsync("get", "deployment", "api", "-n", "patched");
        await Kubectl.OkAsync("patch", "deployment", "api", "-n", "patched", "--type=merge", "-p", Sidecar);
        var merged = await GetJsonAsync("get", "deployment", "api", "-n", "patched");
        var failedTest = await Kubectl.RunAsync("patch", "deployment", "api", "-n", "patched", "--type=json", "-p", """[{"op":"test","path":"/spec/replicas","value":7}]""");
        var malformed = await Kubectl.RunAsync("patch", "deployment", "api", "-n", "patched", "--type=merge", "-p", "{not json");

        Assert.Equal(1, strategic["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal("web", strategic["metadata"]!["labels"]!["tier"]!.ToString());
        Assert.Equal(["api", "sidecar"], strategic["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!["name"]!.ToString()));
        Assert.Equal(["sidecar"], merged["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!["name"]!.ToString()));
        Assert.NotEqual(0, failedTest.ExitCode);
        Assert.Contains("test failed", failedTest.Stderr);
        Assert.NotEqual(0, malformed.ExitCode);
    }

    [Fact]
    public async Task LabelAndAnnotate_RespectOverwriteAndRemoval()
    {
        await Kubectl.OkAsync("create", "namespace", "labelled");
        await Kubectl.OkAsync("create", "configmap", "tagged", "--from-literal=a=1", "-n", "labelled");

        await Kubectl.OkAsync("label", "configmap", "tagged", "env=prod", "team=core", "-n", "labelled");
        var noOverwrite = await Kubectl.RunAsync("label", "configmap", "tagged", "env=dev", "-n", "labelled");
        await Kubectl.OkAsync("label", "configmap", "tagged", "env=dev", "--overwrite", "-n", "labelled");
        await Kubectl.OkAsync("label", "configmap", "tagged", "team-", "-n", "labelled");
        await Kubectl.OkAsync("annotate", "configmap", "tagged", "owner=alice", "-n", "labelled");
        var byLabel = await Kubectl.OkAsync("get", "configmaps", "-n", "labelled", "-l", "env=dev", "-L", "env");
        var cm = await GetJsonAsync("get", "configmap", "tagged", "-n", "labelled");

        Assert.NotEqual(0, noOverwrite.ExitCode);
        Assert.Contains("'env' already has a value (prod), and --overwrite is false", noOverwrite.Stderr);
        Assert.Matches(@"NAME\s+DATA\s+AGE\s+ENV", byLabel);
        Assert.Matches(@"tagged\s+1\s+\S+\s+dev", byLabel);
        Assert.Equal("""{"env":"dev"}""", cm["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal("alice", cm["metadata"]!["annotations"]!["owner"]!.ToString());
    }

    [Fact]
    public async Task ServerDryRun_ValidatesButStoresNothing()
    {
        await Kubectl.OkAsync("create", "namespace", "dry");
        await Kubectl.OkAsync("create", "configmap", "kept", "--from-literal=a=1", "-n", "dry");

        var created = await Kubectl.OkAsync("create", "configmap", "ghost", "--from-literal=a=1", "-n", "dry", "--dry-run=server", "-o", "json");
        var deleted = await Kubectl.OkAsync("delete", "configmap", "kept", "-n", "dry", "--dry-run=server");
        var applied = await Kubectl.ApplyAsync(Deployment("dry", 0), "--dry-run=server");
        var invalid = await Kubectl.RunAsync("create", "configmap", "Bad_Name", "-n", "dry", "--dry-run=server");
        var ghost = await Kubectl.RunAsync("get", "configmap", "ghost", "-n", "dry");

        Assert.Equal("ghost", JsonNode.Parse(created)!["metadata"]!["name"]!.ToString());
        Assert.Equal("configmap \"kept\" deleted (server dry run)", deleted.Trim());
        Assert.Equal("deployment.apps/api created (server dry run)", applied.Trim());
        Assert.NotEqual(0, invalid.ExitCode);
        Assert.Contains("is invalid", invalid.Stderr);
        Assert.Contains("configmaps \"ghost\" not found", ghost.Stderr);
        Assert.Equal("kept", (await Kubectl.OkAsync("get", "configmap", "kept", "-n", "dry", "-o", "jsonpath={.metadata.name}")).Trim());
        Assert.Contains("No resources found", (await Kubectl.RunAsync("get", "deployments", "-n", "dry")).Stderr);
    }

    [Fact]
    public async Task AuthCanI_AnswersFromRbac()
    {
        await Kubectl.OkAsync("create", "namespace", "rbac");

        var admin = await Kubectl.RunAsync("auth", "can-i", "create", "pods", "-n", "rbac");
        var before = await Kubectl.RunAsync("auth", "can-i", "list", "pods", "-n", "rbac", "--as=jane");
        await Kubectl.OkAsync("create", "rolebinding", "jane-view", "--clusterrole=view", "--user=jane", "-n", "rbac");
        var read = await Kubectl.RunAsync("auth", "can-i", "list", "pods", "-n", "rbac", "--as=jane");
        var write = await Kubectl.RunAsync("auth", "can-i", "create", "pods", "-n", "rbac", "--as=jane");
        var elsewhere = await Kubectl.RunAsync("auth", "can-i", "list", "pods", "-n", "default", "--as=jane");
        var serviceAccount = await Kubectl.RunAsync("auth", "can-i", "get", "secrets", "-n", "rbac", "--as=system:serviceaccount:rbac:default");

        Assert.Equal((0, "yes"), (admin.ExitCode, admin.Stdout.Trim()));
        Assert.Equal((1, "no"), (before.ExitCode, before.Stdout.Trim()));
        Assert.Equal((0, "yes"), (read.ExitCode, read.Stdout.Trim()));
        Assert.Equal((1, "no"), (write.ExitCode, write.Stdout.Trim()));
        Assert.Equal((1, "no"), (elsewhere.ExitCode, elsewhere.Stdout.Trim()));
        Assert.Equal((1, "no"), (serviceAccount.ExitCode, serviceAccount.Stdout.Trim()));
    }
}
