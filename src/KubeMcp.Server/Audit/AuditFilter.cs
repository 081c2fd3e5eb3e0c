using System.Diagnostics;
using KubeMcp.Server.Authentication;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KubeMcp.Server.Audit;

/// <summary>
/// The outermost call-tool filter: writes one <see cref="AuditRecord"/> per <c>tools/call</c> — allowed, denied,
/// failed or cancelled — before the answer leaves the server.
/// </summary>
internal static class AuditFilter
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create(AuditLog log, TimeProvider clock) =>
        next => async (request, cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            var time = clock.GetUtcNow();
            var audit = ToolCallAudit.Of(request) ?? ToolCallAudit.Attach(request);
            string outcome = "error";
            string? error = null;
            var chars = 0;
            try
            {
                var result = await next(request, cancellationToken);
                chars = result.Content.OfType<TextContentBlock>().Sum(c => c.Text.Length);
                outcome = audit.Decision is "denied" or "refused" ? "denied" : result.IsError == true ? "error" : "ok";
                if (result.IsError == true)
                {
                    error = FirstLine(result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text);
                }
                return result;
            }
            catch (OperationCanceledException)
            {
                outcome = "cancelled";
                throw;
            }
            catch (Exception e)
            {
                error = FirstLine($"{e.GetType().Name}: {e.Message}");
                throw;
            }
            finally
            {
                var caller = CallerIdentity.From(request.User);
                log.Write(new AuditRecord
                {
                    Time = time,
                    Session = request.Server.SessionId,
                    Caller = caller.Name,
                    Groups = caller.Groups.Count == 0 ? null : caller.Groups,
                    Tool = request.Params?.Name ?? "?",
                    Arguments = ArgumentRedactor.Redact(request.Params?.Arguments),
                    Targets = audit.Targets,
                    Decision = audit.Decision,
                    Rule = audit.Rule,
                    Reason = audit.Reason,
                    ApprovedBy = audit.ApprovedBy,
                    Outcome = outcome,
                    Error = error,
                    DurationMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3),
                    ResultChars = chars,
                });
            }
        };

    private static string? FirstLine(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var line = text.ReplaceLineEndings("\n").Split('\n')[0];
        return line.Length <= 500 ? line : line[..500] + "…";
    }
}
