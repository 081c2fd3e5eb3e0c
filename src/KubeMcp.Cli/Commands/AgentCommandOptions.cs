using System.CommandLine;
using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Agent;

namespace KubeMcp.Cli.Commands;

/// <summary>
/// The options <c>ask</c>, <c>chat</c> and <c>demo</c> share. Model options override the <c>KUBEMCP_*</c>
/// environment variables (see <see cref="ModelBackendOptions"/>).
/// </summary>
internal sealed class AgentCommandOptions
{
    private readonly bool _connection;

    public AgentCommandOptions(bool connection = true)
    {
        _connection = connection;
    }

    public Option<string?> Url { get; } = new("--url")
    {
        Description = "URL of an MCP server (Streamable HTTP or SSE), e.g. http://127.0.0.1:8080/mcp. Default: start the embedded cluster and KubeMcp's server in this process.",
    };

    public Option<string?> Stdio { get; } = new("--stdio")
    {
        Description = "Command line of an MCP server to start and talk to over stdin/stdout, e.g. \"kubemcp serve --stdio\".",
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = $"Model back-end: triton, openai or offline (${ModelBackendOptions.ProviderVariable}). Default: detect from --model-url, else Triton on 127.0.0.1:8000 if it answers, else the offline planner.",
    };

    public Option<string?> ModelUrl { get; } = new("--model-url")
    {
        Description = $"Base URL of the model server: Triton (http://host:8000) or OpenAI-compatible (http://host:8000/v1) (${ModelBackendOptions.ModelUrlVariable}).",
    };

    public Option<string?> Model { get; } = new("--model")
    {
        Description = $"Model name (${ModelBackendOptions.ModelVariable}). Default: the server's first ready model.",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"API key for an OpenAI-compatible server that needs one (${ModelBackendOptions.ApiKeyVariable}; prefer the variable, command lines are visible to other users).",
    };

    public Option<bool> Yes { get; } = new("--yes", "-y")
    {
        Description = "Pre-approve destructive actions (deleting pods, scaling, …). Without it they are asked about on a terminal and refused otherwise.",
    };

    public Option<string?> Json { get; } = new("--json")
    {
        Description = "Write the full transcript (every message, tool call, result, timing and token count) to this file as JSON.",
    };

    public Option<string?> Session { get; } = new("--session")
    {
        Description = "Session id: resume that saved conversation and save this one into it (under $XDG_STATE_HOME/kubemcp/sessions).",
    };

    public Option<int> MaxSteps { get; } = new("--max-steps")
    {
        Description = "Most model calls per task.",
        DefaultValueFactory = _ => 15,
    };

    public Option<string?> OtlpEndpoint { get; } = new("--otlp-endpoint")
    {
        Description = "Export traces (one per task: model calls, MCP calls, Kubernetes requests) and metrics over OTLP to this endpoint, e.g. http://127.0.0.1:4317 (protocol from $OTEL_EXPORTER_OTLP_PROTOCOL, default gRPC).",
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "Namespace to work in when a task does not name one.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        if (_connection)
        {
            command.Options.Add(Url);
            command.Options.Add(Stdio);
            command.Options.Add(Yes);
            command.Options.Add(Session);
            command.Options.Add(Namespace);
        }

        command.Options.Add(Provider);
        command.Options.Add(ModelUrl);
        command.Options.Add(Model);
        command.Options.Add(ApiKey);
        command.Options.Add(Json);
        command.Options.Add(MaxSteps);
        command.Options.Add(OtlpEndpoint);
    }

    /// <summary>Reads the settings: environment first, then the options.</summary>
    /// <exception cref="ArgumentException">An option or variable has a value that cannot be used (the message says which).</exception>
    public AgentSettings Read(ParseResult result, Func<string, string?>? getVariable = null)
    {
        var model = ModelBackendOptions.FromEnvironment(getVariable);
        if (result.GetValue(Provider) is { Length: > 0 } provider)
        {
            model.Provider = ModelBackendOptions.ParseProvider(provider);
        }

        if (result.GetValue(ModelUrl) is { Length: > 0 } modelUrl)
        {
            model.ModelUrl = ModelBackendOptions.ParseUrl(modelUrl);
        }

        model.Model = result.GetValue(Model) is { Length: > 0 } name ? name : model.Model;
        model.ApiKey = result.GetValue(ApiKey) is { Length: > 0 } key ? key : model.ApiKey;

        var steps = result.GetValue(MaxSteps);
        if (steps < 1)
        {
            throw new ArgumentException($"--max-steps={steps} must be at least 1.");
        }

        var settings = new AgentSettings { Model = model, TranscriptPath = result.GetValue(Json), MaxSteps = steps };
        if (result.GetValue(OtlpEndpoint) is { Length: > 0 } otlp)
        {
            settings.OtlpEndpoint = ModelBackendOptions.ParseUrl(otlp, "--otlp-endpoint");
        }

        if (!_connection)
        {
            return settings;
        }

        settings.AutoApprove = result.GetValue(Yes);
        settings.SessionId = result.GetValue(Session);
        settings.Namespace = result.GetValue(Namespace) is { Length: > 0 } ns ? ns : null;
        settings.StdioCommand = result.GetValue(Stdio);
        if (result.GetValue(Url) is { Length: > 0 } url)
        {
            settings.McpUrl = ModelBackendOptions.ParseUrl(url, "--url");
        }

        if (settings.McpUrl is not null && settings.StdioCommand is not null)
        {
            throw new ArgumentException("Give --url or --stdio, not both.");
        }

        return settings;
    }
}
