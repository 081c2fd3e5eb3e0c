using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace KubeMcp.Agent.Mcp;

/// <summary>
/// Turns what the official client throws (HTTP errors, JSON-RPC errors, closed transports) into
/// <see cref="McpClientException"/>s whose messages name the endpoint, the cause and the fix.
/// </summary>
internal sealed class McpFailures(McpConnectionOptions options)
{
    private string Endpoint => options.DisplayName;

    private string Subject => options.ServerPhrase(capitalized: true);

    private string Mention => options.ServerPhrase(capitalized: false);

    /// <summary>True when the server no longer knows the session the failed request carried.</summary>
    public static bool IsSessionLost(Exception ex, McpClient client, string? sessionId)
    {
        if (sessionId is null)
        {
            return false;
        }

        if (ex is HttpRequestException { StatusCode: HttpStatusCode.NotFound }
            || ex is ClientTransportClosedException { Details: HttpClientCompletionDetails { HttpStatusCode: HttpStatusCode.NotFound } })
        {
            return true;
        }

        // Some servers (the TypeScript reference servers) answer an unknown session with 400 and a JSON-RPC error
        // instead of 404; only the wording tells it apart from other rejections.
        return ex is McpProtocolException p && (int)p.ErrorCode is -32000 or -32001 && MentionsSession(p.Message)
            || client.Completion.IsCompletedSuccessfully && client.Completion.Result is HttpClientCompletionDetails { HttpStatusCode: HttpStatusCode.NotFound };
    }

    /// <summary>A failure while connecting and initializing.</summary>
    public McpClientException ForConnect(Exception ex, string protocolVersion) => ex switch
    {
        McpClientException known => known,
        // initialize succeeded but the initialized notification that follows it was refused for lack of a session.
        _ when !options.IsStdio && SaysSessionRequired(ex) => new McpSessionException(
            $"{Subject} gave no Mcp-Session-Id header in its answer to initialize (or it was lost on the way), then refused the " +
            $"next message for lack of a session ({Describe(ex)}). If a proxy or gateway sits in front of the server, make it " +
            "pass the Mcp-Session-Id header through in both directions.", ex),
        TimeoutException or OperationCanceledException => new McpTimeoutException(
            $"{Subject} did not complete initialize within {Seconds(options.Timeout)}. " +
            "Check that the server is healthy, or raise --timeout.", options.Timeout),
        FormatException format => new McpServerUnreachableException($"The --stdio command cannot be read: {format.Message}", format),
        HttpRequestException http => ForHttp(http, "the MCP initialize request", connecting: true),
        ClientTransportClosedException closed => ForClosedTransport(closed, connecting: true),
        IOException { InnerException: Win32Exception } io when options.IsStdio => ForStdioStart(io),
        IOException io when options.IsStdio => new McpServerUnreachableException(
            $"{Subject} exited{ExitCode(io.Message)} before completing initialize.{StderrTail(io.Message)}", io),
        UnsupportedProtocolVersionException unsupported => new McpProtocolVersionException(
            $"{Subject} does not support protocol version {protocolVersion}" +
            (unsupported.Supported.Count > 0 ? $"; it supports {string.Join(", ", unsupported.Supported)}" : "") +
            $". This client supports {string.Join(", ", McpConnection.SupportedProtocolVersions)}.", ex),
        McpProtocolException rpc when MentionsProtocolVersion(rpc.Message) => new McpProtocolVersionException(
            $"{Subject} refused protocol version {protocolVersion}: {rpc.Message}. " +
            $"This client supports {string.Join(", ", McpConnection.SupportedProtocolVersions)}; choose one the server accepts with --protocol-version.", ex),
        McpProtocolException rpc => new McpServerErrorException(
            $"{Subject} rejected initialize: {rpc.Message}", (int)rpc.ErrorCode, ex),
        McpException or JsonException => new NotAnMcpEndpointException(
            $"{Endpoint} did not answer the MCP initialize request with an MCP reply ({ex.Message}), so it is probably not an MCP endpoint. " +
            "MCP servers usually listen at a path such as /mcp (kubemcp serve: http://localhost:8080/mcp).", ex),
        _ => new McpClientException($"Could not connect to {Mention}: {Describe(ex)}", ex),
    };

    /// <summary>A failure of a request made after initialize.</summary>
    public McpClientException ForRequest(Exception ex, string operation, McpClient client, string? sessionId)
    {
        if (!options.IsStdio && sessionId is null && SaysSessionRequired(ex))
        {
            return new McpSessionException(
                $"{Subject} answered initialize without an Mcp-Session-Id header, but then refused {operation} " +
                $"for lack of a session ({Describe(ex)}). If a proxy or gateway sits in front of the server, make it pass the " +
                "Mcp-Session-Id header through in both directions.", ex);
        }

        return ex switch
        {
            HttpRequestException http => ForHttp(http, operation, connecting: false),
            ClientTransportClosedException closed => ForClosedTransport(closed, connecting: false),
            IOException io => new McpServerUnreachableException(
                $"Lost the connection to {Mention} during {operation}: {io.Message}{StderrTail(client)}", ex),
            McpProtocolException rpc => new McpServerErrorException(
                $"The MCP server rejected {operation}: {rpc.Message} (JSON-RPC error {(int)rpc.ErrorCode}).", (int)rpc.ErrorCode, ex),
            _ => new McpClientException($"{operation} failed on {Mention}: {Describe(ex)}", ex),
        };
    }

    public McpProtocolVersionException VersionMismatch(string asked, string offered, bool pinned, Exception ex) => new(
        pinned
            ? $"{Subject} does not speak protocol version {asked}; it offered {offered}. " +
              $"Use --protocol-version {offered}, or leave --protocol-version out to negotiate."
            : $"{Subject} speaks protocol version {offered}, which this client does not support " +
              $"(it supports {string.Join(", ", McpConnection.SupportedProtocolVersions)}). Use a server or client version that shares one.",
        ex);

