using KubeMcp.Server.Formatting;

namespace KubeMcp.Tests.Server.Formatting;

public sealed class QuantitiesTests
{
    [Theory]
    [InlineData("250m", 0.25)]
    [InlineData("2", 2)]
    [InlineData("123456789n", 0.123456789)]
    [InlineData("1Ki", 1024)]
    [InlineData("512Mi", 536870912)]
    [InlineData("1.5Gi", 1610612736)]
    [InlineData("1G", 1000000000)]
    public void Parse_ReadsSuffixes(string text, double expected) =>
        Assert.Equal((decimal)expected, Quantities.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("12Qi")]
    public void Parse_RejectsNonQuantities(string? text) => Assert.Null(Quantities.Parse(text));

    [Fact]
    public void Format_PrintsMillicoresAndMebibytes()
    {
        Assert.Equal("250m", Quantities.FormatCpu(0.25m));
        Assert.Equal("512Mi", Quantities.FormatMemory(536870912m));
    }
}
