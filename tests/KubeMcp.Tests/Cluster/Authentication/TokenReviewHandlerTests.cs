using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.Tests.Cluster.Authentication;

public sealed class TokenReviewHandlerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TokenAuthenticator _authenticator = new("admin-token", Encoding.UTF8.GetBytes("cluster-signing-key"));
    private readonly FakeTimeProvider _time = new(Now);

    private TokenReviewHandler Handler() => new(_authenticator, _time);

    private static JsonObject Review(string token, params string[] audiences)
    {
        var spec = new JsonObject { ["token"] = token };
        if (audiences.Length > 0)
        {
            spec["audiences"] = new JsonArray(audiences.Select(a => (JsonNode?)a).ToArray());
        }
        return new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "TokenReview", ["spec"] = spec };
    }

    [Fact]
    public void Review_ValidServiceAccountToken_ReturnsTheUser()
    {
        var token = _authenticator.Issue("apps", "deployer", "uid-9", null, 3600, Now);

        var status = Handler().Review(Review(token))["status"]!;

        Assert.True((bool)status["authenticated"]!);
        Assert.Equal("system:serviceaccount:apps:deployer", (string?)status["user"]!["username"]);
        Assert.Equal("uid-9", (string?)status["user"]!["uid"]);
        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:apps", "system:authenticated"],
            status["user"]!["groups"]!.AsArray().Select(g => (string?)g));
        Assert.Equal("https://kubernetes.default.svc.cluster.local", (string?)status["audiences"]![0]);
        Assert.NotNull(status["user"]!["extra"]!["authentication.kubernetes.io/credential-id"]);
    }

    [Fact]
    public void Review_ExpiredToken_ReportsTheError()
    {
        var token = _authenticator.Issue("apps", "deployer", "uid-9", null, 600, Now);
        _time.Advance(TimeSpan.FromHours(1));

        var status = Handler().Review(Review(token))["status"]!;

        Assert.Null(status["authenticated"]);
        Assert.Equal("service account token has expired", (string?)status["error"]);
        Assert.Empty(status["user"]!.AsObject());
    }

    [Fact]
    public void Review_UnknownToken_IsNotAuthenticated()
    {
        var response = Handler().Review(Review("who-knows"));

        Assert.Null(response["status"]!["authenticated"]);
        Assert.Equal("who-knows", (string?)response["spec"]!["token"]);
    }

    [Fact]
    public void Review_WithAudiences_ChecksThem()
    {
        var token = _authenticator.Issue("apps", "deployer", "uid-9", ["vault"], 3600, Now);

        var forVault = Handler().Review(Review(token, "vault"))["status"]!;
        var forApi = Handler().Review(Review(token))["status"]!;

        Assert.True((bool)forVault["authenticated"]!);
        Assert.Equal("vault", (string?)forVault["audiences"]![0]);
        Assert.Null(forApi["authenticated"]);
    }

    [Fact]
    public void Review_WithoutToken_IsBadRequest()
    {
        var error = Assert.Throws<ApiException>(() => Handler().Review(new JsonObject { ["spec"] = new JsonObject() }));

        Assert.Equal(400, error.Code);
        Assert.Equal("token is required for TokenReview in authentication.k8s.io", error.Message);
    }

    [Fact]
    public void Review_WrongTypedToken_IsBadRequest()
    {
        var request = new JsonObject { ["spec"] = new JsonObject { ["token"] = 42 } };

        Assert.Equal(400, Assert.Throws<ApiException>(() => Handler().Review(request)).Code);
    }

    [Fact]
    public void SelfSubjectReview_ReturnsTheRequester()
    {
        var user = UserInfo.Create("alice", "u-1", ["devs", "system:authenticated"]);

        var response = SelfSubjectReviewHandler.Review(new JsonObject(), user, Now);

        Assert.Equal("SelfSubjectReview", (string?)response["kind"]);
        Assert.Equal("alice", (string?)response["status"]!["userInfo"]!["username"]);
        Assert.Equal("2025-03-01T12:00:00Z", (string?)response["metadata"]!["creationTimestamp"]);
    }
}
