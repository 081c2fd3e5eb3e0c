using System.CommandLine;
using KubeMcp.Agent.Mcp;

namespace KubeMcp.Cli.Commands;

/// <summary>The connection and output options every <c>tools</c> subcommand takes (recursive on <c>tools</c>).</summary>
internal sealed class ToolsCommandOptions
{
    public Option<string> Url { get; } = new("--url")
    {
        Description = "Streamable HTTP endpoint of the MCP server.",
        DefaultValueFactory = _ => McpConnectionOptions.DefaultUrl.ToString(),
        Recursive = true,
    };

    public Option<string?> Stdio { get; } = new("--stdio")
    {
        Description = "Start this command and talk MCP over its stdin/stdout instead, e.g. \"kubemcp serve --stdio\".",
        HelpName = "COMMAND ARGS",
        Recursive = true,
    };

    public Option<string[]> Header { get; } = new("--header", "-H")
    {
        Description = "Extra HTTP header 'Name: value' sent with every request (repeatable).",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Bearer token sent as 'Authorization: Bearer TOKEN' (default: ${ToolsCommand.TokenVariable}).",
        Recursive = true,
    };

    public Option<string> TimeoutOption { get; } = new("--timeout")
    {
        Description = "How long connecting and each request may take: seconds, or 500ms, 30s, 2m.",
        DefaultValueFactory = _ => "30s",
        Recursive = true,
    };

    public Option<string?> ProtocolVersion { get; } = new("--protocol-version")
    {
        Description = $"Insist on one MCP protocol version ({string.Join(", ", McpConnection.SupportedProtocolVersions)}); default: negotiate.",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON instead of text.", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Say what happens on stderr: connection, protocol negotiation, session changes, timings.",
        Recursive = true,
    };
}
