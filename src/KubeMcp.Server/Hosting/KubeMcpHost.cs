using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;

namespace KubeMcp.Server.Hosting;

/// <summary>Ready-made hosts for the two transports, used by <c>kubemcp serve</c> and the tests.</summary>
public static class KubeMcpHost
{
    /// <summary>
    /// A web application serving Streamable HTTP at <c>/mcp</c> (sessions on unless <see cref="KubeMcpServerOptions.Stateless"/>)
    /// and <c>/healthz</c>, listening on <paramref name="bindAddress"/>:<paramref name="port"/> (0 picks a free port).
    /// </summary>
    public static WebApplication CreateHttp(KubeMcpServerOptions options, string bindAddress = "127.0.0.1", int port = 8080, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = WebApplication.CreateSlimBuilder();
        ConfigureLogging(builder.Logging, logLevel);
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Parse(bindAddress), port));
        builder.Services.AddKubeMcpServer(o => Copy(options, o)).WithHttpTransport(t =>
        {
            t.SessionMode = options.Stateless ? HttpServerSessionMode.Stateless : HttpServerSessionMode.Stateful;
        });
        var app = builder.Build();
        var guard = new OriginGuard(options.AllowedOrigins, System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(bindAddress)));
        app.Use(guard.InvokeAsync);
        app.MapKubeMcp();
        return app;
    }

    /// <summary>A host serving MCP over stdin/stdout; logs go to stderr so stdout carries only JSON-RPC.</summary>
    public static IHost CreateStdio(KubeMcpServerOptions options, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        ConfigureLogging(builder.Logging, logLevel);
        builder.Services.AddKubeMcpServer(o => Copy(options, o)).WithStdioServerTransport();
        return builder.Build();
    }

    /// <summary>Why the options point at no usable cluster configuration (with how to fix it), or null when they do.</summary>
    public static string? FindConfigurationProblem(KubeMcpServerOptions options)
    {
        using var connections = new Kubernetes.ClusterConnections(options);
        return connections.ConfigurationError;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(level);
    }

    private static void Copy(KubeMcpServerOptions from, KubeMcpServerOptions to)
    {
        to.Kubeconfig = from.Kubeconfig;
        to.KubeconfigYaml = from.KubeconfigYaml;
        to.Context = from.Context;
        to.Toolsets = [.. from.Toolsets];
        to.ReadOnly = from.ReadOnly;
        to.DisableDestructive = from.DisableDestructive;
        to.ListOutput = from.ListOutput;
        to.Stateless = from.Stateless;
        to.OutputBudget = from.OutputBudget;
        to.DefaultLogTailLines = from.DefaultLogTailLines;
        to.MaxLogBytes = from.MaxLogBytes;
        to.HelmPath = from.HelmPath;
        to.AllowedChartSources = [.. from.AllowedChartSources];
        to.RequestTimeout = from.RequestTimeout;
        to.AllowedOrigins = [.. from.AllowedOrigins];
    }
}
