using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class NodeLogQueryTests
{
    private static NodeLogQuery Parse(string query) => NodeLogQuery.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));

    [Fact]
    public void Parse_ReadsServicesTailWindowAndPattern()
    {
        var query = Parse("?query=kubelet&query=containerd&tailLines=50&sinceTime=2025-03-14T09:00:00Z&pattern=Back-off");

        Assert.Equal(["kubelet", "containerd"], query.Services);
        Assert.Equal(50, query.TailLines);
        Assert.True(query.Matches(new JournalEntry(Instances.Start, "kubelet", "Back-off restarting failed container")));
        Assert.False(query.Matches(new JournalEntry(Instances.Start, "kubelet", "Started container")));
        Assert.False(query.Matches(new JournalEntry(Instances.Start.AddHours(-1), "kubelet", "Back-off")));
    }

    [Theory]
    [InlineData("?query=../../etc/shadow")]
    [InlineData("?query=/var/log/kubelet.log")]
    [InlineData("?query=kubelet%00")]
    [InlineData("?query=")]
    [InlineData("?query=.hidden")]
    [InlineData("?query=kubelet&tailLines=-5")]
    [InlineData("?query=kubelet&tailLines=lots")]
    [InlineData("?query=kubelet&tailLines=100001")]
    [InlineData("?query=kubelet&pattern=(unclosed")]
    [InlineData("?query=kubelet&sinceTime=yesterday")]
    [InlineData("?query=kubelet&sinceTime=2025-03-14T10:00:00Z&untilTime=2025-03-14T09:00:00Z")]
    public void Parse_RejectsMalformedOrUnsafeQueries(string query)
    {
        var e = Assert.Throws<ApiException>(() => Parse(query));

        Assert.Equal(400, e.Code);
    }
}
