using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KubeMcp.Cluster;

namespace KubeMcp.Benchmarks.Cluster;

/// <summary>An HttpClient for the embedded cluster's administrator that trusts only the cluster's certificate.</summary>
internal static class ClusterHttp
{
    public const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    public static HttpClient Create(EmbeddedCluster cluster) => Create(cluster.Url, cluster.AdminToken, cluster.CertificateAuthorityData);

    /// <param name="url">The API server.</param>
    /// <param name="token">The administrator's bearer token.</param>
    /// <param name="certificateAuthorityData">The server's certificate as base64 PEM, as in a kubeconfig.</param>
    public static HttpClient Create(Uri url, string token, string certificateAuthorityData)
    {
        using var authority = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(certificateAuthorityData)));
        var thumbprint = authority.Thumbprint;
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && string.Equals(certificate.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase);
        var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
