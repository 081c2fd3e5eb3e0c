using KubeMcp.Agent.Mcp;
using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Agent;
using ModelContextProtocol;

namespace KubeMcp.Cli.Commands;

/// <summary>What <c>ask</c>, <c>chat</c> and <c>demo</c> share: start a session, run the body, report setup failures.</summary>
internal static class AgentCommand
{
    /// <summary>
    /// Starts an <see cref="AgentSession"/> and runs <paramref name="body"/> with it. Problems before the agent can run
    /// (bad options, unreachable servers) are printed as one line and give <see cref="AgentExitCodes.SetupFailed"/>.
    /// </summary>
    public static async Task<int> RunAsync(
        string name, Func<AgentSettings> readSettings, AgentTerminal terminal, Func<AgentSession, Task<int>> body, CancellationToken cancellationToken)
    {
        AgentSession session;
        try
        {
            session = await AgentSession.StartAsync(readSettings(), terminal, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return AgentExitCodes.Stopped;
        }
        catch (Exception ex) when (Describe(ex) is { } problem)
        {
            await Console.Error.WriteLineAsync($"kubemcp {name}: {problem}").ConfigureAwait(false);
            return AgentExitCodes.SetupFailed;
        }

        await using (session.ConfigureAwait(false))
        {
            return await body(session).ConfigureAwait(false);
        }
    }

    /// <summary>A one-line explanation for the failures a person can fix; null for bugs, which should surface.</summary>
    private static string? Describe(Exception ex) => ex switch
    {
        ArgumentException or FormatException or ModelBackendException or InvalidDataException or McpClientException => ex.Message,
        HttpRequestException => $"cannot reach the MCP server: {ex.Message}. Check --url, or leave it out to use the embedded cluster.",
        McpException => $"the MCP server failed: {ex.Message}",
        System.ComponentModel.Win32Exception or IOException => $"cannot start or talk to the MCP server: {ex.Message}",
        TimeoutException => $"the MCP server did not answer in time: {ex.Message}",
        _ => null,
    };
}
