using KubeMcp.Server;
using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Tests.Server.Kubernetes;

public sealed class ClusterConnectionsTests
{
    private const string Kubeconfig = """
        clusters:
        - name: c
          cluster: { server: "https://127.0.0.1:6443" }
        users:
        - name: sso
          user:
            auth-provider: { name: oidc, config: { idp-issuer-url: "https://idp.example" } }
        contexts:
        - name: corp
          context: { cluster: c, user: sso }
        current-context: corp
        """;

    [Fact]
    public void Get_LegacyAuthProviderUser_SaysWhichPluginToUseInstead()
    {
        using var connections = new ClusterConnections(new KubeMcpServerOptions { KubeconfigYaml = Kubeconfig });

        var e = Assert.Throws<ClusterConfigurationException>(() => connections.Get(null));

        Assert.Contains("user 'sso' of context 'corp'", e.Message);
        Assert.Contains("auth-provider 'oidc'", e.Message);
        Assert.Contains("exec credential plugin", e.Message);
    }
}
