using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Approval;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Agent.Tools;

/// <summary>
/// Connects the agent's approval gate to a server that asks for approval itself, with MCP elicitation (KubeMcp's
/// policy does). Use it as the runner's gate and as the MCP client's elicitation handler:
/// <code>
/// var bridge = new ServerApprovalBridge(new ConsoleApprovalGate(Console.In, Console.Out));
/// var client = await McpClient.CreateAsync(transport, new McpClientOptions { Handlers = { ElicitationHandler = bridge.HandleElicitationAsync } });
/// var runner = new AgentRunner(chat, await McpToolExecutor.CreateAsync(client), approvalGate: bridge);
/// </code>
/// A call the person already approved in the loop is approved once more when the server asks about it, so they
/// are not asked twice; anything else the server asks about goes to the inner gate. Elicitations that are not
/// approval requests are declined: the agent has no person to fill in arbitrary forms.
/// </summary>
public sealed class ServerApprovalBridge : IApprovalGate
{
    /// <summary>The <c>_meta</c> key under which the server describes the call it wants approved.</summary>
    public const string MetaKey = "io.kubemcp/approval";

    private const string ApproveField = "approve";
    private readonly IApprovalGate _inner;
    private readonly ConcurrentDictionary<string, int> _granted = new(StringComparer.Ordinal);

    /// <summary>Creates a bridge that asks <paramref name="inner"/>.</summary>
    public ServerApprovalBridge(IApprovalGate inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc />
    public async ValueTask<ApprovalDecision> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = await _inner.RequestApprovalAsync(request, cancellationToken).ConfigureAwait(false);
        if (decision.Approved)
        {
            _granted.AddOrUpdate(Key(request.Tool.Name, request.Arguments), 1, (_, n) => n + 1);
        }
        return decision;
    }

    /// <summary>The MCP client's elicitation handler.</summary>
    public async ValueTask<ElicitResult> HandleElicitationAsync(ElicitRequestParams? request, CancellationToken cancellationToken)
    {
        if (request?.Meta?[MetaKey] is not JsonObject call || call["tool"]?.GetValue<string>() is not { Length: > 0 } tool)
        {
            return new ElicitResult { Action = "decline" };
        }
        var arguments = call["arguments"] as JsonObject ?? [];
        var key = Key(tool, arguments);
        if (TryConsume(key))
        {
            return Accept();
        }
        var descriptor = new ToolDescriptor(tool, request.Message ?? "", new JsonObject { ["type"] = "object" });
        var decision = await _inner.RequestApprovalAsync(new ApprovalRequest(descriptor, (JsonObject)arguments.DeepClone(), 0), cancellationToken)
            .ConfigureAwait(false);
        return decision.Approved ? Accept() : new ElicitResult { Action = "decline" };
    }

    private bool TryConsume(string key)
    {
        while (_granted.TryGetValue(key, out var count))
        {
            if (count <= 1 ? _granted.TryRemove(new KeyValuePair<string, int>(key, count)) : _granted.TryUpdate(key, count - 1, count))
            {
                return true;
            }
        }
        return false;
    }

    private static ElicitResult Accept() => new()
    {
        Action = "accept",
        Content = new Dictionary<string, JsonElement> { [ApproveField] = JsonSerializer.SerializeToElement(true) },
    };

    /// <summary>Tool name and arguments with keys sorted, so the same call matches however it was serialized.</summary>
    private static string Key(string tool, JsonObject arguments) => tool + "\n" + Canonical(arguments);

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
