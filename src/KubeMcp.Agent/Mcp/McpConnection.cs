using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Agent.Mcp;

/// <summary>
/// One conversation with an MCP server over the official client: connects over Streamable HTTP or stdio, negotiates
/// the protocol version, lists and calls tools, and turns every failure into an <see cref="McpClientException"/> that
/// says what to do about it.
/// </summary>
/// <remarks>
/// When the server forgets the session (HTTP 404 for a request carrying <c>Mcp-Session-Id</c>, e.g. after a restart),
/// the connection initializes a new session and retries that request once; the server never ran it, so this is safe
/// even for tools that change things. <see cref="McpConnectionOptions.Trace"/> hears about it.
/// </remarks>
public sealed partial class McpConnection : IAsyncDisposable
{
    /// <summary>The session-based protocol versions this client speaks, newest first.</summary>
    public static IReadOnlyList<string> SupportedProtocolVersions { get; } = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];

    private readonly McpConnectionOptions _options;
    private readonly HttpClient? _http;
    private readonly McpFailures _failures;
    private readonly SemaphoreSlim _reconnectLock = new(1, 1);
    private McpClient _client = null!;
    private StderrCapture _stderr = new();

    private McpConnection(McpConnectionOptions options)
    {
        _options = options;
        _failures = new McpFailures(options);
        if (!options.IsStdio)
        {
            // One HttpClient for the connection and its re-initializations. Its own timeout is off: SSE replies stream,
            // and each request gets the configured timeout through its cancellation token instead.
            _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = options.Timeout }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }
    }

    /// <summary>The options this connection was made with.</summary>
    public McpConnectionOptions Options => _options;

    /// <summary>The server's name from <c>initialize</c>.</summary>
    public string ServerName => _client.ServerInfo?.Name ?? "unnamed MCP server";

    /// <summary>The server's human-readable title, if it gave one.</summary>
    public string? ServerTitle => _client.ServerInfo?.Title;

    /// <summary>The server's version from <c>initialize</c>.</summary>
    public string ServerVersion => _client.ServerInfo?.Version ?? "unknown";

    /// <summary>The protocol version both sides agreed on.</summary>
    public string ProtocolVersion => _client.NegotiatedProtocolVersion ?? _options.ProtocolVersion ?? SupportedProtocolVersions[0];

    /// <summary>The current <c>Mcp-Session-Id</c> (null over stdio and for servers that run without sessions).</summary>
    public string? SessionId => _client.SessionId;

    /// <summary>The server's instructions for clients, if any.</summary>
    public string? Instructions => _client.ServerInstructions;

    /// <summary>How many times a lost session was replaced by a new one.</summary>
    public int Reinitializations { get; private set; }

    /// <summary>Connects and initializes a session.</summary>
    /// <exception cref="McpClientException">The server could not be reached or did not accept the session; the message says why.</exception>
    public static async Task<McpConnection> ConnectAsync(McpConnectionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = new McpConnection(options);
        try
        {
            connection._client = await connection.OpenAsync(options.ProtocolVersion, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection._http?.Dispose();
            connection._reconnectLock.Dispose();
            throw;
        }
    }

    /// <summary>Every tool the server offers (all pages), as the server described them.</summary>
    public Task<IReadOnlyList<Tool>> ListToolsAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<Tool>>("tools/list", async (client, ct) =>
            [.. (await client.ListToolsAsync(cancellationToken: ct).ConfigureAwait(false)).Select(t => t.ProtocolTool)], cancellationToken);

    /// <summary>
    /// Calls a tool. A result with <c>isError</c> is returned, not thrown: the tool ran and reported a failure. A
    /// JSON-RPC error from the server becomes <see cref="McpServerErrorException"/>.
    /// </summary>
    public Task<CallToolResult> CallToolAsync(string name, JsonObject arguments, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(arguments);
        var request = new CallToolRequestParams
        {
            Name = name,
            Arguments = arguments.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value, McpJsonUtilities.DefaultOptions)),
        };
        return RunAsync($"tools/call {name}", (client, ct) => client.CallToolAsync(request, ct).AsTask(), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            // Ends the session politely (HTTP DELETE) or stops the stdio server.
            await _client.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or McpException)
        {
            // The server may already be gone; there is nothing left to clean up on our side.
        }

        _http?.Dispose();
        _reconnectLock.Dispose();
    }

    private async Task<T> RunAsync<T>(string operation, Func<McpClient, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var client = _client;
            var sessionId = client.SessionId;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                return await action(client, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && McpFailures.IsSessionLost(ex, client, sessionId))
            {
                if (attempt > 0)
                {
                    throw new McpSessionException(
                        $"{_options.ServerPhrase(capitalized: true)} dropped the new session as well ({McpFailures.Describe(ex)}). " +
                        "Check the server's logs: it may be restarting, or replicas behind a load balancer may not share sessions.", ex);
                }

                await ReplaceSessionAsync(client, sessionId!, operation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new McpTimeoutException(
                    $"{_options.ServerPhrase(capitalized: true)} did not answer {operation} within {McpFailures.Seconds(_options.Timeout)}. " +
                    "Raise --timeout if the operation is slow, or check that the server is healthy.", _options.Timeout);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or McpClientException))
            {
                throw _failures.ForRequest(ex, operation, client, sessionId);
            }
        }
    }

    private async Task ReplaceSessionAsync(McpClient lost, string sessionId, string operation, CancellationToken cancellationToken)
    {
        await _reconnectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(_client, lost))
            {
                return; // another caller already replaced it
            }

            _client = await OpenAsync(lost.NegotiatedProtocolVersion ?? _options.ProtocolVersion, cancellationToken).ConfigureAwait(false);
            Reinitializations++;
            _options.Trace?.Invoke($"Session {sessionId} has expired on the server; initialized a new session ({_client.SessionId ?? "no id"}) and retried {operation}.");
        }
        finally
        {
            _reconnectLock.Release();
        }

        try
        {
            await lost.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or McpException)
        {
            // The old session is already gone on the server.
        }
    }

    /// <summary>Initializes a session: with <paramref name="pinned"/>, or else newest version first, then the one the server offers.</summary>
    private async Task<McpClient> OpenAsync(string? pinned, CancellationToken cancellationToken)
    {
        var version = pinned ?? SupportedProtocolVersions[0];
        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            tried.Add(version);
            _options.Trace?.Invoke($"Connecting to {_options.DisplayName} (MCP protocol {version}).");
            try
            {
                var client = await CreateClientAsync(version, cancellationToken).ConfigureAwait(false);
                _options.Trace?.Invoke($"Connected to {client.ServerInfo?.Name} {client.ServerInfo?.Version}, protocol {client.NegotiatedProtocolVersion}, " +
                    (_options.IsStdio ? "over stdio." : client.SessionId is { } id ? $"session {id}." : "no Mcp-Session-Id (the server runs without sessions)."));
                return client;
            }
            catch (McpException ex) when (OfferedVersion(ex) is { } offered)
            {
                if (pinned is null && SupportedProtocolVersions.Contains(offered) && !tried.Contains(offered))
                {
                    _options.Trace?.Invoke($"The server speaks protocol {offered}, not {version}; initializing again with {offered}.");
                    version = offered;
                    continue;
                }

                throw _failures.VersionMismatch(version, offered, pinned is not null, ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Only a server that exited has more to say on stderr; one that never started has nothing.
                var exited = _options.IsStdio && ex is ClientTransportClosedException or IOException { InnerException: not System.ComponentModel.Win32Exception };
                var stderr = exited ? await _stderr.LinesAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false) : [];
                throw _failures.ForConnect(ex, version, stderr);
            }
        }
    }

    private async Task<McpClient> CreateClientAsync(string protocolVersion, CancellationToken cancellationToken)
    {
        IClientTransport transport;
        if (_options.IsStdio)
        {
            var words = CommandLineSplitter.Split(_options.StdioCommand!);
            var stderr = _stderr = new StderrCapture();
            transport = new StdioClientTransport(new StdioClientTransportOptions
            {
                Command = words[0],
                Arguments = [.. words.Skip(1)],
                Name = words[0],
                StandardErrorLines = line =>
                {
                    stderr.Add(line);
                    _options.Trace?.Invoke($"server stderr: {line}");
                },
            });
        }
        else
        {
            var headers = new Dictionary<string, string>(_options.Headers, StringComparer.OrdinalIgnoreCase);
            if (_options.BearerToken is { Length: > 0 } token)
            {
                headers["Authorization"] = "Bearer " + token;
            }

            transport = new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = _options.Url,
                TransportMode = HttpTransportMode.StreamableHttp,
                ConnectionTimeout = _options.Timeout,
                AdditionalHeaders = headers,
                // Replies come on each POST; the optional GET stream only carries notifications a CLI or agent ignores.
                EnableStandaloneGetStream = false,
            }, _http!, loggerFactory: null, ownsHttpClient: false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var clientOptions = new McpClientOptions
            {
                ClientInfo = new Implementation { Name = _options.ClientName, Version = typeof(McpConnection).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" },
                ProtocolVersion = protocolVersion,
                InitializationTimeout = _options.Timeout,
            };
            if (_options.Elicitation is { } elicitation)
            {
                clientOptions.Handlers.ElicitationHandler = (request, ct) => elicitation(request, ct);
            }

            return await McpClient.CreateAsync(transport, clientOptions, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("initialize timed out", ex);
        }
    }

    private static string? OfferedVersion(McpException ex) =>
        MismatchMessage().Match(ex.Message) is { Success: true } m ? m.Groups["got"].Value : null;

    // The official client reports a version the server chose that differs from the one asked for only in this message.
    [GeneratedRegex(@"protocol version mismatch\. Expected (?<expected>\S+), got (?<got>\S+?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex MismatchMessage();
}
