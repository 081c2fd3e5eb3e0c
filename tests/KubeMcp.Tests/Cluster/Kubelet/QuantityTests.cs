using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("100Mi", 104857600)]
    [InlineData("1Gi", 1073741824)]
    [InlineData("250M", 250000000)]
    [InlineData("128974848", 128974848)]
    [InlineData("1.5Gi", 1610612736)]
    [InlineData("129e6", 129000000)]
    [InlineData("64Ki", 65536)]
    public void ParseBytes_ReadsBinaryDecimalAndExponentSuffixes(string text, long expected) =>
        Assert.Equal(expected, Quantity.ParseBytes(text));

    [Theory]
    [InlineData("500m", 500)]
    [InlineData("2", 2000)]
    [InlineData("0.25", 250)]
    [InlineData("100u", 1)]
    public void ParseMillicores_RoundsUpToWholeMillicores(string text, long expected) =>
        Assert.Equal(expected, Quantity.ParseMillicores(text));

    [Theory]
    [InlineData("")]
    [InlineData("Mi")]
    [InlineData("10MB")]
    [InlineData("1.2.3")]
    [InlineData(" 10Mi")]
    [InlineData("ten")]
    [InlineData("5e99")]
    public void Parse_RejectsMalformedQuantities(string text)
    {
        Assert.False(Quantity.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => Quantity.Parse(text));
        Assert.Contains("128Mi", error.Message);
    }

    [Theory]
    [InlineData(268435456, "256Mi")]
    [InlineData(1073741824, "1Gi")]
    [InlineData(1000, "1000")]
    public void FormatBytes_UsesTheLargestExactBinaryUnit(long bytes, string expected) =>
        Assert.Equal(expected, Quantity.FormatBytes(bytes));
}
