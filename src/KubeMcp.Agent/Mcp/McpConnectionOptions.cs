using ModelContextProtocol.Protocol;

namespace KubeMcp.Agent.Mcp;

/// <summary>Where and how to reach an MCP server: Streamable HTTP at <see cref="Url"/>, or a child process over stdio.</summary>
public sealed class McpConnectionOptions
{
    /// <summary>Where <c>kubemcp serve</c> listens by default.</summary>
    public static readonly Uri DefaultUrl = new("http://localhost:8080/mcp");

    /// <summary>The Streamable HTTP endpoint. Ignored when <see cref="StdioCommand"/> is set.</summary>
    public Uri Url { get; init; } = DefaultUrl;

    /// <summary>
    /// A server to start and talk to over stdin/stdout, as one command line (<c>kubemcp serve --stdio</c>); words are
    /// split like a POSIX shell does (quotes and backslashes), without running a shell.
    /// </summary>
    public string? StdioCommand { get; init; }

    /// <summary>Extra HTTP headers sent with every request (HTTP only).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A bearer token sent as <c>Authorization: Bearer …</c> (HTTP only).</summary>
    public string? BearerToken { get; init; }

    /// <summary>How long connecting, and each request after it, may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The MCP protocol version to insist on, or null to negotiate: the newest session-based version first, then the
    /// older one the server offers.
    /// </summary>
    public string? ProtocolVersion { get; init; }

    /// <summary>The name this client gives itself in <c>initialize</c>.</summary>
    public string ClientName { get; init; } = "kubemcp";

    /// <summary>
    /// Answers the server's elicitation requests (KubeMcp's policy asks for approvals this way); null declares no
    /// elicitation support, so such a server refuses instead of asking.
    /// </summary>
    public Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? Elicitation { get; init; }

    /// <summary>Receives one line per notable step (connecting, negotiation, re-initialization); null for silence.</summary>
    public Action<string>? Trace { get; init; }

    /// <summary>True when the server is reached over stdio.</summary>
    public bool IsStdio => !string.IsNullOrWhiteSpace(StdioCommand);

    /// <summary>The endpoint as shown to people: the URL, or the stdio command's program name.</summary>
    public string DisplayName => IsStdio ? $"stdio:{Program}" : Url.ToString();

    /// <summary>"the MCP server at URL" or "the stdio MCP server 'program'", for messages.</summary>
    internal string ServerPhrase(bool capitalized) =>
        (capitalized ? "The" : "the") + (IsStdio ? $" stdio MCP server '{Program}'" : $" MCP server at {Url}");

    private string Program
    {
        get
        {
            try
            {
                return CommandLineSplitter.Split(StdioCommand!).FirstOrDefault() ?? "";
            }
            catch (FormatException)
            {
                // Messages about a malformed command still need a name for it.
                return StdioCommand!.Trim().Split(' ', 2)[0];
            }
        }
    }
}
