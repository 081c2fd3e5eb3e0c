using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster;

namespace KubeMcp.Benchmarks.Cluster;

internal static class Probe
{
    public static async Task<int> RunAsync()
    {
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions());
        var load = new PodLoad(cluster);
        await load.GrowToAsync(1);
        var pods = cluster.Registry.Catalog.Find("", "v1", "pods")!;
        var one = cluster.Registry.Store.List(pods.StorageKey, null).Items[0];
        var json = one.ToJsonString();
        Console.WriteLine($"pod json bytes: {json.Length}");
        int objs = 0, arrs = 0, vals = 0, emptyObjs = 0;
        void Count(JsonNode? n) { switch (n) { case JsonObject o: objs++; if (o.Count == 0) emptyObjs++; foreach (var (_, v) in o) Count(v); break; case JsonArray a: arrs++; foreach (var v in a) Count(v); break; case JsonValue: vals++; break; } }
        Count(one);
        Console.WriteLine($"objects {objs} (empty {emptyObjs}), arrays {arrs}, values {vals}; managedFields json {one["metadata"]!["managedFields"]!.ToJsonString().Length}");
        Console.WriteLine(one["metadata"]!["managedFields"]!.ToJsonString());
        long H() { GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect(); return GC.GetTotalMemory(true); }
        var k2 = new List<JsonNode>(); var a0 = H(); for (var i = 0; i < 1000; i++) k2.Add(new JsonObject()); Console.WriteLine($"empty JsonObject: {(H() - a0) / 1000}");
        k2.Clear(); a0 = H(); for (var i = 0; i < 1000; i++) k2.Add(new JsonObject { ["a"] = new JsonObject() }); Console.WriteLine($"JsonObject with one empty child: {(H() - a0) / 1000}");
        k2.Clear(); a0 = H(); for (var i = 0; i < 1000; i++) k2.Add(JsonValue.Create("Running")); Console.WriteLine($"JsonValue string: {(H() - a0) / 1000}");
        k2.Clear(); a0 = H(); for (var i = 0; i < 1000; i++) { var o = new JsonObject(); for (var j = 0; j < 12; j++) o["k" + j] = j; k2.Add(o); } Console.WriteLine($"JsonObject 12 ints: {(H() - a0) / 1000}");
        GC.KeepAlive(k2);
        void Time(string what, Action a)
        {
            var best = double.MaxValue;
            for (var r = 0; r < 7; r++) { var sw = System.Diagnostics.Stopwatch.StartNew(); a(); best = Math.Min(best, sw.Elapsed.TotalMilliseconds); }
            Console.WriteLine($"{what}: {best:F1} ms / 1000");
        }
        long Heap() { GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect(); return GC.GetTotalMemory(true); }
        var keep = new List<JsonNode>();
        var h0 = Heap();
        for (var i = 0; i < 1000; i++) keep.Add(one.DeepClone());
        var h1 = Heap();
        Console.WriteLine($"DeepClone of stored pod: {(h1 - h0) / 1000} bytes each");
        keep.Clear(); h0 = Heap();
        for (var i = 0; i < 1000; i++) keep.Add(JsonNode.Parse(json)!);
        h1 = Heap();
        Console.WriteLine($"Parse (lazy): {(h1 - h0) / 1000} bytes each");
        keep.Clear(); h0 = Heap();
        for (var i = 0; i < 1000; i++) { var n = JsonNode.Parse(json)!; Touch(n); keep.Add(n); }
        h1 = Heap();
        Console.WriteLine($"Parse (materialized): {(h1 - h0) / 1000} bytes each");
        keep.Clear(); h0 = Heap();
        for (var i = 0; i < 1000; i++) { var n = JsonNode.Parse(json)!.DeepClone(); Touch(n); keep.Add(n); }
        h1 = Heap();
        Console.WriteLine($"Parse+DeepClone (materialized): {(h1 - h0) / 1000} bytes each");
        keep.Clear(); h0 = Heap();
        var bytes = new List<byte[]>();
        for (var i = 0; i < 1000; i++) bytes.Add(JsonSerializer.SerializeToUtf8Bytes(one));
        h1 = Heap();
        Console.WriteLine($"utf8 bytes: {(h1 - h0) / 1000} bytes each");
        GC.KeepAlive(bytes);
        await load.GrowToAsync(1000);
        var items = cluster.Registry.Store.List(pods.StorageKey, null).Items;
        var now = DateTimeOffset.UtcNow;
        Time("cells only (include None)", () => KubeMcp.Cluster.Printing.TablePrinter.ToTable(pods, items, now, KubeMcp.Cluster.Printing.IncludeObject.None, "1", null, null));
        Time("table with metadata", () => KubeMcp.Cluster.Printing.TablePrinter.ToTable(pods, items, now, KubeMcp.Cluster.Printing.IncludeObject.Metadata, "1", null, null));
        var table = KubeMcp.Cluster.Printing.TablePrinter.ToTable(pods, items, now, KubeMcp.Cluster.Printing.IncludeObject.Metadata, "1", null, null);
        Time("serialize table", () => JsonSerializer.SerializeToUtf8Bytes(table));
        Time("serialize items", () => { foreach (var it in items) JsonSerializer.SerializeToUtf8Bytes(it); });
        Time("age cells", () => { foreach (var it in items) KubeMcp.Cluster.Printing.Timestamps.Age(it, now); });
        Time("metadata clone", () => { foreach (var it in items) it["metadata"]!.DeepClone(); });
        Console.WriteLine($"table bytes per pod: {JsonSerializer.SerializeToUtf8Bytes(table).Length / 1000}");
        var frozen = items.Select(i => (JsonObject)JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(i))!).ToList();
        Time("freeze", () => { foreach (var it in items) JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(it)); });
        Time("frozen: serialize items", () => { foreach (var it in frozen) JsonSerializer.SerializeToUtf8Bytes(it); });
        Time("frozen: cells only", () => KubeMcp.Cluster.Printing.TablePrinter.ToTable(pods, frozen, now, KubeMcp.Cluster.Printing.IncludeObject.None, "1", null, null));
        Time("frozen: table with metadata", () => KubeMcp.Cluster.Printing.TablePrinter.ToTable(pods, frozen, now, KubeMcp.Cluster.Printing.IncludeObject.Metadata, "1", null, null));
        Time("frozen: serialize items after touch", () => { foreach (var it in frozen) JsonSerializer.SerializeToUtf8Bytes(it); });
        var h2 = Heap();
        frozen = items.Select(i => (JsonObject)JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(i))!).ToList();
        var h3 = Heap();
        Console.WriteLine($"frozen untouched: {(h3 - h2) / 1000} bytes each (approx)");
        KubeMcp.Cluster.Printing.TablePrinter.ToTable(pods, frozen, now, KubeMcp.Cluster.Printing.IncludeObject.None, "1", null, null);
        var h4 = Heap();
        Console.WriteLine($"frozen after printing: +{(h4 - h3) / 1000} bytes each");
        GC.KeepAlive(frozen);
        return 0;
    }

    private static void Touch(JsonNode n)
    {
        switch (n)
        {
            case JsonObject o: foreach (var (_, v) in o) { if (v is not null) Touch(v); } break;
            case JsonArray a: foreach (var v in a) { if (v is not null) Touch(v); } break;
            case JsonValue v: _ = v.GetValueKind(); break;
        }
    }
}
