using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Server.Audit;

namespace KubeMcp.Tests.Server.Audit;

public sealed class AuditLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubemcp-audit-").FullName;

    private string LogPath => Path.Combine(_dir, "audit.jsonl");

    private static AuditRecord Record(int i) => new()
    {
        Time = DateTimeOffset.UnixEpoch.AddSeconds(i),
        Session = "s1",
        Caller = "alice",
        Tool = "pods_delete",
        Arguments = new JsonObject { ["name"] = $"web-{i}" },
        Decision = "allowed",
        Outcome = "ok",
        DurationMs = 1.5,
        ResultChars = 10,
    };

    [Fact]
    public void Write_AppendsOneParsableLinePerRecord()
    {
        using (var log = new AuditLog(new AuditLogOptions { Path = LogPath }))
        {
            log.Write(Record(1));
            log.Write(Record(2));
            // Readable while still open: each record is flushed as it is written.
            Assert.Equal(2, AuditLog.ReadAll(LogPath).Count);
        }

        var first = JsonNode.Parse(File.ReadLines(LogPath).First())!;
        Assert.Equal("alice", first["caller"]!.GetValue<string>());
        Assert.Equal("web-1", first["arguments"]!["name"]!.GetValue<string>());
        Assert.Equal("pods_delete", first["tool"]!.GetValue<string>());
        Assert.Null(first["approvedBy"]);
    }

    [Fact]
    public void Write_RotatesBySizeWithoutLosingARecord()
    {
        using (var log = new AuditLog(new AuditLogOptions { Path = LogPath, MaxBytes = 1000, MaxFiles = 50 }))
        {
            for (var i = 0; i < 100; i++)
            {
                log.Write(Record(i));
            }
        }

        Assert.True(File.Exists(LogPath + ".1"));
        Assert.All(Directory.GetFiles(_dir), f => Assert.True(new FileInfo(f).Length <= 1000, $"{f} is larger than the limit"));
        var names = AuditLog.ReadAll(LogPath, 50).Select(l => JsonNode.Parse(l)!["arguments"]!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"web-{i}"), names);
    }

    [Fact]
    public void Write_KeepsOnlyMaxFilesRotatedFiles()
    {
        using (var log = new AuditLog(new AuditLogOptions { Path = LogPath, MaxBytes = 500, MaxFiles = 2 }))
        {
            for (var i = 0; i < 50; i++)
            {
                log.Write(Record(i));
            }
        }

        Assert.Equal(3, Directory.GetFiles(_dir).Length);
        Assert.False(File.Exists(LogPath + ".3"));
    }

    [Fact]
    public async Task Write_ConcurrentWritersNeverInterleaveLines()
    {
        using (var log = new AuditLog(new AuditLogOptions { Path = LogPath, MaxBytes = 20_000, MaxFiles = 100 }))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < 200; i++)
                {
                    log.Write(Record(t * 1000 + i));
                }
            }, TestContext.Current.CancellationToken)));
        }

        var lines = AuditLog.ReadAll(LogPath, 100);
        Assert.Equal(1600, lines.Count);
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
