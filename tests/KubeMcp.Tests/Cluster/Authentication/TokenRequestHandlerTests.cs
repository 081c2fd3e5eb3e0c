using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.Tests.Cluster.Authentication;

public sealed class TokenRequestHandlerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeObjectLookup _objects = new FakeObjectLookup()
        .Add("serviceaccounts", "default", "builder", "sa-uid")
        .Add("pods", "default", "web-1", "pod-uid", new JsonObject { ["serviceAccountName"] = "builder", ["nodeName"] = "node-1" })
        .Add("pods", "default", "other", "pod-uid-2", new JsonObject { ["serviceAccountName"] = "default" })
        .Add("nodes", null, "node-1", "node-uid");
    private readonly TokenAuthenticator _authenticator;
    private readonly TokenRequestHandler _handler;

    public TokenRequestHandlerTests()
    {
        _authenticator = new TokenAuthenticator("admin", Encoding.UTF8.GetBytes("key"), _objects);
        _handler = new TokenRequestHandler(_authenticator, _objects, new FakeTimeProvider(Now));
    }

    private static JsonObject Request(string spec = "{}") =>
        JsonNode.Parse($$"""{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{{spec}}}""")!.AsObject();

    [Fact]
    public void Create_DefaultsToOneHourForTheApiServer()
    {
        var response = _handler.Create("default", "builder", Request());

        Assert.Equal("TokenRequest", (string?)response["kind"]);
        Assert.Equal("builder", (string?)response["metadata"]!["name"]);
        Assert.Equal("default", (string?)response["metadata"]!["namespace"]);
        Assert.Equal(3600, (long)response["spec"]!["expirationSeconds"]!);
        Assert.Equal("https://kubernetes.default.svc.cluster.local", (string?)response["spec"]!["audiences"]![0]);
        Assert.Equal("2025-03-01T13:00:00Z", (string?)response["status"]!["expirationTimestamp"]);
        var user = _authenticator.Authenticate((string)response["status"]!["token"]!, Now)!;
        Assert.Equal("system:serviceaccount:default:builder", user.Name);
        Assert.Equal("sa-uid", user.Uid);
    }

    [Fact]
    public void Create_HonoursDurationAndAudiences()
    {
        var response = _handler.Create("default", "builder", Request("""{"audiences":["vault"],"expirationSeconds":7200}"""));

        var token = (string)response["status"]!["token"]!;
        Assert.Equal("2025-03-01T14:00:00Z", (string?)response["status"]!["expirationTimestamp"]);
        Assert.True(_authenticator.AuthenticateToken(token, Now, ["vault"]).Authenticated);
        Assert.False(_authenticator.AuthenticateToken(token, Now).Authenticated);
    }

    [Theory]
    [InlineData(60, "spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes")]
    [InlineData(5000000000, "may not specify a duration larger than 2^32 seconds")]
    public void Create_OutOfRangeDuration_IsInvalid(long seconds, string expected)
    {
        var error = Assert.Throws<ApiException>(() => _handler.Create("default", "builder", Request($$"""{"expirationSeconds":{{seconds}}}""")));

        Assert.Equal(422, error.Code);
        Assert.StartsWith("TokenRequest.authentication.k8s.io \"builder\" is invalid: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Create_NonNumericDuration_IsBadRequest()
    {
        var error = Assert.Throws<ApiException>(() => _handler.Create("default", "builder", Request("""{"expirationSeconds":"soon"}""")));

        Assert.Equal(400, error.Code);
    }

    [Fact]
    public void Create_MissingServiceAccount_IsNotFound()
    {
        var error = Assert.Throws<ApiException>(() => _handler.Create("default", "ghost", Request()));

        Assert.Equal(404, error.Code);
        Assert.Equal("serviceaccounts \"ghost\" not found", error.Message);
    }

    [Fact]
    public void Create_MismatchedName_IsInvalid()
    {
        var request = Request();
        request["metadata"] = new JsonObject { ["name"] = "someone-else" };

        var error = Assert.Throws<ApiException>(() => _handler.Create("default", "builder", request));

        Assert.Contains("metadata.name: Invalid value: \"someone-else\": must match the service account name if specified", error.Message);
    }

    [Fact]
    public void Create_BoundToPod_AddsPodAndNodeClaims()
    {
        var response = _handler.Create("default", "builder",
            Request("""{"boundObjectRef":{"kind":"Pod","apiVersion":"v1","name":"web-1","uid":"pod-uid"}}"""));

        var user = _authenticator.Authenticate((string)response["status"]!["token"]!, Now)!;
        Assert.Equal(["web-1"], user.Extra["authentication.kubernetes.io/pod-name"]);
        Assert.Equal(["node-uid"], user.Extra["authentication.kubernetes.io/node-uid"]);
        Assert.Equal("web-1", (string?)response["spec"]!["boundObjectRef"]!["name"]);

        _objects.Remove("pods", "default", "web-1");
        Assert.Null(_authenticator.Authenticate((string)response["status"]!["token"]!, Now));
    }

    [Fact]
    public void Create_BoundToPodOfAnotherServiceAccount_IsBadRequest()
    {
        var error = Assert.Throws<ApiException>(() => _handler.Create("default", "builder",
            Request("""{"boundObjectRef":{"kind":"Pod","apiVersion":"v1","name":"other"}}""")));

        Assert.Equal(400, error.Code);
        Assert.Equal("cannot bind token for serviceaccount \"builder\" to pod running with different serviceaccount name.", error.Message);
    }

    [Fact]
    public void Create_BoundObjectUidMismatch_IsConflict()
    {
        var error = Assert.Throws<ApiException>(() => _handler.Create("default", "builder",
            Request("""{"boundObjectRef":{"kind":"Pod","apiVersion":"v1","name":"web-1","uid":"stale"}}""")));

        Assert.Equal(409, error.Code);
    }

    [Theory]
    [InlineData("""{"kind":"Deployment","apiVersion":"apps/v1","name":"web"}""", "cannot bind token to object of type apps/v1, Kind=Deployment")]
    [InlineData("""{"kind":"ConfigMap","apiVersion":"v1","name":"x"}""", "cannot bind token to object of type /v1, Kind=ConfigMap")]
    [InlineData("""{"name":"x"}""", "cannot bind token to object of type /, Kind=")]
    public void Create_UnsupportedBinding_IsBadRequest(string reference, string expected)
    {
        var error = Assert.Throws<ApiException>(() => _handler.Create("default", "builder", Request($$"""{"boundObjectRef":{{reference}}}""")));

        Assert.Equal(400, error.Code);
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Create_BoundToMissingSecret_IsNotFound()
    {
        var error = Assert.Throws<ApiException>(() => _handler.Create("default", "builder",
            Request("""{"boundObjectRef":{"kind":"Secret","apiVersion":"v1","name":"gone"}}""")));

        Assert.Equal("secrets \"gone\" not found", error.Message);
    }
}