    /// <summary>The exception's message on one line, with the messages it wraps when they add something.</summary>
    public static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null && parts.Count < 3; e = e.InnerException)
        {
            var text = e.Message.ReplaceLineEndings(" ").Trim();
            if (text.Length > 0 && !parts.Any(p => p.Contains(text, StringComparison.Ordinal)))
            {
                parts.Add(text);
            }
        }

        var line = string.Join(": ", parts);
        return line.Length <= 400 ? line : line[..397] + "...";
    }

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private McpClientException ForHttp(HttpRequestException http, string what, bool connecting)
    {
        var status = http.StatusCode;
        if (status is HttpStatusCode.Unauthorized)
        {
            return new McpAuthorizationException(
                $"{Subject} requires authentication (HTTP 401 Unauthorized{Body(http)}). " +
                "Pass a bearer token with --token TOKEN, or another credential header with --header 'Name: value'.", status.Value, http);
        }

        if (status is HttpStatusCode.Forbidden)
        {
            return new McpAuthorizationException(
                $"{Subject} refused the request (HTTP 403 Forbidden{Body(http)}): the credentials were " +
                "not accepted for this server. Check the token passed with --token (or the --header you send), or ask for one with access.",
                status.Value, http);
        }

        if (status is null)
        {
            return new McpServerUnreachableException(
                $"Cannot reach {Mention}: {Describe(http)}. Is the server running and listening there? " +
                $"Check with: curl {HealthUrl()} (kubemcp serve answers GET /healthz), or point --url at the right address.", http);
        }

        var code = (int)status.Value;
        if (connecting && code is >= 400 and < 500)
        {
            return new NotAnMcpEndpointException(
                $"{Endpoint} answered HTTP {code} {Reason(status.Value)} to {what}, so it is not an MCP endpoint{Body(http)}. " +
                "Check the path: MCP servers usually listen at /mcp (kubemcp serve: http://localhost:8080/mcp).", http);
        }

        return new McpClientException($"{Subject} failed {what} with HTTP {code} {Reason(status.Value)}{Body(http)}.", http);
    }

    private McpClientException ForClosedTransport(ClientTransportClosedException closed, bool connecting)
    {
        if (closed.Details is StdioClientCompletionDetails stdio)
        {
            var exit = stdio.ExitCode is { } code ? $" with exit code {code}" : "";
            var tail = stdio.StandardErrorTail is { Count: > 0 } lines ? " Its last stderr lines:\n  " + string.Join("\n  ", lines) : "";
            return new McpServerUnreachableException(
                $"{Subject} exited{exit} {(connecting ? "before completing initialize" : "during the request")}.{tail}", closed);
        }

        if (closed.Details is HttpClientCompletionDetails { HttpStatusCode: { } status })
        {
            return new McpClientException($"{Subject} closed the connection (HTTP {(int)status} {Reason(status)}).", closed);
        }

        return new McpServerUnreachableException($"The connection to {Mention} closed: {Describe(closed)}", closed);
    }

    private McpServerUnreachableException ForStdioStart(IOException io)
    {
        var program = CommandLineSplitter.Split(options.StdioCommand!).FirstOrDefault() ?? "";
        var reason = io.InnerException?.Message ?? io.Message;
        return new McpServerUnreachableException(
            $"Could not start the stdio MCP server '{program}': {reason}. Check the --stdio command (the first word must be a program on PATH or a path to one).", io);
    }

    /// <summary>The server's last stderr lines, which the SDK puts at the end of its "process exited" message.</summary>
    private static string StderrTail(string message)
    {
        const string marker = "stderr tail:";
        var at = message.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "" : " Its last stderr lines:\n  " + message[(at + marker.Length)..].Trim().ReplaceLineEndings("\n  ");
    }

    /// <summary>" with exit code N" from the SDK's "process exited unexpectedly (exit code: N)" message, when it has one.</summary>
    private static string ExitCode(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, @"\(exit code: (?<code>\d+)\)") is { Success: true } m
            ? $" with exit code {m.Groups["code"].Value}"
            : "";

    private static string StderrTail(McpClient client) =>
        client.Completion.IsCompletedSuccessfully && client.Completion.Result is StdioClientCompletionDetails { StandardErrorTail: { Count: > 0 } lines }
            ? " Server stderr:\n  " + string.Join("\n  ", lines)
            : "";

    /// <summary>"Not Found" for 404: the status name with spaces, as HTTP reason phrases read.</summary>
    private static string Reason(HttpStatusCode status) =>
        System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])(?=[A-Z])", " ");

    private string HealthUrl() => new Uri(options.Url, "/healthz").ToString();

    private static string Body(HttpRequestException http)
    {
        // The SDK appends the response body to the message ("… Response body: …"); show a short piece of it.
        const string marker = "Response body:";
        var at = http.Message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return "";
        }

        var body = http.Message[(at + marker.Length)..].ReplaceLineEndings(" ").Trim();
        return body.Length == 0 ? "" : ": " + (body.Length <= 200 ? body : body[..197] + "...");
    }

    private static bool SaysSessionRequired(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.NotFound } http => MentionsSession(http.Message),
        McpProtocolException rpc => MentionsSession(rpc.Message),
        _ => false,
    };

    private static bool MentionsSession(string message) => message.Contains("session", StringComparison.OrdinalIgnoreCase);

    private static bool MentionsProtocolVersion(string message) => message.Contains("protocol version", StringComparison.OrdinalIgnoreCase);
}
