using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Tests.Server.Kubernetes;

public sealed class KubeconfigOutlineTests
{
    private const string TwoContexts = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: prod
          cluster:
            server: https://prod.example:6443
            certificate-authority-data: AAAA
        - name: dev
          cluster:
            server: https://127.0.0.1:6443
        users:
        - name: admin
          user:
            token: secret
        contexts:
        - name: prod-admin
          context:
            cluster: prod
            user: admin
            namespace: payments
        - name: dev
          context:
            cluster: dev
            user: admin
        current-context: dev
        """;

    [Fact]
    public void Parse_ReadsContextsWithTheirServerNamespaceAndUser()
    {
        var outline = KubeconfigOutline.Parse(TwoContexts, "the file");

        Assert.Equal("dev", outline.CurrentContext);
        Assert.Equal(
            [new KubeContextInfo("prod-admin", "https://prod.example:6443", "payments", "admin"), new KubeContextInfo("dev", "https://127.0.0.1:6443", "default", "admin")],
            outline.Contexts);
    }

    [Fact]
    public void Parse_NamesTheLegacyAuthProviderOfAContextsUser()
    {
        var yaml = """
            users:
            - name: sso
              user:
                auth-provider:
                  name: oidc
                  config: { idp-issuer-url: "https://idp.example" }
            - name: robot
              user: { token: abc }
            contexts:
            - name: corp
              context: { cluster: c, user: sso }
            - name: ci
              context: { cluster: c, user: robot }
            """;

        var outline = KubeconfigOutline.Parse(yaml, "f");

        Assert.Equal(["oidc", null], outline.Contexts.Select(c => c.AuthProvider));
    }

    [Fact]
    public void Parse_ContextOfAnUnknownClusterHasNoServer()
    {
        var outline = KubeconfigOutline.Parse("contexts:\n- name: lost\n  context:\n    cluster: nowhere\n", "f");

        Assert.Equal("", Assert.Single(outline.Contexts).Server);
        Assert.Null(outline.CurrentContext);
    }

    [Fact]
    public void Parse_EmptyListsGiveNoContexts()
    {
        var outline = KubeconfigOutline.Parse("apiVersion: v1\nkind: Config\nclusters: null\ncontexts: []\n", "f");

        Assert.Empty(outline.Contexts);
    }

    [Theory]
    [InlineData("contexts: [unclosed", "cannot read f as a kubeconfig")]
    [InlineData("", "not a YAML mapping")]
    [InlineData("- just\n- a list\n", "not a YAML mapping")]
    [InlineData("contexts: dev\n", "'contexts' is not a list")]
    [InlineData("contexts:\n- context:\n    cluster: dev\n", "an entry of 'contexts' has no name")]
    [InlineData("clusters:\n- just-a-string\n", "an entry of 'clusters' has no name")]
    public void Parse_MalformedKubeconfig_ThrowsAClearConfigurationError(string yaml, string expected)
    {
        var e = Assert.Throws<ClusterConfigurationException>(() => KubeconfigOutline.Parse(yaml, "f"));

        Assert.Contains(expected, e.Message);
    }
}
