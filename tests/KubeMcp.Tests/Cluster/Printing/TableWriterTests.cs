using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Printing;

namespace KubeMcp.Tests.Cluster.Printing;

public sealed class TableWriterTests
{
    private static readonly JsonObject Running = Printed.Parse("""
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"a","namespace":"default","resourceVersion":"42","labels":{"app":"web"},"creationTimestamp":"2025-03-01T11:00:00Z"},
         "spec":{"nodeName":"n1","containers":[{"name":"c","image":"nginx"}]},
         "status":{"phase":"Running","podIP":"10.0.0.1","containerStatuses":[{"name":"c","ready":true,"restartCount":2,
           "state":{"running":{"startedAt":"2025-03-01T11:00:00Z"}},
           "lastState":{"terminated":{"exitCode":1,"finishedAt":"2025-03-01T11:30:00Z"}}}]}}
        """);

    private static readonly JsonObject Succeeded = Printed.Parse("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"b","namespace":"default"},"spec":{},"status":{"phase":"Succeeded"}}
        """);

    private static readonly JsonObject WithoutMetadata = Printed.Parse("""{"apiVersion":"v1","kind":"Pod"}""");

    private static async Task<string> WriteAsync(ResourceType type, IReadOnlyList<JsonObject> items, IncludeObject include,
        string? resourceVersion, string? continueToken, long? remaining)
    {
        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream))
        {
            await TableWriter.WriteAsync(writer, type, items, Printed.Now, include, resourceVersion, continueToken, remaining,
                TestContext.Current.CancellationToken);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData("None")]
    [InlineData("Metadata")]
    [InlineData("Object")]
    public async Task WriteAsync_WritesWhatToTableBuilds(string includeName)
    {
        var include = Enum.Parse<IncludeObject>(includeName);
        var pods = Printed.Type("pods");
        JsonObject[] items = [Running, Succeeded, WithoutMetadata];

        var written = await WriteAsync(pods, items, include, "100", "token", 5);

        Assert.Equal(TablePrinter.ToTable(pods, items, Printed.Now, include, "100", "token", 5).ToJsonString(), written);
    }

    [Fact]
    public async Task WriteAsync_ManyRowsAcrossFlushes_MatchesToTable()
    {
        var nodes = Printed.Type("nodes");
        var items = Enumerable.Range(0, 600).Select(i => Printed.Parse(
            $$$"""{"apiVersion":"v1","kind":"Node","metadata":{"name":"n{{{i}}}","creationTimestamp":"2025-03-01T10:00:00Z"}}""")).ToList();

        var written = await WriteAsync(nodes, items, IncludeObject.Metadata, null, null, null);

        Assert.Equal(TablePrinter.ToTable(nodes, items, Printed.Now, IncludeObject.Metadata, null, null, null).ToJsonString(), written);
    }

    [Fact]
    public async Task WriteAsync_IntoAPipe_FlushesThePipeEveryFewHundredRows()
    {
        var nodes = Printed.Type("nodes");
        var items = Enumerable.Range(0, 600).Select(i => Printed.Parse(
            $$$"""{"apiVersion":"v1","kind":"Node","metadata":{"name":"n{{{i}}}","creationTimestamp":"2025-03-01T10:00:00Z"}}""")).ToList();
        var pipe = new RecordingPipeWriter();

        await using (var writer = new Utf8JsonWriter(pipe))
        {
            await TableWriter.WriteAsync(writer, nodes, items, Printed.Now, IncludeObject.None, null, null, null,
                TestContext.Current.CancellationToken, pipe);
        }

        // Rows 256 and 512 end a batch: the pipe was flushed twice while the table was still being written.
        Assert.Equal(2, pipe.CommittedAtFlush.Count);
        Assert.True(pipe.CommittedAtFlush[0] > 0 && pipe.CommittedAtFlush[0] < pipe.CommittedAtFlush[1]);
        Assert.True(pipe.CommittedAtFlush[1] < pipe.Written.Length);
        Assert.Equal(TablePrinter.ToTable(nodes, items, Printed.Now, IncludeObject.None, null, null, null).ToJsonString(),
            System.Text.Encoding.UTF8.GetString(pipe.Written));
    }
}
