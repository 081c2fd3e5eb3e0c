using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeMcp.IntegrationTests.Infrastructure;
using ModelContextProtocol.Client;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>HTTPS from PEM files given with --tls-cert/--tls-key.</summary>
public sealed class TlsTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubemcp-tls-").FullName;

    [Fact]
    public async Task Tls_ServesMcpOverHttpsWithTheGivenCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(_dir, "tls.crt");
        var keyPath = Path.Combine(_dir, "tls.key");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        await using var server = await HardenedServer.StartAsync(cluster, o =>
        {
            o.TlsCertificatePath = certPath;
            o.TlsKeyPath = keyPath;
        });
        var thumbprint = certificate.Thumbprint;
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint };
        using var http = new HttpClient(handler);

        await using var client = await server.ConnectAsync(http: http);
        var text = await client.OkAsync("namespaces_list");
        using var plain = new HttpClient();
        var refused = await Record.ExceptionAsync(() => plain.GetAsync(server.BaseAddress, TestContext.Current.CancellationToken));

        Assert.Equal("https", server.BaseAddress.Scheme);
        Assert.Contains("default", text);
        // A client that does not trust the certificate gets nowhere.
        Assert.IsType<HttpRequestException>(refused);
    }

    [Fact]
    public async Task Tls_CertificateWithoutKeyIsRefusedAtStart()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => HardenedServer.StartAsync(cluster, o => o.TlsCertificatePath = "/tmp/x.crt"));

        Assert.Contains("--tls-key", e.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
