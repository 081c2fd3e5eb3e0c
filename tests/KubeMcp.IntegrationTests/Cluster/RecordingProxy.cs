using System.Collections.Concurrent;
using KubeMcp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>
/// A loopback HTTP proxy in front of a cluster that keeps every request body, so a test can check the exact bytes
/// a client such as kubectl sends, even for requests the cluster cannot serve yet.
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Content-Length", "Keep-Alive", "Upgrade",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private RecordingProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>
    /// Starts a plain-HTTP proxy in front of the cluster. kubectl sends no bearer token over plain HTTP, so the proxy
    /// adds the admin token upstream; it trusts the cluster's self-signed certificate, as the kubeconfig does.
    /// </summary>
    public static async Task<RecordingProxy> StartAsync(Uri upstream, string adminToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        var client = new HttpClient(handler) { BaseAddress = upstream, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminToken);
        var proxy = new RecordingProxy(app, client);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Url = new Uri(address);
        return proxy;
    }

    /// <summary>A kubectl that talks to <paramref name="fixture"/>'s cluster through this proxy.</summary>
    public Kubectl Kubectl(ClusterFixture fixture)
    {
        var path = Path.Combine(fixture.Directory, $"proxy-{Guid.NewGuid():N}.kubeconfig");
        var upstream = fixture.Cluster.Url.GetLeftPart(UriPartial.Authority);
        File.WriteAllText(path, File.ReadAllText(fixture.KubeconfigPath).Replace(upstream, Url.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        return new Kubectl(path, fixture.Directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext ctx)
    {
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
        var body = buffer.ToArray();
        _requests.Enqueue(new RecordedRequest(ctx.Request.Method, ctx.Request.Path.Value ?? "/", ctx.Request.ContentType, body));

        using var request = new HttpRequestMessage(new HttpMethod(ctx.Request.Method), ctx.Request.Path + ctx.Request.QueryString);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
        }
        foreach (var (name, values) in ctx.Request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ctx.RequestAborted);
        ctx.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                ctx.Response.Headers[name] = values.ToArray();
            }
        }
        await response.Content.CopyToAsync(ctx.Response.Body, ctx.RequestAborted);
    }
}
