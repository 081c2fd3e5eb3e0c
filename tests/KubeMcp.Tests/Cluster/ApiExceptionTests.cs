using KubeMcp.Cluster.Api;

namespace KubeMcp.Tests.Cluster;

public sealed class ApiExceptionTests
{
    [Fact]
    public void Invalid_ListsEveryCauseInTheMessageAndDetails()
    {
        var error = ApiException.Invalid("Pod", "Bad_Name",
            [FieldError.Invalid("metadata.name", "Bad_Name", "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters"),
             FieldError.Required("spec.containers")]);

        var status = error.ToStatus();

        Assert.Equal(422, status["code"]!.GetValue<int>());
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.Contains("spec.containers: Required value", error.Message);
        Assert.Equal(2, status["details"]!["causes"]!.AsArray().Count);
    }
}
