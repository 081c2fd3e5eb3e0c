using System.Diagnostics;
using KubeMcp.Server.Audit;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KubeMcp.Server.Telemetry;

/// <summary>Counts and times every tool call (tool, outcome) and wraps it in an activity.</summary>
internal static class ToolCallMetricsFilter
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create(ServerTelemetry telemetry) =>
        next => async (request, cancellationToken) =>
        {
            var tool = request.Params?.Name ?? "?";
            using var activity = ServerTelemetry.StartToolCall(tool, request.Server.SessionId);
            var started = Stopwatch.GetTimestamp();
            var outcome = "error";
            var audit = ToolCallAudit.Of(request) ?? ToolCallAudit.Attach(request);
            try
            {
                var result = await next(request, cancellationToken);
                outcome = audit.Decision is "denied" or "refused" ? "denied" : result.IsError == true ? "error" : "ok";
                return result;
            }
            catch (OperationCanceledException)
            {
                outcome = "cancelled";
                throw;
            }
            finally
            {
                telemetry.RecordToolCall(tool, outcome, Stopwatch.GetElapsedTime(started));
                activity?.SetTag("kubemcp.outcome", outcome);
                if (outcome != "ok")
                {
                    activity?.SetStatus(ActivityStatusCode.Error, outcome);
                }
            }
        };
}
