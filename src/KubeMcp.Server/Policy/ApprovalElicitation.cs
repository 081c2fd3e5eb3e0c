using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KubeMcp.Server.Policy;

/// <summary>
/// Asks the person behind the MCP client to approve one call, with MCP elicitation (<c>elicitation/create</c>, a
/// form with one boolean, <c>approve</c>). The request goes to the client, not to the model, so text in tool output
/// cannot answer it. The call and its arguments travel in <c>_meta["io.kubemcp/approval"]</c> so a client can match
/// the request to a call it already approved.
/// </summary>
internal static class ApprovalElicitation
{
    public const string MetaKey = "io.kubemcp/approval";
    public const string ApproveField = "approve";

    /// <summary>True when the client declared form elicitation in <c>initialize</c>.</summary>
    public static bool CanAsk(McpServer server) => server.ClientCapabilities?.Elicitation is not null;

    public static async Task<bool> AskAsync(McpServer server, string tool, IDictionary<string, JsonElement>? arguments,
        IReadOnlyList<ToolCallTarget> targets, PolicyDecision decision, TimeSpan timeout, CancellationToken ct)
    {
        var args = Audit.ArgumentRedactor.Redact(arguments);
        var request = new ElicitRequestParams
        {
            Message = $"Approve {tool}: {string.Join("; ", targets)}? Policy rule '{decision.Rule}' asks for a person's approval: {decision.Reason}. " +
                $"Arguments: {args.ToJsonString()}",
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                {
                    [ApproveField] = new ElicitRequestParams.BooleanSchema
                    {
                        Title = "Approve this call",
                        Description = "Check to let the call run once.",
                        Default = false,
                    },
                },
                Required = [ApproveField],
            },
            Meta = new JsonObject
            {
                [MetaKey] = new JsonObject { ["tool"] = tool, ["arguments"] = args, ["rule"] = decision.Rule },
            },
        };
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        ElicitResult result;
        try
        {
            result = await server.ElicitAsync(request, timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
        return result.IsAccepted && result.Content is { } content && content.TryGetValue(ApproveField, out var value) &&
            value.ValueKind == JsonValueKind.True;
    }
}
