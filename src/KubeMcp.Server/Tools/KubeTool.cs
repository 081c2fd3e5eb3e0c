using System.Text.Json.Nodes;
using KubeMcp.Server.Kubernetes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KubeMcp.Server.Tools;

/// <summary>
/// Base of every Kubernetes tool: a hand-written input schema (exact names, types and required sets), the four
/// annotation hints, argument checking, and the optional <c>context</c> argument when the kubeconfig has several
/// contexts. Failures are thrown as typed exceptions and turned into <c>isError</c> results by
/// <see cref="Errors.ToolErrorFilter"/>, in one place.
/// </summary>
internal abstract class KubeTool(ToolServices services) : McpServerTool
{
    public const string ContextParameter = "context";
    private Tool? _tool;
    private IReadOnlyList<ToolParameter>? _allParameters;

    public abstract string Name { get; }

    public abstract string Toolset { get; }

    public abstract ToolHints Hints { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override Tool ProtocolTool => _tool ??= BuildTool();

    protected ToolServices Services { get; } = services;

    protected abstract string Title { get; }

    protected abstract string Description { get; }

    protected abstract IReadOnlyList<ToolParameter> Parameters { get; }

    /// <summary>False for tools about the kubeconfig itself, which take no <c>context</c>.</summary>
    protected virtual bool TakesContext => true;

    private IReadOnlyList<ToolParameter> AllParameters => _allParameters ??= BuildParameters();

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var args = ToolArguments.Parse(request.Params?.Arguments, AllParameters);
        var text = await ExecuteAsync(args, cancellationToken);
        return new CallToolResult { Content = [new TextContentBlock { Text = text }] };
    }

    protected abstract Task<string> ExecuteAsync(ToolArguments args, CancellationToken cancellationToken);

    /// <summary>The API of the context the call names, or the default one.</summary>
    protected KubeApi Cluster(ToolArguments args) => Services.Connections.Get(args.String(ContextParameter));

    protected DateTimeOffset Now => Services.Clock.GetUtcNow();

    private IReadOnlyList<ToolParameter> BuildParameters()
    {
        var list = Parameters.ToList();
        if (TakesContext && Services.Connections.IsMultiContext)
        {
            var contexts = Services.Connections.Contexts.Select(c => c.Name);
            list.Add(ToolParameter.String(ContextParameter,
                $"Kubeconfig context to run against (optional; default {Services.Connections.DefaultContext}). One of: {string.Join(", ", contexts)}."));
        }
        return list;
    }

    private Tool BuildTool()
    {
        var properties = new JsonObject();
        foreach (var p in AllParameters.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            properties[p.Name] = p.ToSchema();
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        var required = AllParameters.Where(p => p.Required).Select(p => (JsonNode)p.Name).ToArray();
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }
        return new Tool
        {
            Name = Name,
            Title = Title,
            Description = Description,
            InputSchema = System.Text.Json.JsonDocument.Parse(schema.ToJsonString()).RootElement.Clone(),
            Annotations = new ToolAnnotations
            {
                Title = Title,
                ReadOnlyHint = Hints.ReadOnly,
                DestructiveHint = Hints.Destructive,
                IdempotentHint = Hints.Idempotent,
                OpenWorldHint = Hints.OpenWorld,
            },
        };
    }
}
