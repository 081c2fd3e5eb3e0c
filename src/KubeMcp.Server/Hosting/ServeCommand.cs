using System.CommandLine;
using KubeMcp.Server.Audit;
using KubeMcp.Server.Authentication;
using KubeMcp.Server.Policy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KubeMcp.Server.Hosting;

/// <summary>
/// The server's command line: <c>kubemcp serve …</c> (with <c>--embedded</c>, whose cluster the kubemcp CLI supplies)
/// and the standalone native executable <c>kubemcp-server …</c>, which takes the same options.
/// </summary>
public static class ServeCommand
{
    /// <summary>The <c>serve</c> subcommand; <paramref name="startEmbedded"/>, when given, adds <c>--embedded</c>.</summary>
    public static Command Create(Func<CancellationToken, Task<StartedCluster>>? startEmbedded = null) =>
        Configure(new Command("serve", "Serve the Kubernetes tools over MCP (Streamable HTTP at /mcp, or stdio)."), startEmbedded);

    /// <summary>The root command of <c>kubemcp-server</c>: the same options as <c>kubemcp serve</c>, without <c>--embedded</c>.</summary>
    public static RootCommand CreateRoot() =>
        Configure(new RootCommand("kubemcp-server — the Kubernetes MCP tools over Streamable HTTP (/mcp) or stdio."), null);

