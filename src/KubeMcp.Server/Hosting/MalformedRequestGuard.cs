using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KubeMcp.Server.Hosting;

/// <summary>
/// Answers requests the MCP transport could not even read — JSON of the wrong shape, bodies over the size limit —
/// with a 4xx and a JSON-RPC error instead of the 500 an unhandled exception would give. Genuine server faults
/// still surface as 500.
/// </summary>
internal sealed partial class MalformedRequestGuard(ILogger<MalformedRequestGuard> logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && Classify(e) is { } status)
        {
            Refused(logger, context.Request.Path, status, e.GetType().Name);
            context.Response.Clear();
            context.Response.StatusCode = status.Code;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                $"{{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{{\"code\":{status.JsonRpcCode},\"message\":{JsonSerializer.Serialize(status.Message, HostingJsonContext.Default.String)}}}}}");
        }
    }

    private static Status? Classify(Exception e) => e switch
    {
        Microsoft.AspNetCore.Http.BadHttpRequestException bad => new Status(bad.StatusCode, -32600, $"Invalid request: {bad.Message}"),
        JsonException => new Status(StatusCodes.Status400BadRequest, -32700, "Parse error: the body is not a JSON-RPC message of the expected shape."),
        _ when e.InnerException is { } inner => Classify(inner),
        _ => null,
    };

    private sealed record Status(int Code, int JsonRpcCode, string Message);

    [LoggerMessage(Level = LogLevel.Information, Message = "refused a malformed request to {Path} with {Status} ({Exception})")]
    private static partial void Refused(ILogger logger, string path, Status status, string exception);
}
