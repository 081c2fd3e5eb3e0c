using KubeMcp.Server.Audit;
using KubeMcp.Server.Kubernetes;
using KubeMcp.Server.Telemetry;
using KubeMcp.Server.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KubeMcp.Server.Policy;

/// <summary>
/// Decides every tool call against the <see cref="PolicyDocument"/> before the tool runs: denials and refused
/// approvals come back as <c>isError</c> results naming the rule and the reason; approvals are asked for with
/// <see cref="ApprovalElicitation"/>; Secret values are revealed only when the deciding rule says so.
/// </summary>
internal sealed class PolicyFilter(
    PolicyEngine engine, BlastRadius blastRadius, KubeToolCatalog catalog, ClusterConnections connections,
    ServerTelemetry telemetry, KubeMcpServerOptions options, ILogger logger)
{
    public McpRequestFilter<CallToolRequestParams, CallToolResult> Create() => next => async (request, ct) =>
    {
        var name = request.Params?.Name ?? "";
        var tool = catalog.All.FirstOrDefault(t => t.Name == name);
        if (tool is null)
        {
            // Unknown tools are the SDK's to refuse.
            return await next(request, ct);
        }
        var audit = ToolCallAudit.Of(request) ?? ToolCallAudit.Attach(request);
        var args = request.Params?.Arguments;
        var targets = await ToolCallTargets.DescribeAsync(name, tool.Hints, args, ApiOrNull(args), ct);
        var session = request.Server;
        var decision = engine.Evaluate(targets, tool.Hints.Destructive, blastRadius.DeletionsWithoutApproval(session));
        audit.Targets = targets.Select(t => t.ToString()).ToList();
        audit.Rule = decision.Rule;
        audit.Reason = decision.Reason;
        var approved = false;
        switch (decision.Effect)
        {
            case PolicyEffect.Deny:
                audit.Decision = "denied";
                telemetry.RecordDenial(name, decision.Rule);
                logger.LogWarning("policy denied {Tool} ({Targets}) by rule {Rule}", name, string.Join("; ", targets), decision.Rule);
                return Refusal($"Denied by policy rule '{decision.Rule}': {decision.Reason}. The call ({string.Join("; ", targets)}) was not run; " +
                    "do not retry it. If it is needed, ask the operator to change the policy.");
            case PolicyEffect.RequireApproval when !ApprovalElicitation.CanAsk(session):
                audit.Decision = "denied";
                audit.Reason = decision.Reason + "; the client cannot be asked (it did not declare MCP elicitation)";
                telemetry.RecordDenial(name, decision.Rule);
                return Refusal($"Denied: policy rule '{decision.Rule}' requires a person's approval for this call ({decision.Reason}), " +
                    "and this MCP client does not support elicitation, so no one can be asked. The call was not run. Use a client " +
                    "that supports elicitation, or ask the operator to allow the call in the policy file.");
            case PolicyEffect.RequireApproval:
                approved = await ApprovalElicitation.AskAsync(session, name, args, targets, decision, options.ApprovalTimeout, ct);
                telemetry.RecordApproval(name, approved);
                if (!approved)
                {
                    audit.Decision = "refused";
                    telemetry.RecordDenial(name, decision.Rule);
                    return Refusal($"Not approved: policy rule '{decision.Rule}' requires a person's approval ({decision.Reason}), and the " +
                        "person declined or did not answer. The call was not run; do not retry it.");
                }
                audit.Decision = "approved";
                audit.ApprovedBy = $"client elicitation ({session.ClientInfo?.Name ?? "unknown client"}, session {session.SessionId ?? "-"})";
                break;
        }
        CallToolResult result;
        using (SecretDisclosure.Allow(decision.RevealSecrets))
        {
            result = await next(request, ct);
        }
        var deletions = targets.Count(t => t.Verb == PolicyVerbs.Delete);
        if (deletions > 0 && !approved && result.IsError != true)
        {
            blastRadius.Record(session, deletions);
        }
        return result;
    };

    private KubeApi? ApiOrNull(IDictionary<string, System.Text.Json.JsonElement>? args)
    {
        try
        {
            var context = args is not null && args.TryGetValue(KubeTool.ContextParameter, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String
                ? v.GetString()
                : null;
            return connections.Get(context);
        }
        catch (Exception e) when (e is ToolArgumentException or ClusterConfigurationException)
        {
            return null;
        }
    }

    private static CallToolResult Refusal(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };
}
