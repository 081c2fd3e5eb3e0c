using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KubeMcp.Server.Errors;

/// <summary>One structured log line per tool call: tool, outcome, duration and result size (never the arguments' values).</summary>
internal static partial class ToolCallLog
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create(ILogger logger) =>
        next => async (request, cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            var result = await next(request, cancellationToken);
            var chars = result.Content.OfType<TextContentBlock>().Sum(c => c.Text.Length);
            Completed(logger, request.Params?.Name ?? "?", result.IsError == true ? "error" : "ok",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, chars, request.Server.SessionId ?? "-");
            return result;
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "tool {Tool} {Outcome} in {ElapsedMs:0.0} ms, {Chars} chars (session {Session})")]
    private static partial void Completed(ILogger logger, string tool, string outcome, double elapsedMs, int chars, string session);
}
