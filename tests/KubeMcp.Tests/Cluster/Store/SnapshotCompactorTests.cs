using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Patching;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Tests.Cluster.Store;

public sealed class SnapshotCompactorTests
{
    private const string Pod = """
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"web-1","namespace":"default","labels":{"app":"web"},
                     "managedFields":[{"manager":"kubectl","operation":"Update","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{}}}]},
         "spec":{"containers":[{"name":"app","image":"nginx:1.27","ports":[{"containerPort":8080}]}],
                 "terminationGracePeriodSeconds":30,"enableServiceLinks":true,"hostNetwork":false,
                 "nodeSelector":null,"managedFields":[{"not":"metadata"}]},
         "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastProbeTime":null}]}}
        """;

    [Fact]
    public void Compact_WritesTheSameJson_InTheSameOrder()
    {
        var source = JsonNode.Parse(Pod)!.AsObject();

        var copy = new SnapshotCompactor().Compact(source);

        Assert.Equal(source.ToJsonString(), copy.ToJsonString());
    }

    [Fact]
    public void Compact_SharesNoNodeWithTheSource()
    {
        var source = JsonNode.Parse(Pod)!.AsObject();
        var copy = new SnapshotCompactor().Compact(source);

        source["metadata"]!["labels"]!["app"] = "changed";
        source["spec"]!["containers"]!.AsArray().Clear();

        Assert.Equal("web", copy["metadata"]!["labels"]!["app"]!.GetValue<string>());
        Assert.Single(copy["spec"]!["containers"]!.AsArray());
    }

    [Fact]
    public void Compact_KeepsOnlyTheObjectsManagedFieldsAsText()
    {
        var copy = new SnapshotCompactor().Compact(JsonNode.Parse(Pod)!.AsObject());

        Assert.IsNotType<JsonArray>(copy["metadata"]!["managedFields"]);
        Assert.Equal("kubectl", ManagedFields.Entries(copy)![0]!["manager"]!.GetValue<string>());
        Assert.IsType<JsonArray>(copy["spec"]!["managedFields"]);
    }

    [Fact]
    public void Compact_EmptyManagedFieldsStayAnEmptyList()
    {
        var source = JsonNode.Parse("""{"metadata":{"name":"a","managedFields":[]}}""")!.AsObject();

        var copy = new SnapshotCompactor().Compact(source);

        Assert.Empty(Assert.IsType<JsonArray>(copy["metadata"]!["managedFields"]));
    }

    [Fact]
    public void Compact_StringsAreNoLongerParsedValues()
    {
        var copy = new SnapshotCompactor().Compact(JsonNode.Parse(Pod)!.AsObject());

        var phase = copy["status"]!["phase"]!.AsValue();

        Assert.False(phase.TryGetValue<JsonElement>(out _));
        Assert.Equal("Running", phase.GetValue<string>());
    }

    [Fact]
    public void Compact_ParsedNumbersAndBooleansReadAsAnyType()
    {
        var copy = new SnapshotCompactor().Compact(JsonNode.Parse(Pod)!.AsObject());
        var spec = copy["spec"]!;
        var port = spec["containers"]![0]!["ports"]![0]!["containerPort"]!.AsValue();

        Assert.True(port.TryGetValue<int>(out var asInt) && asInt == 8080);
        Assert.True(port.TryGetValue<long>(out var asLong) && asLong == 8080);
        Assert.True(port.TryGetValue<double>(out var asDouble) && asDouble == 8080);
        Assert.True(spec["enableServiceLinks"]!.GetValue<bool>());
        Assert.False(spec["hostNetwork"]!.GetValue<bool>());
        Assert.Equal(30, spec["terminationGracePeriodSeconds"]!.GetValue<int>());
    }

    [Fact]
    public void Compact_BuiltValuesKeepTheirType()
    {
        var source = new JsonObject { ["replicas"] = 3, ["ratio"] = 0.5, ["paused"] = true, ["name"] = "x" };

        var copy = new SnapshotCompactor().Compact(source);

        Assert.Equal(3, copy["replicas"]!.GetValue<int>());
        Assert.Equal(0.5, copy["ratio"]!.GetValue<double>());
        Assert.True(copy["paused"]!.GetValue<bool>());
        Assert.Equal("x", copy["name"]!.GetValue<string>());
    }

    [Fact]
    public void Compact_EqualStringsOfDifferentObjectsAreOneInstance()
    {
        var compactor = new SnapshotCompactor();

        var a = compactor.Compact(JsonNode.Parse(Pod)!.AsObject());
        var b = compactor.Compact(JsonNode.Parse(Pod)!.AsObject());

        Assert.Same(a["status"]!["phase"]!.GetValue<string>(), b["status"]!["phase"]!.GetValue<string>());
        Assert.Same(a.First(p => p.Key == "status").Key, b.First(p => p.Key == "status").Key);
    }

    [Fact]
    public void Intern_AfterItsSlotWasTaken_CachesTheStringAgain()
    {
        var compactor = new SnapshotCompactor();
        compactor.Intern(new string('a', 3));
        for (var i = 0; i < 100_000; i++)
        {
            compactor.Intern("value-" + i);
        }

        var again = compactor.Intern(new string('a', 3));

        Assert.Equal("aaa", again);
        Assert.Same(again, compactor.Intern(new string('a', 3)));
    }

    [Fact]
    public void Compact_PartsOfSpecAndMetadataAlikeInManyObjects_ReadAndWriteAsTheirOwn()
    {
        var compactor = new SnapshotCompactor();
        var copies = Enumerable.Range(0, 3).Select(_ => compactor.Compact(JsonNode.Parse(Pod)!.AsObject())).ToList();

        Assert.All(copies, c => Assert.Equal(JsonNode.Parse(Pod)!.ToJsonString(), c.ToJsonString()));
        Assert.All(copies, c => Assert.Equal(8080, c["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"]!.GetValue<int>()));
        Assert.NotSame(copies[1]["spec"]!["containers"]![0], copies[2]["spec"]!["containers"]![0]);
    }

    [Fact]
    public void Compact_StatusPartsAreNeverShared()
    {
        var compactor = new SnapshotCompactor();
        var status = """{"status":{"conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""";
        compactor.Compact(JsonNode.Parse(status)!.AsObject());

        var copy = compactor.Compact(JsonNode.Parse(status)!.AsObject());

        var ready = copy["status"]!["conditions"]![0]!["status"]!.AsValue();
        Assert.False(ready.TryGetValue<JsonElement>(out _));
    }
}
