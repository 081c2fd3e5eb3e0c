using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Authorization;

namespace KubeMcp.Tests.Cluster.Authorization;

public sealed class AccessReviewHandlerTests
{
    private static readonly UserInfo Reader = Users.ServiceAccount("default", "reader");

    private readonly AccessReviewHandler _handler = new(new RbacAuthorizer(InMemoryRbacSource.WithBootstrapPolicy(
        Rbac.RoleBinding("default", "reader-view", "ClusterRole", "view", Rbac.ServiceAccount("default", "reader")))));

    private static JsonObject Review(string kind, string spec) => JsonNode.Parse(
        $$"""{"kind":"{{kind}}","apiVersion":"authorization.k8s.io/v1","metadata":{"creationTimestamp":null},"spec":{{spec}}}""")!.AsObject();

    [Fact]
    public void SelfSubjectAccessReview_AllowsWhatTheRequesterMayDo()
    {
        var request = Review("SelfSubjectAccessReview", """{"resourceAttributes":{"namespace":"default","verb":"list","resource":"pods"}}""");

        var response = _handler.SelfSubjectAccessReview(request, Reader);

        Assert.True((bool)response["status"]!["allowed"]!);
        Assert.StartsWith("RBAC: allowed by RoleBinding \"reader-view/default\"", (string?)response["status"]!["reason"]);
        Assert.Equal("SelfSubjectAccessReview", (string?)response["kind"]);
        Assert.Equal("list", (string?)response["spec"]!["resourceAttributes"]!["verb"]);
        Assert.Null(request["status"]);
    }

    [Fact]
    public void SelfSubjectAccessReview_DeniedHasAllowedFalseAndNoReason()
    {
        var request = Review("SelfSubjectAccessReview", """{"resourceAttributes":{"namespace":"default","verb":"get","resource":"secrets","name":"db"}}""");

        var status = _handler.SelfSubjectAccessReview(request, Reader)["status"]!;

        Assert.False((bool)status["allowed"]!);
        Assert.Null(status["reason"]);
        Assert.Null(status["denied"]);
    }

    [Fact]
    public void SelfSubjectAccessReview_Subresource()
    {
        var request = Review("SelfSubjectAccessReview", """{"resourceAttributes":{"namespace":"default","verb":"get","resource":"pods","subresource":"log"}}""");

        Assert.True((bool)_handler.SelfSubjectAccessReview(request, Reader)["status"]!["allowed"]!);
    }

    [Fact]
    public void SelfSubjectAccessReview_NonResource()
    {
        var request = Review("SelfSubjectAccessReview", """{"nonResourceAttributes":{"path":"/version","verb":"get"}}""");

        Assert.True((bool)_handler.SelfSubjectAccessReview(request, Reader)["status"]!["allowed"]!);
    }

