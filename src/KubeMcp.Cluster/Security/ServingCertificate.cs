using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeMcp.Cluster.Security;

/// <summary>
/// The API server's TLS identity: a self-signed ECDSA certificate for 127.0.0.1/localhost that the kubeconfig trusts
/// as its certificate authority. TLS is not optional: kubectl and client-go never send a bearer token over plain HTTP,
/// so without it every request would be anonymous.
/// </summary>
internal static class ServingCertificate
{
    private const string CertFile = "serving.crt";
    private const string KeyFile = "serving.key";

    /// <summary>Loads the certificate kept in the data directory, or creates one (and keeps it when there is a directory).</summary>
    public static X509Certificate2 LoadOrCreate(string? dataDirectory, DateTimeOffset now)
    {
        if (dataDirectory is not null && File.Exists(Path.Combine(dataDirectory, CertFile)) && File.Exists(Path.Combine(dataDirectory, KeyFile)))
        {
            var existing = X509Certificate2.CreateFromPemFile(Path.Combine(dataDirectory, CertFile), Path.Combine(dataDirectory, KeyFile));
            if (existing.NotAfter > now.UtcDateTime.AddDays(1))
            {
                return Exportable(existing);
            }
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubemcp-apiserver, O=KubeMcp embedded cluster", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        foreach (var name in new[] { "localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local" })
        {
            san.AddDnsName(name);
        }
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        if (dataDirectory is not null)
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(Path.Combine(dataDirectory, CertFile), certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(dataDirectory, KeyFile), key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(dataDirectory, KeyFile), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return Exportable(certificate);
    }

    /// <summary>The PEM of the certificate, base64-encoded as kubeconfig's certificate-authority-data wants it.</summary>
    public static string AuthorityData(X509Certificate2 certificate) =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));

    // SslStream needs a certificate whose key it can use for the handshake; a PKCS#12 round trip gives one on every platform.
    private static X509Certificate2 Exportable(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
}
