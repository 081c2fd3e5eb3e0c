using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class PodLogOptionsTests
{
    private static PodLogOptions Parse(string query) =>
        PodLogOptions.Parse(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)), "web-1");

    [Fact]
    public void Parse_ReadsEveryOption()
    {
        var options = Parse("?container=app&follow=true&previous=true&timestamps=true&tailLines=10&limitBytes=500&sinceSeconds=60");

        Assert.Equal(new PodLogOptions
        {
            Container = "app", Follow = true, Previous = true, Timestamps = true, TailLines = 10, LimitBytes = 500, SinceSeconds = 60,
        }, options);
        Assert.Equal(Instances.Start.AddSeconds(-60), options.Since(Instances.Start));
    }

    [Fact]
    public void Parse_EmptyQueryMeansTheWholeLogOfTheDefaultContainer()
    {
        var options = Parse("");

        Assert.Equal(new PodLogOptions(), options);
        Assert.Null(options.Since(Instances.Start));
    }

    [Fact]
    public void Parse_SinceTimeIsRfc3339()
    {
        var options = Parse("?sinceTime=2025-03-14T09:27:00Z");

        Assert.Equal(Instances.Start.AddSeconds(7), options.Since(DateTimeOffset.MaxValue));
    }

    [Theory]
    [InlineData("?tailLines=ten", "invalid value \"ten\" for tailLines: must be an integer")]
    [InlineData("?limitBytes=1.5", "invalid value \"1.5\" for limitBytes: must be an integer")]
    [InlineData("?follow=yes", "invalid value \"yes\" for follow: must be true or false")]
    [InlineData("?sinceTime=2025-03-14", "invalid value \"2025-03-14\" for sinceTime: must be an RFC 3339 time such as 2025-03-14T09:26:53Z")]
    public void Parse_MalformedValuesAreBadRequests(string query, string message)
    {
        var e = Assert.Throws<ApiException>(() => Parse(query));

        Assert.Equal(400, e.Code);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("?tailLines=-1", "PodLogOptions \"web-1\" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0")]
    [InlineData("?limitBytes=0", "PodLogOptions \"web-1\" is invalid: limitBytes: Invalid value: 0: must be greater than 0")]
    [InlineData("?sinceSeconds=0", "PodLogOptions \"web-1\" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0")]
    [InlineData("?sinceSeconds=5&sinceTime=2025-03-14T09:27:00Z", "PodLogOptions \"web-1\" is invalid: sinceSeconds: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified")]
    public void Parse_OutOfRangeValuesAreInvalid(string query, string message)
    {
        var e = Assert.Throws<ApiException>(() => Parse(query));

        Assert.Equal(422, e.Code);
        Assert.Equal(message, e.Message);
    }
}
