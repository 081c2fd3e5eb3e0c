namespace KubeMcp.Cli.Tools;

/// <summary>Exit statuses of <c>kubemcp tools …</c> (documented in docs/tools-catalog.md).</summary>
internal static class ToolsExitCodes
{
    /// <summary>Done; for <c>call</c>, the tool succeeded.</summary>
    public const int Success = 0;

    /// <summary>The tool ran and reported an error (<c>isError</c>).</summary>
    public const int ToolError = 1;

    /// <summary>The request was wrong before anything ran: bad options, unknown tool, arguments that do not fit the schema.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be used: unreachable, not MCP, refused credentials, protocol version, session, timeout, server error.</summary>
    public const int Connection = 3;

    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Interrupted = 130;
}