    private static T Configure<T>(T command, Func<CancellationToken, Task<StartedCluster>>? startEmbedded)
        where T : Command
    {
        var port = new Option<int>("--port") { Description = "HTTP port (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError($"--port must be a TCP port from 1 to 65535, or 0 to pick a free one; got {r.GetValueOrDefault<int>()}.");
            }
        });
        var bind = new Option<string>("--bind") { Description = "Address to listen on; keep 127.0.0.1 unless the server sits behind authentication.", DefaultValueFactory = _ => "127.0.0.1" };
        var stdio = new Option<bool>("--stdio") { Description = "Serve MCP over stdin/stdout instead of HTTP (logs go to stderr)." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Kubeconfig file (default: $KUBECONFIG, ~/.kube/config, or the in-cluster service account)." };
        var context = new Option<string?>("--context") { Description = "Kubeconfig context to use by default (default: the current context)." };
        var toolsets = new Option<string>("--toolsets") { Description = "Comma-separated toolsets: core, config, helm.", DefaultValueFactory = _ => "core,config,helm" };
        var readOnly = new Option<bool>("--read-only") { Description = "Offer only tools that never change the cluster." };
        var disableDestructive = new Option<bool>("--disable-destructive") { Description = "Hide tools that delete or overwrite objects." };
        var listOutput = new Option<string>("--list-output") { Description = "How lists are printed: table or yaml.", DefaultValueFactory = _ => "table" };
        listOutput.AcceptOnlyFromAmong("table", "yaml");
        var stateless = new Option<bool>("--stateless") { Description = "Streamable HTTP without sessions (for several replicas behind a load balancer)." };
        var budget = new Option<int>("--output-budget") { Description = "Most characters one tool result may have.", DefaultValueFactory = _ => new KubeMcpServerOptions().OutputBudget };
        var allowChart = new Option<string[]>("--allow-chart-source") { Description = "Prefix of local chart paths or http:// chart URLs helm_install may use (repeatable).", AllowMultipleArgumentsPerToken = true };
        var allowOrigin = new Option<string[]>("--allow-origin") { Description = "Browser origin or host name allowed besides localhost (repeatable).", AllowMultipleArgumentsPerToken = true };
        var helm = new Option<string?>("--helm") { Description = "Path of the helm binary (default: helm on PATH, then $KUBEMCP_VALIDATORS/helm)." };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Minimum level of the log on stderr.", DefaultValueFactory = _ => LogLevel.Warning };
        var policy = new Option<string?>("--policy") { Description = "YAML policy file: rules by tool, verb, namespace, kind and name (default: reads allowed, destructive tools need approval, kube-system/kube-public protected)." };
        var auditLog = new Option<string?>("--audit-log") { Description = "Write every tool call as a JSON line to this file (rotated by size)." };
        var auditMaxBytes = new Option<long>("--audit-max-bytes") { Description = "Size at which the audit log is rotated.", DefaultValueFactory = _ => 10 * 1024 * 1024 };
        var auth = new Option<string>("--auth") { Description = "How HTTP callers authenticate: none, tokens (with --auth-tokens) or tokenreview (the cluster checks bearer tokens).", DefaultValueFactory = _ => "none" };
        auth.AcceptOnlyFromAmong("none", "tokens", "tokenreview");
        var authTokens = new Option<string?>("--auth-tokens") { Description = "CSV file of bearer tokens: token,user,uid,\"group1,group2\" (implies --auth tokens)." };
        var clusterIdentity = new Option<string>("--cluster-identity") { Description = "Whose permissions cluster calls use: server (the kubeconfig's) or impersonate (the authenticated caller's).", DefaultValueFactory = _ => "server" };
        clusterIdentity.AcceptOnlyFromAmong("server", "impersonate");
        var tlsCert = new Option<string?>("--tls-cert") { Description = "PEM certificate for HTTPS (with --tls-key)." };
        var tlsKey = new Option<string?>("--tls-key") { Description = "PEM private key of --tls-cert." };
        var rateSession = new Option<int>("--rate-limit-session") { Description = "Requests per minute one MCP session may make (0: no limit).", DefaultValueFactory = _ => new RateLimitOptions().PerSessionPerMinute };
        var rateGlobal = new Option<int>("--rate-limit-global") { Description = "Requests per minute all callers together may make (0: no limit).", DefaultValueFactory = _ => new RateLimitOptions().GlobalPerMinute };
        var otlp = new Option<string?>("--otlp-endpoint") { Description = "Export metrics and traces over OTLP to this endpoint (e.g. http://127.0.0.1:4317)." };
        var noMetrics = new Option<bool>("--no-metrics") { Description = "Do not serve Prometheus metrics at /metrics." };

        Option[] options =
        [
            port, bind, stdio, kubeconfig, context, toolsets, readOnly, disableDestructive, listOutput, stateless, budget, allowChart, allowOrigin, helm, logLevel,
            policy, auditLog, auditMaxBytes, auth, authTokens, clusterIdentity, tlsCert, tlsKey, rateSession, rateGlobal, otlp, noMetrics,
        ];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
        var embedded = new Option<bool>("--embedded") { Description = "Start the embedded cluster in this process and serve it." };
        if (startEmbedded is not null)
        {
            command.Options.Add(embedded);
        }
        // Errors name the command the user typed.
        var who = command is RootCommand ? "kubemcp-server" : "kubemcp serve";
        command.SetAction(async (result, ct) =>
        {
            var options = new KubeMcpServerOptions
            {
                Kubeconfig = result.GetValue(kubeconfig),
                Context = result.GetValue(context),
                Toolsets = (result.GetValue(toolsets) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                ReadOnly = result.GetValue(readOnly),
                DisableDestructive = result.GetValue(disableDestructive),
                ListOutput = result.GetValue(listOutput) == "yaml" ? ListOutputFormat.Yaml : ListOutputFormat.Table,
                Stateless = result.GetValue(stateless),
                OutputBudget = result.GetValue(budget),
                AllowedChartSources = result.GetValue(allowChart) ?? [],
                HelmPath = result.GetValue(helm),
                AllowedOrigins = result.GetValue(allowOrigin) ?? [],
            };
            try
            {
                ApplyHardening(result, options, policy, auditLog, auditMaxBytes, auth, authTokens, clusterIdentity, tlsCert, tlsKey, rateSession, rateGlobal, otlp, noMetrics);
            }
            catch (Exception e) when (e is PolicyFileException or TokenFileException or ArgumentException)
            {
                Console.Error.WriteLine($"{who}: {e.Message}");
                return 2;
            }
            var unknown = options.Toolsets.Where(t => !KubeMcpToolsets.All.Contains(t)).ToList();
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine($"{who}: unknown toolset {string.Join(", ", unknown)}; choose from {string.Join(", ", KubeMcpToolsets.All)}.");
                return 2;
            }

            StartedCluster? cluster = null;
            try
            {
                if (startEmbedded is not null && result.GetValue(embedded))
                {
                    cluster = await startEmbedded(ct);
                    options.Kubeconfig = cluster.KubeconfigPath;
                    options.Context = null;
                }
                if (KubeMcpHost.FindConfigurationProblem(options) is { } problem)
                {
                    Console.Error.WriteLine($"{who}: {problem}");
                    return 1;
                }
                var level = result.GetValue(logLevel);
                if (result.GetValue(stdio))
                {
                    using var host = KubeMcpHost.CreateStdio(options, level);
                    await host.RunAsync(ct);
                    return 0;
                }
                Microsoft.AspNetCore.Builder.WebApplication app;
                try
                {
                    app = KubeMcpHost.CreateHttp(options, result.GetValue(bind)!, result.GetValue(port), level);
                }
                catch (Exception e) when (e is ArgumentException or TokenFileException)
                {
                    Console.Error.WriteLine($"{who}: {e.Message}");
                    return 2;
                }
                await using var appScope = app;
                await app.StartAsync(ct);
                var address = app.Urls.FirstOrDefault() ?? $"http://{result.GetValue(bind)}:{result.GetValue(port)}";
                Console.WriteLine($"kubemcp {KubeMcpServerBuilderExtensions.Version} serving MCP at {address}/mcp ({(options.Stateless ? "stateless" : "sessions on")}); health at {address}/healthz");
                Console.Out.Flush();
                // The host's console lifetime turns SIGTERM (how Kubernetes stops a pod) and Ctrl-C into a shutdown;
                // waiting on that, not only on the command's token, lets the server drain and exit at once.
                await app.WaitForShutdownAsync(ct);
                return 0;
            }
            finally
            {
                if (cluster is not null)
                {
                    await cluster.Cluster.DisposeAsync();
                }
            }
        });
        return command;
    }

    private static void ApplyHardening(ParseResult result, KubeMcpServerOptions options, Option<string?> policy, Option<string?> auditLog,
        Option<long> auditMaxBytes, Option<string> auth, Option<string?> authTokens, Option<string> clusterIdentity, Option<string?> tlsCert,
        Option<string?> tlsKey, Option<int> rateSession, Option<int> rateGlobal, Option<string?> otlp, Option<bool> noMetrics)
    {
        if (result.GetValue(policy) is { } policyPath)
        {
            options.Policy = PolicyFile.Load(policyPath);
        }
        if (result.GetValue(auditLog) is { } auditPath)
        {
            options.AuditLog = new AuditLogOptions { Path = auditPath, MaxBytes = result.GetValue(auditMaxBytes) };
        }
        var tokens = result.GetValue(authTokens);
        options.Authentication = new CallerAuthenticationOptions
        {
            Mode = result.GetValue(auth) switch
            {
                "tokenreview" => AuthenticationMode.TokenReview,
                "tokens" => AuthenticationMode.StaticTokens,
                _ when tokens is not null => AuthenticationMode.StaticTokens,
                _ => AuthenticationMode.None,
            },
            TokensFile = tokens,
        };
        if (options.Authentication.Mode == AuthenticationMode.StaticTokens && tokens is null)
        {
            throw new ArgumentException("--auth tokens needs --auth-tokens FILE");
        }
        options.ClusterIdentity = result.GetValue(clusterIdentity) == "impersonate" ? ClusterIdentityMode.Impersonate : ClusterIdentityMode.Server;
        options.TlsCertificatePath = result.GetValue(tlsCert);
        options.TlsKeyPath = result.GetValue(tlsKey);
        options.RateLimits = new RateLimitOptions { PerSessionPerMinute = result.GetValue(rateSession), GlobalPerMinute = result.GetValue(rateGlobal) };
        if (result.GetValue(otlp) is { } endpoint)
        {
            options.OtlpEndpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new ArgumentException($"--otlp-endpoint must be an http:// or https:// URL, e.g. http://127.0.0.1:4317; got '{endpoint}'");
        }
        options.PrometheusMetrics = !result.GetValue(noMetrics);
    }
}
