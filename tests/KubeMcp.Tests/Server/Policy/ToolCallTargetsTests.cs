using System.Text.Json;
using KubeMcp.Server.Policy;
using KubeMcp.Server.Tools;

namespace KubeMcp.Tests.Server.Policy;

public sealed class ToolCallTargetsTests
{
    private static readonly ToolHints Destructive = new(false, true, true, true);

    private static Task<IReadOnlyList<ToolCallTarget>> Describe(string tool, object args) =>
        ToolCallTargets.DescribeAsync(tool, Destructive,
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(args)), null, TestContext.Current.CancellationToken);

    [Fact]
    public async Task PodsDelete_DefaultsToTheDefaultNamespace()
    {
        var targets = await Describe("pods_delete", new { name = "web-1" });

        Assert.Equal(new ToolCallTarget("pods_delete", "delete", "default", "Pod", "web-1"), Assert.Single(targets));
    }

    [Fact]
    public async Task ResourcesDelete_OfANamespaceAffectsThatNamespace()
    {
        var target = Assert.Single(await Describe("resources_delete", new { apiVersion = "v1", kind = "Namespace", name = "production" }));

        Assert.Null(target.Namespace);
        Assert.Equal(["production"], target.AffectedNamespaces());
    }

    [Fact]
    public async Task CreateOrUpdate_HasOneTargetPerManifest()
    {
        var manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: kube-system\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n";

        var targets = await Describe("resources_create_or_update", new { resource = manifest });

        Assert.Equal(2, targets.Count);
        Assert.Equal(("ConfigMap", "a", "kube-system"), (targets[0].Kind, targets[0].Name, targets[0].Namespace));
        Assert.Equal(("Secret", "b", "default"), (targets[1].Kind, targets[1].Name, targets[1].Namespace));
    }

    [Fact]
    public async Task CreateOrUpdate_UnreadableManifestStillYieldsAWriteTarget()
    {
        var target = Assert.Single(await Describe("resources_create_or_update", new { resource = "{not json" }));

        Assert.Equal("patch", target.Verb);
    }

    [Fact]
    public async Task ResourcesScale_WithoutScaleIsARead() =>
        Assert.Equal("get", Assert.Single(await Describe("resources_scale", new { apiVersion = "apps/v1", kind = "Deployment", name = "web" })).Verb);

    [Fact]
    public async Task WrongArgumentTypesAreTreatedAsAbsent()
    {
        var target = Assert.Single(await Describe("pods_delete", new { name = 42, @namespace = new[] { "a" } }));

        Assert.Equal(("default", (string?)null), (target.Namespace, target.Name));
    }
}
