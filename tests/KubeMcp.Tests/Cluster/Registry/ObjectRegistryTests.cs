using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Store;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.Tests.Cluster.Registry;

public sealed class ObjectRegistryTests : IDisposable
{
    private readonly ObjectRegistry _registry = new(new ObjectStore(), new ResourceCatalog(), new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    public ObjectRegistryTests() =>
        _registry.Create(Type("namespaces"), null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "default" } }, WriteOptions.Default);

    public void Dispose() => _registry.Store.Dispose();

    private ResourceType Type(string plural) => _registry.Catalog.Find("", "v1", plural)!;

    private JsonObject Pod(string name, JsonArray? finalizers = null) =>
        _registry.Create(Type("pods"), "default", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["finalizers"] = finalizers },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = "nginx" }) },
        }, WriteOptions.Default);

    private JsonObject ConfigMap(string name, JsonObject? owner = null) =>
        _registry.Create(Type("configmaps"), "default", new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["ownerReferences"] = owner is null ? null : new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["name"] = owner.Name(), ["uid"] = owner.Uid(),
                }),
            },
        }, WriteOptions.Default);

    [Fact]
    public void Bind_SetsTheNodeOnceAndMarksThePodScheduled()
    {
        Pod("web");

        var bound = _registry.Bind("default", "web", "worker", new WriteOptions("default-scheduler"));
        var again = Assert.Throws<ApiException>(() => _registry.Bind("default", "web", "worker2", WriteOptions.Default));

        Assert.Equal("worker", bound.Str("spec.nodeName"));
        var condition = Assert.Single(bound["status"]!["conditions"]!.AsArray());
        Assert.Equal("PodScheduled", condition!["type"]!.ToString());
        Assert.Equal("True", condition["status"]!.ToString());
        Assert.Equal(409, again.Code);
        Assert.Contains("pod web is already assigned to node \"worker\"", again.Message);
        Assert.Equal("worker", _registry.Get(Type("pods"), "default", "web").Str("spec.nodeName"));
    }

    [Fact]
    public void Bind_DryRunOrADeletingPod_ChangesNothing()
    {
        Pod("dry");
        Pod("leaving", finalizers: ["example.com/hold"]);
        _registry.Delete(Type("pods"), "default", "leaving", DeleteOptions.Default);

        _registry.Bind("default", "dry", "worker", new WriteOptions(DryRun: true));
        var deleting = Assert.Throws<ApiException>(() => _registry.Bind("default", "leaving", "worker", WriteOptions.Default));

        Assert.Null(_registry.Get(Type("pods"), "default", "dry").Str("spec.nodeName"));
        Assert.Equal(409, deleting.Code);
        Assert.Contains("is being deleted", deleting.Message);
        Assert.Equal(404, Assert.Throws<ApiException>(() => _registry.Bind("default", "absent", "worker", WriteOptions.Default)).Code);
    }

    [Fact]
    public void Delete_CollectsDependentsInTheBackground_OrOrphansThem()
    {
        var owner = ConfigMap("owner");
        ConfigMap("child", owner);
        ConfigMap("grandchild", _registry.Get(Type("configmaps"), "default", "child"));
        var keeper = ConfigMap("keeper");
        ConfigMap("orphan", keeper);

        _registry.Delete(Type("configmaps"), "default", "owner", new DeleteOptions(PropagationPolicy: "Background"));
        _registry.Delete(Type("configmaps"), "default", "keeper", new DeleteOptions(PropagationPolicy: "Orphan"));

        var left = _registry.List(Type("configmaps"), "default", new ListOptions()).Items;
        var orphan = Assert.Single(left);
        Assert.Equal("orphan", orphan.Name());
        Assert.Null(orphan["metadata"]!["ownerReferences"]);
    }

    [Fact]
    public void List_PagesWithLimitAndContinue()
    {
        foreach (var name in new[] { "c", "a", "e", "b", "d" })
        {
            ConfigMap(name);
        }

        var first = _registry.List(Type("configmaps"), "default", new ListOptions(Limit: 2));
        var second = _registry.List(Type("configmaps"), "default", new ListOptions(Limit: 2, Continue: first.Continue));
        var last = _registry.List(Type("configmaps"), "default", new ListOptions(Limit: 2, Continue: second.Continue));

        Assert.Equal(["a", "b"], first.Items.Select(i => i.Name()));
        Assert.Equal(3, first.RemainingItemCount);
        Assert.Equal(["c", "d"], second.Items.Select(i => i.Name()));
        Assert.Equal(["e"], last.Items.Select(i => i.Name()));
        Assert.Null(last.Continue);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJub3QiOiJhIHRva2VuIn0")]
    public void List_WithAContinueTokenThatNoListIssued_IsBadRequest(string token)
    {
        var error = Assert.Throws<ApiException>(() => _registry.List(Type("configmaps"), "default", new ListOptions(Limit: 1, Continue: token)));

        Assert.Equal(400, error.Code);
    }

    [Fact]
    public void Update_WithAStaleResourceVersion_IsConflictAndChangesNothing()
    {
        var cm = ConfigMap("settings");
        var stale = cm.DeepClone().AsObject();
        _registry.Update(Type("configmaps"), "default", "settings", WithData(cm, "fresh"), WriteOptions.Default);

        var error = Assert.Throws<ApiException>(() => _registry.Update(Type("configmaps"), "default", "settings", WithData(stale, "stale"), WriteOptions.Default));

        Assert.Equal(409, error.Code);
        Assert.Equal("Conflict", error.Reason);
        Assert.Equal("fresh", _registry.Get(Type("configmaps"), "default", "settings").Str("data.v"));
    }

    private static JsonObject WithData(JsonObject obj, string value)
    {
        var next = obj.DeepClone().AsObject();
        next["data"] = new JsonObject { ["v"] = value };
        return next;
    }
}
