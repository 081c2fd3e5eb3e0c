using KubeMcp.Server.Kubernetes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KubeMcp.Server.Errors;

/// <summary>
/// The one place where a failed tool call becomes an <c>isError</c> result in plain words, instead of the SDK's
/// generic "An error occurred" (which hides the cause from the model).
/// </summary>
internal static class ToolErrorFilter
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create(ClusterConnections connections, ILogger logger) =>
        next => async (request, cancellationToken) =>
        {
            try
            {
                return await next(request, cancellationToken);
            }
            catch (Exception e) when (e is not McpProtocolException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                var tool = request.Params?.Name ?? "?";
                var message = await ErrorMessages.DescribeAsync(e, connections, request.Params?.Arguments, cancellationToken);
                if (ErrorMessages.IsUnexpected(e))
                {
                    logger.LogError(e, "tool {Tool} failed unexpectedly", tool);
                }
                else
                {
                    logger.LogInformation("tool {Tool} failed: {Message}", tool, message);
                }
                return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = message }] };
            }
        };
}
