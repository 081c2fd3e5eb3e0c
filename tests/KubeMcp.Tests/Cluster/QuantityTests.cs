using System.Globalization;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Tests.Cluster;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("100m", "0.1")]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("1Ki", "1024")]
    [InlineData("1.5Gi", "1610612736")]
    [InlineData("2e3", "2000")]
    [InlineData("5E-2", "0.05")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("1E", "1000000000000000000")]
    [InlineData("128M", "128000000")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("-1", "-1")]
    public void TryParse_ReadsSuffixes(string text, string expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("ten")]
    [InlineData("Mi")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("10XB")]
    [InlineData("10MB")]
    [InlineData("1e")]
    [InlineData("1e99")]
    [InlineData("5e99")]
    [InlineData("1e-21")]
    [InlineData("1 Gi")]
    [InlineData(" 10Mi")]
    [InlineData("1Gi\n")]
    public void TryParse_RejectsMalformedQuantities(string? text) => Assert.False(Quantity.TryParse(text, out _));

    [Theory]
    [InlineData("")]
    [InlineData("Mi")]
    [InlineData("10MB")]
    [InlineData("5e99")]
    public void Parse_RejectsMalformedQuantitiesWithAnExample(string text)
    {
        var error = Assert.Throws<FormatException>(() => Quantity.Parse(text));
        Assert.Contains("128Mi", error.Message);
        Assert.Contains(Quantity.FormatError, error.Message);
    }

    [Theory]
    [InlineData("100Mi", 104857600)]
    [InlineData("1Gi", 1073741824)]
    [InlineData("250M", 250000000)]
    [InlineData("128974848", 128974848)]
    [InlineData("1.5Gi", 1610612736)]
    [InlineData("129e6", 129000000)]
    [InlineData("64Ki", 65536)]
    [InlineData("1500m", 2)]
    public void ParseBytes_ReadsBinaryDecimalAndExponentSuffixesRoundingUp(string text, long expected) =>
        Assert.Equal(expected, Quantity.ParseBytes(text));

    [Theory]
    [InlineData("500m", 500)]
    [InlineData("2", 2000)]
    [InlineData("0.25", 250)]
    [InlineData("100u", 1)]
    public void ParseMillicores_RoundsUpToWholeMillicores(string text, long expected) =>
        Assert.Equal(expected, Quantity.ParseMillicores(text));

    [Theory]
    [InlineData("128Mi", 134217728, 134217728000)]
    [InlineData("250m", 1, 250)]
    [InlineData(null, 0, 0)]
    [InlineData("", 0, 0)]
    [InlineData("lots", 0, 0)]
    [InlineData("1 Gi", 0, 0)]
    public void OrZero_ReadsLikeParseAndTreatsAbsentOrMalformedAsZero(string? text, long bytes, long millicores)
    {
        Assert.Equal(bytes, Quantity.BytesOrZero(text));
        Assert.Equal(millicores, Quantity.MillicoresOrZero(text));
    }

    [Fact]
    public void ValueOrZero_KeepsFractionsAndTreatsMalformedAsZero()
    {
        Assert.Equal(0.25m, Quantity.ValueOrZero("250m"));
        Assert.Equal(0m, Quantity.ValueOrZero("250 m"));
    }

    [Theory]
    [InlineData(268435456, "256Mi")]
    [InlineData(1073741824, "1Gi")]
    [InlineData(1000, "1000")]
    public void FormatBytes_UsesTheLargestExactBinaryUnit(long bytes, string expected) =>
        Assert.Equal(expected, Quantity.FormatBytes(bytes));
}
