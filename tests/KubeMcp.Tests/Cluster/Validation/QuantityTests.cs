using KubeMcp.Cluster.Validation;

namespace KubeMcp.Tests.Cluster.Validation;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("100m", "0.1")]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("1Ki", "1024")]
    [InlineData("1.5Gi", "1610612736")]
    [InlineData("2e3", "2000")]
    [InlineData("128M", "128000000")]
    [InlineData(".5", "0.5")]
    public void TryParse_ReadsSuffixes(string text, string expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("10XB")]
    [InlineData("1e99")]
    [InlineData("1 Gi")]
    [InlineData("1Gi\n")]
    public void TryParse_RejectsMalformedQuantities(string? text) => Assert.False(Quantity.TryParse(text, out _));
}
