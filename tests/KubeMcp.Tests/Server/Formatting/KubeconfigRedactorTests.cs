using KubeMcp.Server.Formatting;

namespace KubeMcp.Tests.Server.Formatting;

public sealed class KubeconfigRedactorTests
{
    private const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        current-context: a
        clusters:
        - name: ca
          cluster: {server: "https://a:6443", certificate-authority-data: LS0tLS1CRUdJTi}
        - name: cb
          cluster: {server: "https://b:6443"}
        contexts:
        - name: a
          context: {cluster: ca, user: ua}
        - name: b
          context: {cluster: cb, user: ub}
        users:
        - name: ua
          user: {token: secret-token, client-key-data: a2V5, client-certificate-data: Y2VydA==}
        - name: ub
          user:
            password: hunter2
            username: bob
            auth-provider: {config: {access-token: at, refresh-token: rt, client-id: visible}}
            exec: {command: aws, env: [{name: AWS_SECRET, value: s3cr3t}]}
        """;

    [Fact]
    public void Redact_HidesEveryCredential()
    {
        var config = ManifestReader.Read(Kubeconfig, "kubeconfig")[0];

        var yaml = YamlText.Write(KubeconfigRedactor.Redact(config, minify: false, null));

        foreach (var secret in new[] { "secret-token", "a2V5", "Y2VydA==", "hunter2", "LS0tLS1CRUdJTi", "s3cr3t", "at\n", "rt\n" })
        {
            Assert.DoesNotContain(secret, yaml);
        }
        Assert.Contains("token: REDACTED", yaml);
        Assert.Contains("certificate-authority-data: DATA+OMITTED", yaml);
        Assert.Contains("username: bob", yaml);
        Assert.Contains("client-id: visible", yaml);
    }

    [Fact]
    public void Redact_MinifiedKeepsOnlyTheCurrentContext()
    {
        var config = ManifestReader.Read(Kubeconfig, "kubeconfig")[0];

        var yaml = YamlText.Write(KubeconfigRedactor.Redact(config, minify: true, "b"));

        Assert.Contains("current-context: b", yaml);
        Assert.Contains("https://b:6443", yaml);
        Assert.DoesNotContain("https://a:6443", yaml);
        Assert.DoesNotContain("name: ua", yaml);
    }
}
