using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server.Audit;
using KubeMcp.Server.Policy;
using ModelContextProtocol.Protocol;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>The policy filter in front of real tools and a real cluster: denials, approvals by elicitation, the audit trail.</summary>
public sealed class PolicyEnforcementTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestObjects _objects = new(cluster);
    private readonly string _auditPath = Path.Combine(Path.GetTempPath(), $"kubemcp-policy-audit-{Guid.NewGuid():N}.jsonl");

    private async Task<bool> PodExistsAsync(string ns, string name)
    {
        var pods = await _objects.Client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: Ct);
        return pods.Items.Any(p => p.Metadata.Name == name && p.Metadata.DeletionTimestamp is null);
    }

    private IReadOnlyList<JsonObject> AuditLines() =>
        AuditLog.ReadAll(_auditPath).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    private static ValueTask<ElicitResult> Answer(bool approve) => ValueTask.FromResult(new ElicitResult
    {
        Action = "accept",
        Content = new Dictionary<string, JsonElement> { ["approve"] = JsonSerializer.SerializeToElement(approve) },
    });

    [Fact]
    public async Task DefaultPolicy_DestructiveCallFromAClientThatCannotBeAskedIsDenied()
    {
        await _objects.NamespaceAsync("pol-a");
        await _objects.PodAsync("pol-a", "web");
        await using var server = await HardenedServer.StartAsync(cluster, o => o.AuditLog = new AuditLogOptions { Path = _auditPath });
        await using var client = await server.ConnectAsync();

        var text = await client.FailAsync("pods_delete", new { name = "web", @namespace = "pol-a" });

        Assert.Contains("policy rule 'default-destructive' requires a person's approval", text);
        Assert.Contains("does not support elicitation", text);
        Assert.True(await PodExistsAsync("pol-a", "web"));
        var line = Assert.Single(AuditLines());
        Assert.Equal(("pods_delete", "denied", "default-destructive", "denied"),
            (line["tool"]!.GetValue<string>(), line["decision"]!.GetValue<string>(), line["rule"]!.GetValue<string>(), line["outcome"]!.GetValue<string>()));
        Assert.Equal("delete Pod/web in namespace pol-a", line["targets"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task DefaultPolicy_ApprovalByElicitationLetsTheCallRunOnce()
    {
        await _objects.NamespaceAsync("pol-b");
        await _objects.PodAsync("pol-b", "web");
        await using var server = await HardenedServer.StartAsync(cluster, o => o.AuditLog = new AuditLogOptions { Path = _auditPath });
        ElicitRequestParams? asked = null;
        await using var client = await server.ConnectAsync((request, _) =>
        {
            asked = request;
            return Answer(approve: true);
        });

        var text = await client.OkAsync("pods_delete", new { name = "web", @namespace = "pol-b" });

        Assert.Contains("deleted", text, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(asked);
        Assert.Contains("pods_delete", asked.Message);
        Assert.Equal("pods_delete", asked.Meta![ApprovalElicitation.MetaKey]!["tool"]!.GetValue<string>());
        Assert.Equal("web", asked.Meta[ApprovalElicitation.MetaKey]!["arguments"]!["name"]!.GetValue<string>());
        var line = Assert.Single(AuditLines());
        Assert.Equal("approved", line["decision"]!.GetValue<string>());
        Assert.StartsWith("client elicitation", line["approvedBy"]!.GetValue<string>());
        Assert.Equal("ok", line["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task DefaultPolicy_DeclinedApprovalIsRefused()
    {
        await _objects.NamespaceAsync("pol-c");
        await _objects.PodAsync("pol-c", "web");
        await using var server = await HardenedServer.StartAsync(cluster);
        await using var client = await server.ConnectAsync((_, _) => ValueTask.FromResult(new ElicitResult { Action = "decline" }));

        // Accepting the form without ticking the box is not an approval either.
        await using var unticked = await server.ConnectAsync((_, _) => Answer(approve: false));

        var declined = await client.FailAsync("pods_delete", new { name = "web", @namespace = "pol-c" });
        var notTicked = await unticked.FailAsync("pods_delete", new { name = "web", @namespace = "pol-c" });

        Assert.Contains("Not approved: policy rule 'default-destructive'", declined);
        Assert.Contains("Not approved", notTicked);
        Assert.True(await PodExistsAsync("pol-c", "web"));
    }

    [Fact]
    public async Task ProtectedNamespace_NothingInItIsChangedEvenWhenEverythingElseIsAllowed()
    {
        await using var server = await HardenedServer.StartAsync(cluster, o =>
        {
            o.Policy = PolicyDocument.Permissive;
            o.Policy.ProtectedNamespaces = ["kube-system"];
        });
        await using var client = await server.ConnectAsync();

        var delete = await client.FailAsync("resources_delete", new { apiVersion = "v1", kind = "namespaces", name = "kube-system" });
        var apply = await client.FailAsync("resources_create_or_update",
            new { resource = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: evil\n  namespace: kube-system\n" });
        var read = await client.OkAsync("pods_list_in_namespace", new { @namespace = "kube-system" });

        Assert.Contains("Denied by policy rule 'protected-namespaces': namespace kube-system is protected", delete);
        Assert.Contains("protected-namespaces", apply);
        Assert.NotNull(read);
        var configMaps = await _objects.Client.CoreV1.ListNamespacedConfigMapAsync("kube-system", cancellationToken: Ct);
        Assert.DoesNotContain(configMaps.Items, c => c.Metadata.Name == "evil");
    }

    [Fact]
    public async Task BlastRadius_DeletionsBeyondTheSessionLimitNeedAFreshApproval()
    {
        await _objects.NamespaceAsync("pol-d");
        foreach (var name in new[] { "a", "b", "c" })
        {
            await _objects.PodAsync("pol-d", name);
        }
        await using var server = await HardenedServer.StartAsync(cluster, o =>
        {
            o.Policy = PolicyDocument.Permissive;
            o.Policy.MaxDeletionsPerSession = 2;
        });
        await using var client = await server.ConnectAsync();

        await client.OkAsync("pods_delete", new { name = "a", @namespace = "pol-d" });
        await client.OkAsync("pods_delete", new { name = "b", @namespace = "pol-d" });
        var third = await client.FailAsync("pods_delete", new { name = "c", @namespace = "pol-d" });
        // A new session starts with a fresh budget.
        await using var second = await server.ConnectAsync();
        await second.OkAsync("pods_delete", new { name = "c", @namespace = "pol-d" });

        Assert.Contains("policy rule 'blast-radius'", third);
        Assert.Contains("the limit is 2 per session", third);
    }

    [Fact]
    public async Task Secrets_AreRedactedUnlessARuleRevealsThem()
    {
        await _objects.NamespaceAsync("pol-e");
        await _objects.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "db" },
            Data = new Dictionary<string, byte[]> { ["password"] = "hunter2-secret"u8.ToArray() },
        }, "pol-e", cancellationToken: Ct);
        await using var server = await HardenedServer.StartAsync(cluster, o => o.Policy = new PolicyDocument
        {
            Rules = [new PolicyRule { Name = "ops-reads-secrets", Effect = PolicyEffect.Allow, Kinds = ["Secret"], Names = ["db"], Namespaces = ["pol-e"], RevealSecrets = true }],
        });
        await using var client = await server.ConnectAsync();
        var encoded = Convert.ToBase64String("hunter2-secret"u8.ToArray());

        var revealed = await client.OkAsync("resources_get", new { apiVersion = "v1", kind = "secrets", name = "db", @namespace = "pol-e" });
        var listed = await client.OkAsync("resources_list", new { apiVersion = "v1", kind = "Secret", @namespace = "pol-e" });
        await using var plain = await HardenedServer.StartAsync(cluster);
        await using var plainClient = await plain.ConnectAsync();
        var redacted = await plainClient.OkAsync("resources_get", new { apiVersion = "v1", kind = "Secret", name = "db", @namespace = "pol-e" });

        Assert.Contains(encoded, revealed);
        Assert.DoesNotContain(encoded, redacted);
        Assert.Contains("REDACTED (14 bytes)", redacted);
        Assert.DoesNotContain(encoded, listed);
    }

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_auditPath)!, Path.GetFileName(_auditPath) + "*"))
        {
            File.Delete(file);
        }
    }
}
