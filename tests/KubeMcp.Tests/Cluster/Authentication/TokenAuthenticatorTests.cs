using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Authentication;

namespace KubeMcp.Tests.Cluster.Authentication;

public sealed class TokenAuthenticatorTests
{
    private const string AdminToken = "admin-secret-token";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeObjectLookup _objects = new FakeObjectLookup().Add("serviceaccounts", "default", "reader", "sa-uid-1");

    private TokenAuthenticator Authenticator() => new(AdminToken, Key, _objects);

    private string ReaderToken(TokenAuthenticator authenticator, long seconds = 3600, IReadOnlyList<string>? audiences = null) =>
        authenticator.Issue("default", "reader", "sa-uid-1", audiences, seconds, Now);

    private static JsonObject Payload(string token) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();

    [Fact]
    public void Issue_WritesTheClaimsOfAProjectedServiceAccountToken()
    {
        var token = ReaderToken(Authenticator());

        var payload = Payload(token);
        Assert.Equal("https://kubernetes.default.svc.cluster.local", (string?)payload["iss"]);
        Assert.Equal("system:serviceaccount:default:reader", (string?)payload["sub"]);
        Assert.Equal(["https://kubernetes.default.svc.cluster.local"], payload["aud"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(Now.ToUnixTimeSeconds(), (long)payload["iat"]!);
        Assert.Equal(Now.ToUnixTimeSeconds(), (long)payload["nbf"]!);
        Assert.Equal(Now.ToUnixTimeSeconds() + 3600, (long)payload["exp"]!);
        Assert.Equal("default", (string?)payload["kubernetes.io"]!["namespace"]);
        Assert.Equal("reader", (string?)payload["kubernetes.io"]!["serviceaccount"]!["name"]);
        Assert.Equal("sa-uid-1", (string?)payload["kubernetes.io"]!["serviceaccount"]!["uid"]);
        Assert.False(string.IsNullOrEmpty((string?)payload["jti"]));
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[0]))!;
        Assert.Equal("HS256", (string?)header["alg"]);
    }

    [Fact]
    public void Authenticate_IssuedToken_IsTheServiceAccountUser()
    {
        var authenticator = Authenticator();

        var user = authenticator.Authenticate(ReaderToken(authenticator), Now.AddMinutes(5));

        Assert.NotNull(user);
        Assert.Equal("system:serviceaccount:default:reader", user.Name);
        Assert.Equal("sa-uid-1", user.Uid);
        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"], user.Groups);
        Assert.StartsWith("JTI=", user.Extra["authentication.kubernetes.io/credential-id"][0]);
    }

    [Fact]
    public void Authenticate_PodBoundToken_CarriesPodAndNodeExtras()
    {
        var authenticator = new TokenAuthenticator(AdminToken, Key, _objects
            .Add("pods", "default", "web-1", "pod-uid")
            .Add("nodes", null, "node-1", "node-uid"));
        var token = authenticator.Issue("default", "reader", "sa-uid-1", null, 3600, Now,
            new TokenBinding(Pod: new BoundObject("web-1", "pod-uid"), Node: new BoundObject("node-1", "node-uid")));

        var user = authenticator.Authenticate(token, Now)!;

        Assert.Equal(["web-1"], user.Extra["authentication.kubernetes.io/pod-name"]);
        Assert.Equal(["pod-uid"], user.Extra["authentication.kubernetes.io/pod-uid"]);
        Assert.Equal(["node-1"], user.Extra["authentication.kubernetes.io/node-name"]);
    }

    [Fact]
    public void Authenticate_ExpiredToken_IsRejectedAfterTheLeeway()
    {
        var authenticator = Authenticator();
        var token = ReaderToken(authenticator, seconds: 600);

        Assert.NotNull(authenticator.Authenticate(token, Now.AddSeconds(650)));
        var result = authenticator.AuthenticateToken(token, Now.AddSeconds(661));

        Assert.False(result.Authenticated);
        Assert.Equal("service account token has expired", result.Error);
    }

    [Fact]
    public void Authenticate_TokenFromTheFuture_IsNotValidYet()
    {
        var authenticator = Authenticator();
        var token = authenticator.Issue("default", "reader", "sa-uid-1", null, 3600, Now.AddHours(1));

        var result = authenticator.AuthenticateToken(token, Now);

        Assert.Equal("service account token is not valid yet", result.Error);
    }

    [Fact]
    public void Authenticate_TamperedPayload_FailsTheSignatureCheck()
    {
        var authenticator = Authenticator();
        var parts = ReaderToken(authenticator).Split('.');
        var payload = Payload(string.Join('.', parts));
        payload["sub"] = "system:serviceaccount:kube-system:admin";
        payload["kubernetes.io"]!["namespace"] = "kube-system";
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        var result = authenticator.AuthenticateToken(forged, Now);

        Assert.Null(result.User);
        Assert.Equal("go-jose/go-jose: error in cryptographic primitive", result.Error);
    }

    [Fact]
    public void Authenticate_TokenSignedWithAnotherKey_IsRejected()
    {
        var other = new TokenAuthenticator(AdminToken, Encoding.UTF8.GetBytes("another cluster's signing key!!!"), _objects);

        Assert.Null(Authenticator().Authenticate(ReaderToken(other), Now));
    }

