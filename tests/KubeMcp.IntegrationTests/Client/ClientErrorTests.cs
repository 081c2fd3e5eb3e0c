using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KubeMcp.IntegrationTests.Client;

/// <summary>What the real CLI prints and returns when the server cannot be used: a clear message, exit 3, no stack trace.</summary>
[Collection(ThreeServersCollection.Name)]
public sealed class ClientErrorTests(ThreeServersFixture servers)
{
    [Fact]
    public async Task NothingListening_NamesTheUrlAndTheHealthCheck()
    {
        var port = ClosedPort();

        var result = await KubemcpCli.RunAsync("tools", "list", "--url", $"http://127.0.0.1:{port}/mcp");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"error: Cannot reach the MCP server at http://127.0.0.1:{port}/mcp", result.Stderr);
        Assert.Contains($"curl http://127.0.0.1:{port}/healthz", result.Stderr);
        AssertNoStackTrace(result.Stderr);
    }

    [Theory]
    [InlineData("/healthz", "HTTP 405 Method Not Allowed")]
    [InlineData("/", "HTTP 404 Not Found")]
    public async Task NotAnMcpEndpoint(string path, string status)
    {
        var url = new Uri(servers.Ours.BaseAddress, path).ToString();

        var result = await KubemcpCli.RunAsync("tools", "list", "--url", url);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"error: {url} answered {status} to the MCP initialize request, so it is not an MCP endpoint", result.Stderr);
        AssertNoStackTrace(result.Stderr);
    }

    [Fact]
    public async Task AuthenticationRequired_SaysHowToPassAToken()
    {
        await using var gate = await StartGateAsync();
        var url = gate.Urls.First() + "/mcp";

        var missing = await KubemcpCli.RunAsync("tools", "list", "--url", url);
        var wrong = await KubemcpCli.RunAsync("tools", "list", "--url", url, "--token", "wrong");

        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("requires authentication (HTTP 401 Unauthorized", missing.Stderr);
        Assert.Contains("--token TOKEN", missing.Stderr);
        Assert.Equal(3, wrong.ExitCode);
        Assert.Contains("HTTP 403 Forbidden", wrong.Stderr);
        AssertNoStackTrace(missing.Stderr + wrong.Stderr);
    }

    [Fact]
    public async Task StdioServerThatFails_ShowsItsExitCodeAndStderr()
    {
        var result = await KubemcpCli.RunAsync("tools", "list", "--stdio", $"dotnet '{KubemcpCli.Dll}' serve --stdio --kubeconfig /nonexistent/kubeconfig");

        Assert.Equal(3, result.ExitCode);
        Assert.Matches(@"The stdio MCP server 'dotnet' exited( with exit code 1)? before completing initialize\. Its last stderr lines:", result.Stderr);
        Assert.Contains("kubemcp serve: the kubeconfig file /nonexistent/kubeconfig does not exist", result.Stderr);
    }

    /// <summary>An endpoint in front of nothing that only checks credentials, as an authenticating gateway would.</summary>
    private static async Task<WebApplication> StartGateAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context =>
        {
            var auth = context.Request.Headers.Authorization.ToString();
            context.Response.StatusCode = auth.Length == 0 ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            if (auth.Length == 0)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            return Task.CompletedTask;
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static void AssertNoStackTrace(string stderr)
    {
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception:", stderr);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
