using KubeMcp.Server.Policy;

namespace KubeMcp.Tests.Server.Policy;

public sealed class PolicyFileTests
{
    private const string Example = """
        protectedNamespaces: [kube-system, cert-manager]
        maxDeletionsPerSession: 3
        defaults: { read: allow, write: require-approval, destructive: deny }
        rules:
          - name: no-deletes-in-production
            effect: deny
            verbs: [delete]
            namespaces: [production]
            reason: production is managed by GitOps
          - effect: allow
            tools: ["resources_*"]
            kinds: [Secret]
            revealSecrets: true
        """;

    [Fact]
    public void Parse_ReadsEveryField()
    {
        var policy = PolicyFile.Parse(Example);

        Assert.Equal(["kube-system", "cert-manager"], policy.ProtectedNamespaces);
        Assert.Equal(3, policy.MaxDeletionsPerSession);
        Assert.Equal(PolicyEffect.RequireApproval, policy.Defaults.Write);
        Assert.Equal(PolicyEffect.Deny, policy.Defaults.Destructive);
        Assert.Equal(2, policy.Rules.Count);
        Assert.Equal("no-deletes-in-production", policy.Rules[0].Name);
        Assert.Equal(PolicyEffect.Deny, policy.Rules[0].Effect);
        Assert.Equal(["delete"], policy.Rules[0].Verbs);
        Assert.Equal("production is managed by GitOps", policy.Rules[0].Reason);
        Assert.Equal("rule-2", policy.Rules[1].Name);
        Assert.True(policy.Rules[1].RevealSecrets);
    }

    [Fact]
    public void Parse_EmptyDocumentIsTheDefaultPolicy()
    {
        var policy = PolicyFile.Parse("");

        Assert.Equal(["kube-system", "kube-public"], policy.ProtectedNamespaces);
        Assert.Equal(5, policy.MaxDeletionsPerSession);
        Assert.Equal(PolicyEffect.RequireApproval, policy.Defaults.Destructive);
    }

    [Fact]
    public void Parse_NegativeDeletionLimitMeansNoLimit() =>
        Assert.Null(PolicyFile.Parse("maxDeletionsPerSession: -1").MaxDeletionsPerSession);

    [Theory]
    [InlineData("rules:\n  - name: x\n    effect: permit\n", "rules[1] (x).effect is 'permit'")]
    [InlineData("rules:\n  - name: x\n    verbs: [delete]\n", "has no effect")]
    [InlineData("rules:\n  - effect: deny\n    verbs: [destroy]\n", "names the verb 'destroy'")]
    [InlineData("protectedNamespace: [a]\n", "line 1")]
    [InlineData("rules: [\n", "line")]
    [InlineData("maxDeletionsPerSession: lots\n", "line 1")]
    [InlineData("defaults: { destructive: maybe }\n", "defaults.destructive is 'maybe'")]
    public void Parse_MalformedPolicyIsRefusedWithWhereAndWhy(string yaml, string expected)
    {
        var e = Assert.Throws<PolicyFileException>(() => PolicyFile.Parse(yaml, "policy.yaml"));

        Assert.Contains("policy.yaml", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Load_MissingFileIsAClearError()
    {
        var e = Assert.Throws<PolicyFileException>(() => PolicyFile.Load("/nonexistent/policy.yaml"));

        Assert.Contains("cannot read the policy file /nonexistent/policy.yaml", e.Message);
    }
}
