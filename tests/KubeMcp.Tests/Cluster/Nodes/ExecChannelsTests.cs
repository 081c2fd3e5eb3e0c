using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class ExecChannelsTests
{
    [Theory]
    [InlineData(new[] { "v5.channel.k8s.io", "v4.channel.k8s.io" }, "v5.channel.k8s.io")]
    [InlineData(new[] { "v4.channel.k8s.io" }, "v4.channel.k8s.io")]
    [InlineData(new[] { "v4.channel.k8s.io, v5.channel.k8s.io" }, "v5.channel.k8s.io")]
    [InlineData(new[] { "channel.k8s.io", "base64.channel.k8s.io" }, null)]
    [InlineData(new string[0], null)]
    public void Negotiate_PicksTheNewestProtocolBothSpeak(string[] requested, string? expected)
    {
        Assert.Equal(expected, ExecChannels.Negotiate(requested));
    }

    [Fact]
    public void ExitStatus_SuccessAndTheKubeletsNonZeroExitCode()
    {
        Assert.Equal("""{"metadata":{},"status":"Success"}""", ExecChannels.ExitStatus(0, ["ls"]).ToJsonString());
        Assert.Equal(
            """{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}""",
            ExecChannels.ExitStatus(3, ["sh", "-c", "exit 3"]).ToJsonString());
    }

    [Fact]
    public void Frame_PrefixesTheChannel()
    {
        Assert.Equal(new byte[] { 2, (byte)'e', (byte)'r', (byte)'r' }, ExecChannels.Frame(ExecChannels.Stderr, "err"u8));
        Assert.Equal(new byte[] { 1 }, ExecChannels.Frame(ExecChannels.Stdout, []));
    }
}
