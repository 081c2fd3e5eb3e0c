using System.Net;
using System.Security.Cryptography.X509Certificates;
using KubeMcp.Server.Authentication;
using KubeMcp.Server.Kubernetes;
using KubeMcp.Server.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;

namespace KubeMcp.Server.Hosting;

/// <summary>Ready-made hosts for the two transports, used by <c>kubemcp serve</c> and the tests.</summary>
public static class KubeMcpHost
{
    private const string McpPath = "/mcp";

    /// <summary>
    /// A web application serving Streamable HTTP at <c>/mcp</c> (sessions on unless <see cref="KubeMcpServerOptions.Stateless"/>),
    /// <c>/healthz</c> and <c>/metrics</c>, listening on <paramref name="bindAddress"/>:<paramref name="port"/> (0 picks a free
    /// port), with the Origin guard, rate limits, authentication and TLS the options ask for. <paramref name="clock"/>
    /// replaces the system clock (ages, audit times), so a server in front of an embedded cluster on a virtual clock
    /// reports the cluster's time.
    /// </summary>
    public static WebApplication CreateHttp(KubeMcpServerOptions options, string bindAddress = "127.0.0.1", int port = 8080, LogLevel logLevel = LogLevel.Warning,
        TimeProvider? clock = null)
    {
        var address = IPAddress.Parse(bindAddress);
        var certificate = LoadCertificate(options);
        var builder = WebApplication.CreateSlimBuilder();
        ConfigureLogging(builder.Logging, logLevel);
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
            k.Listen(address, port, listen =>
            {
                if (certificate is not null)
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(certificate);
                }
            });
        });
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }
        builder.Services.AddKubeMcpServer(options).WithHttpTransport(t =>
        {
            t.SessionMode = options.Stateless ? HttpServerSessionMode.Stateless : HttpServerSessionMode.Stateful;
        });
        OpenTelemetrySetup.Add(builder.Services, options, http: true);
        McpRateLimiting.Add(builder.Services, options.RateLimits, McpPath);
        var authenticate = options.Authentication.Mode != AuthenticationMode.None;
        if (authenticate)
        {
            AddAuthentication(builder.Services, options);
        }
        else if (options.ClusterIdentity == ClusterIdentityMode.Impersonate)
        {
            throw new ArgumentException("impersonating callers needs authentication: set Authentication.Mode (--auth-tokens or --auth tokenreview)");
        }

        var app = builder.Build();
        var guard = new OriginGuard(options.AllowedOrigins, IPAddress.IsLoopback(address));
        app.Use(guard.InvokeAsync);
        var malformed = new MalformedRequestGuard(app.Services.GetRequiredService<ILogger<MalformedRequestGuard>>());
        app.Use(malformed.InvokeAsync);
        app.UseRateLimiter();
        if (authenticate)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        app.MapKubeMcp(McpPath, authenticate, options.PrometheusMetrics);
        return app;
    }

    /// <summary>A host serving MCP over stdin/stdout; logs go to stderr so stdout carries only JSON-RPC.</summary>
    public static IHost CreateStdio(KubeMcpServerOptions options, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        ConfigureLogging(builder.Logging, logLevel);
        builder.Services.AddKubeMcpServer(options).WithStdioServerTransport();
        OpenTelemetrySetup.Add(builder.Services, options, http: false);
        return builder.Build();
    }

    /// <summary>Why the options point at no usable cluster configuration (with how to fix it), or null when they do.</summary>
    public static string? FindConfigurationProblem(KubeMcpServerOptions options)
    {
        using var connections = new ClusterConnections(options);
        return connections.ConfigurationError;
    }

    private static void AddAuthentication(IServiceCollection services, KubeMcpServerOptions options)
    {
        switch (options.Authentication.Mode)
        {
            case AuthenticationMode.StaticTokens:
                var file = StaticTokenFile.Load(options.Authentication.TokensFile
                    ?? throw new ArgumentException("static-token authentication needs a tokens file (--auth-tokens FILE)"));
                services.AddSingleton<ITokenAuthenticator>(file);
                break;
            case AuthenticationMode.TokenReview:
                services.AddSingleton<ITokenAuthenticator>(sp => new TokenReviewAuthenticator(
                    sp.GetRequiredService<ClusterConnections>(), sp.GetRequiredService<TimeProvider>(),
                    options.Authentication.TokenReviewCacheDuration, sp.GetRequiredService<ILoggerFactory>().CreateLogger<TokenReviewAuthenticator>()));
                break;
        }
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
    }

    private static X509Certificate2? LoadCertificate(KubeMcpServerOptions options)
    {
        if (options.TlsCertificatePath is null && options.TlsKeyPath is null)
        {
            return null;
        }
        if (options.TlsCertificatePath is null || options.TlsKeyPath is null)
        {
            throw new ArgumentException("TLS needs both a certificate (--tls-cert) and its private key (--tls-key), as PEM files");
        }
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(options.TlsCertificatePath, options.TlsKeyPath);
            // Export and re-import so the key is usable by SslStream on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"cannot load the TLS certificate {options.TlsCertificatePath} with key {options.TlsKeyPath}: {e.Message}", e);
        }
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(level);
    }
}
