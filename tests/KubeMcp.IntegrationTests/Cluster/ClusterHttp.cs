using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KubeMcp.Cluster;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>Raw HTTP to an embedded cluster as its administrator, trusting only that cluster's certificate.</summary>
internal static class ClusterHttp
{
    public static HttpClient Create(EmbeddedCluster cluster)
    {
        using var authority = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(cluster.CertificateAuthorityData)));
        var thumbprint = authority.Thumbprint;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && string.Equals(certificate.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase);
        var client = new HttpClient(handler) { BaseAddress = cluster.Url, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cluster.AdminToken);
        return client;
    }
}
