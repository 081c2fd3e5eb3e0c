using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class NodeLogEndpointTests
{
    [Fact]
    public void Segments_DecodesNamesUnderVarLog()
    {
        Assert.Equal(["containers", "web_shop_nginx-01.log"], NodeLogEndpoint.Segments(["containers", "web_shop_nginx-01.log"]));
        Assert.Equal(["kubelet.log"], NodeLogEndpoint.Segments(["kubelet%2Elog"]));
        Assert.Empty(NodeLogEndpoint.Segments([]));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("%2E%2E")]
    [InlineData("..%2F..%2Fetc%2Fshadow")]
    [InlineData("containers%2F..%2Fkubelet.log")]
    [InlineData("a%5Cb")]
    [InlineData("kubelet%00.log")]
    [InlineData(".")]
    public void Segments_RefuseAnythingThatCouldLeaveVarLog(string segment)
    {
        var e = Assert.Throws<ApiException>(() => NodeLogEndpoint.Segments(["containers", segment]));

        Assert.Equal(400, e.Code);
        Assert.Contains("without '..' or encoded separators", e.Message);
    }
}
