using KubeMcp.Server.Tools.Pods;

namespace KubeMcp.Tests.Server.Tools;

public sealed class PodsLogToolTests
{
    [Fact]
    public void KeepNewest_KeepsTheEndAtALineBoundary()
    {
        var log = string.Concat(Enumerable.Range(0, 100).Select(i => $"line {i:D3}\n"));

        var kept = PodsLogTool.KeepNewest(log, 50);

        Assert.StartsWith("[", kept);
        Assert.Contains("earlier lines not shown", kept);
        Assert.EndsWith("line 099\n", kept);
        var body = kept[(kept.IndexOf('\n') + 1)..];
        Assert.True(body.Length <= 50);
        Assert.StartsWith("line ", body);
    }

    [Fact]
    public void KeepNewest_ShortLogsAreUntouched() => Assert.Equal("a\nb\n", PodsLogTool.KeepNewest("a\nb\n", 100));
}