    [Theory]
    [InlineData("{}", "spec.resourceAttributes: Invalid value: null: exactly one of nonResourceAttributes or resourceAttributes must be specified")]
    [InlineData("""{"resourceAttributes":{"verb":"get"},"nonResourceAttributes":{"path":"/x","verb":"get"}}""", "cannot be specified in combination with resourceAttributes")]
    public void SelfSubjectAccessReview_InvalidSpec_Is422(string spec, string expected)
    {
        var error = Assert.Throws<ApiException>(() => _handler.SelfSubjectAccessReview(Review("SelfSubjectAccessReview", spec), Reader));

        Assert.Equal(422, error.Code);
        Assert.StartsWith("SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void SelfSubjectAccessReview_WithoutSpec_Is422()
    {
        var error = Assert.Throws<ApiException>(() => _handler.SelfSubjectAccessReview(new JsonObject(), Reader));

        Assert.Equal(422, error.Code);
    }

    [Fact]
    public void SelfSubjectAccessReview_WithNamedMetadata_Is422()
    {
        var request = Review("SelfSubjectAccessReview", """{"nonResourceAttributes":{"path":"/version","verb":"get"}}""");
        request["metadata"]!["name"] = "mine";

        var error = Assert.Throws<ApiException>(() => _handler.SelfSubjectAccessReview(request, Reader));

        Assert.Contains("metadata: Invalid value: ", error.Message);
        Assert.EndsWith("must be empty", error.Message);
    }

    [Fact]
    public void SubjectAccessReview_UsesTheGivenUserAndGroupsOnly()
    {
        var asUserOnly = Review("SubjectAccessReview",
            """{"user":"system:serviceaccount:default:reader","resourceAttributes":{"namespace":"default","verb":"list","resource":"pods"}}""");
        var discovery = Review("SubjectAccessReview", """{"user":"someone","nonResourceAttributes":{"path":"/api","verb":"get"}}""");
        var discoveryWithGroup = Review("SubjectAccessReview",
            """{"user":"someone","groups":["system:authenticated"],"nonResourceAttributes":{"path":"/api","verb":"get"}}""");

        Assert.True((bool)_handler.SubjectAccessReview(asUserOnly)["status"]!["allowed"]!);
        Assert.False((bool)_handler.SubjectAccessReview(discovery)["status"]!["allowed"]!);
        Assert.True((bool)_handler.SubjectAccessReview(discoveryWithGroup)["status"]!["allowed"]!);
    }

    [Fact]
    public void SubjectAccessReview_WithoutUserOrGroup_Is422()
    {
        var request = Review("SubjectAccessReview", """{"resourceAttributes":{"verb":"list","resource":"pods"}}""");

        var error = Assert.Throws<ApiException>(() => _handler.SubjectAccessReview(request));

        Assert.Contains("spec.user: Invalid value: \"\": at least one of user or group must be specified", error.Message);
    }

    [Fact]
    public void SubjectAccessReview_SystemMasters()
    {
        var request = Review("SubjectAccessReview", """{"user":"x","groups":["system:masters"],"resourceAttributes":{"verb":"delete","resource":"nodes"}}""");

        Assert.True((bool)_handler.SubjectAccessReview(request)["status"]!["allowed"]!);
    }

    [Fact]
    public void LocalSubjectAccessReview_DefaultsAndChecksNamespace()
    {
        var request = Review("LocalSubjectAccessReview",
            """{"user":"system:serviceaccount:default:reader","resourceAttributes":{"namespace":"default","verb":"list","resource":"pods"}}""");

        var response = _handler.LocalSubjectAccessReview("default", request);

        Assert.True((bool)response["status"]!["allowed"]!);
        Assert.Equal("default", (string?)response["metadata"]!["namespace"]);
        var mismatch = Assert.Throws<ApiException>(() => _handler.LocalSubjectAccessReview("other", request));
        Assert.Contains("spec.resourceAttributes.namespace: Invalid value: \"default\": must match metadata.namespace", mismatch.Message);
    }

    [Fact]
    public void LocalSubjectAccessReview_RejectsNonResourceAttributes()
    {
        var request = Review("LocalSubjectAccessReview", """{"user":"u","nonResourceAttributes":{"path":"/version","verb":"get"}}""");

        var error = Assert.Throws<ApiException>(() => _handler.LocalSubjectAccessReview("default", request));

        Assert.Contains("disallowed on this kind of request", error.Message);
    }

    [Fact]
    public void SelfSubjectRulesReview_ListsResourceAndNonResourceRules()
    {
        var request = Review("SelfSubjectRulesReview", """{"namespace":"default"}""");

        var status = _handler.SelfSubjectRulesReview(request, Reader)["status"]!;

        Assert.False((bool)status["incomplete"]!);
        var resourceRules = status["resourceRules"]!.AsArray();
        Assert.Contains(resourceRules, r => r!["resources"]!.AsArray().Any(x => (string?)x == "pods") &&
            r["verbs"]!.AsArray().Any(v => (string?)v == "list"));
        Assert.All(resourceRules, r => Assert.Null(r!["nonResourceURLs"]));
        Assert.Contains(status["nonResourceRules"]!.AsArray(), r => r!["nonResourceURLs"]!.AsArray().Any(u => (string?)u == "/version"));
    }

    [Fact]
    public void SelfSubjectRulesReview_InAnotherNamespace_HasOnlyClusterWideRules()
    {
        var request = Review("SelfSubjectRulesReview", """{"namespace":"other"}""");

        var rules = _handler.SelfSubjectRulesReview(request, Reader)["status"]!["resourceRules"]!.AsArray();

        Assert.DoesNotContain(rules, r => r!["resources"]!.AsArray().Any(x => (string?)x == "pods"));
        Assert.Contains(rules, r => r!["resources"]!.AsArray().Any(x => (string?)x == "selfsubjectaccessreviews"));
    }

    [Fact]
    public void SelfSubjectRulesReview_WithoutNamespace_IsBadRequest()
    {
        var error = Assert.Throws<ApiException>(() => _handler.SelfSubjectRulesReview(Review("SelfSubjectRulesReview", "{}"), Reader));

        Assert.Equal(400, error.Code);
        Assert.Equal("no namespace on request", error.Message);
    }
}
