using KubeMcp.Server.Hosting;

namespace KubeMcp.Tests.Server.Hosting;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("99999")]
    [InlineData("-1")]
    public void Port_OutOfRange_IsAParseErrorThatSaysWhatIsAllowed(string port)
    {
        var result = ServeCommand.CreateRoot().Parse(["--port", port]);

        var error = Assert.Single(result.Errors);
        Assert.Equal($"--port must be a TCP port from 1 to 65535, or 0 to pick a free one; got {port}.", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("8080")]
    public void Port_InRange_Parses(string port) =>
        Assert.Empty(ServeCommand.CreateRoot().Parse(["--port", port]).Errors);
}