    [Fact]
    public void Authenticate_AlgNone_IsRejected()
    {
        var parts = ReaderToken(Authenticator()).Split('.');
        var none = Base64Url.EncodeToString("""{"alg":"none"}"""u8);

        var result = Authenticator().AuthenticateToken($"{none}.{parts[1]}.", Now);

        Assert.Null(result.User);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b")]
    [InlineData("a.b.c")]
    [InlineData("a.b.c.d")]
    [InlineData("...")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9..sig")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOjF9.sig")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.sig")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.W10.sig")]
    [InlineData("Bearer x")]
    [InlineData("\u00e9\u00e8.\u00e0.\u00fc")]
    public void Authenticate_MalformedTokens_AreNotOursAndNeverThrow(string token)
    {
        var result = Authenticator().AuthenticateToken(token, Now);

        Assert.False(result.Authenticated);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Authenticate_WrongSegmentCountWithOurIssuer_IsRejected()
    {
        var token = ReaderToken(Authenticator());

        Assert.Null(Authenticator().Authenticate(token + ".extra", Now));
        Assert.Null(Authenticator().Authenticate(token[..token.LastIndexOf('.')], Now));
        Assert.Null(Authenticator().Authenticate(token + "x", Now));
    }

    [Fact]
    public void Authenticate_DeletedServiceAccount_InvalidatesItsTokens()
    {
        var authenticator = Authenticator();
        var token = ReaderToken(authenticator);
        _objects.Remove("serviceaccounts", "default", "reader");

        Assert.Equal("serviceaccounts \"reader\" not found", authenticator.AuthenticateToken(token, Now).Error);

        _objects.Add("serviceaccounts", "default", "reader", "sa-uid-2");
        Assert.Equal("service account UID (sa-uid-2) does not match claim (sa-uid-1)", authenticator.AuthenticateToken(token, Now).Error);
    }

    [Fact]
    public void Authenticate_ServiceAccountBeingDeleted_IsRejectedAfterTheLeeway()
    {
        var authenticator = Authenticator();
        var token = ReaderToken(authenticator);
        _objects.Get("serviceaccounts", "default", "reader")["metadata"]!["deletionTimestamp"] = "2025-03-01T11:00:00Z";

        Assert.Equal("service account default/reader has been deleted", authenticator.AuthenticateToken(token, Now).Error);
    }

    [Fact]
    public void Authenticate_WrongAudience_IsRejected()
    {
        var authenticator = Authenticator();
        var token = ReaderToken(authenticator, audiences: ["vault"]);

        Assert.Null(authenticator.Authenticate(token, Now));
        var forVault = authenticator.AuthenticateToken(token, Now, ["vault", "other"]);
        Assert.True(forVault.Authenticated);
        Assert.Equal(["vault"], forVault.Audiences);
        Assert.Equal("token audiences [\"vault\"] is invalid for the target audiences [\"https://kubernetes.default.svc.cluster.local\"]",
            authenticator.AuthenticateToken(token, Now).Error);
    }

    [Fact]
    public void Authenticate_AdminToken_IsSystemMasters()
    {
        var user = Authenticator().Authenticate(AdminToken, Now)!;

        Assert.Equal("kubernetes-admin", user.Name);
        Assert.Contains("system:masters", user.Groups);
        Assert.Contains("system:authenticated", user.Groups);
    }

    [Fact]
    public void StaticTokens_CanBeAddedAndRemovedAtRuntime()
    {
        var authenticator = Authenticator();
        authenticator.AddStaticToken("alice-token", "alice", "alice-uid", ["devs"]);

        var alice = authenticator.Authenticate("alice-token", Now)!;
        Assert.Equal("alice", alice.Name);
        Assert.Equal("alice-uid", alice.Uid);
        Assert.Equal(["devs", "system:authenticated"], alice.Groups);

        Assert.True(authenticator.RemoveStaticToken("alice-token"));
        Assert.Null(authenticator.Authenticate("alice-token", Now));
        Assert.Null(authenticator.Authenticate("alice-token-other", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    public void AuthenticateRequest_WithoutBearerToken_IsAnonymous(string? header)
    {
        var result = Authenticator().AuthenticateRequest(header, Now);

        Assert.Equal("system:anonymous", result.User!.Name);
        Assert.Equal(["system:unauthenticated"], result.User.Groups);
    }

    [Fact]
    public void AuthenticateRequest_WithBadBearerToken_IsRejectedNotAnonymous()
    {
        var result = Authenticator().AuthenticateRequest("Bearer not-a-token", Now);

        Assert.Null(result.User);
        Assert.Equal("invalid bearer token", result.Error);
    }

    [Fact]
    public void AuthenticateRequest_BearerSchemeIsCaseInsensitive()
    {
        Assert.Equal("kubernetes-admin", Authenticator().AuthenticateRequest($"bearer {AdminToken}", Now).User!.Name);
    }

    [Fact]
    public void Constructor_RejectsEmptyKeyAndToken()
    {
        Assert.Throws<ArgumentException>(() => new TokenAuthenticator(AdminToken, []));
        Assert.Throws<ArgumentException>(() => new TokenAuthenticator("", Key));
    }
}
