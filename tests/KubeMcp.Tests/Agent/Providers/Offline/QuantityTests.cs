using KubeMcp.Agent.Providers.Offline;

namespace KubeMcp.Tests.Agent.Providers.Offline;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("901Mi", 901d * 1024 * 1024)]
    [InlineData("1.5Gi", 1.5 * 1024 * 1024 * 1024)]
    [InlineData("250m", 0.25)]
    [InlineData("2", 2d)]
    [InlineData(" 3k ", 3000d)]
    public void Parse_ReadsQuantities(string text, double expected) => Assert.Equal(expected, Quantity.Parse(text)!.Value, 6);

    [Theory]
    [InlineData("")]
    [InlineData("Mi")]
    [InlineData("abc")]
    [InlineData("-5Mi")]
    [InlineData("1,5Gi")]
    [InlineData("<unknown>")]
    public void Parse_MalformedIsNull(string text) => Assert.Null(Quantity.Parse(text));
}
