namespace KubeMcp.Agent.Providers;

/// <summary>
/// How to reach the model. Command-line options override the environment:
/// <list type="table">
/// <item><term><c>KUBEMCP_PROVIDER</c></term><description><c>triton</c>, <c>openai</c> or <c>offline</c>; unset: auto-detect.</description></item>
/// <item><term><c>KUBEMCP_MODEL_URL</c></term><description>Triton's base URL (<c>http://host:8000</c>) or an OpenAI-compatible base URL (<c>http://host:8000/v1</c>).</description></item>
/// <item><term><c>KUBEMCP_MODEL</c></term><description>The model name; unset: the server's first ready model.</description></item>
/// <item><term><c>KUBEMCP_API_KEY</c></term><description>API key for OpenAI-compatible servers that need one.</description></item>
/// <item><term><c>KUBEMCP_CONTEXT_WINDOW</c></term><description>The model's context window in tokens (default 32768).</description></item>
/// </list>
/// Auto-detect: a model URL that answers Triton's <c>/v2/health/ready</c> is Triton, any other URL is OpenAI-compatible;
/// with no URL, a Triton server on <c>http://127.0.0.1:8000</c> is used if it answers, else the offline planner.
/// </summary>
public sealed class ModelBackendOptions
{
    /// <summary>Environment variable names.</summary>
    public const string ProviderVariable = "KUBEMCP_PROVIDER";

    /// <inheritdoc cref="ProviderVariable"/>
    public const string ModelUrlVariable = "KUBEMCP_MODEL_URL";

    /// <inheritdoc cref="ProviderVariable"/>
    public const string ModelVariable = "KUBEMCP_MODEL";

    /// <inheritdoc cref="ProviderVariable"/>
    public const string ApiKeyVariable = "KUBEMCP_API_KEY";

    /// <inheritdoc cref="ProviderVariable"/>
    public const string ContextWindowVariable = "KUBEMCP_CONTEXT_WINDOW";

    /// <summary>The back-end; null to auto-detect.</summary>
    public ModelProvider? Provider { get; set; }

    /// <summary>The model server's base URL.</summary>
    public Uri? ModelUrl { get; set; }

    /// <summary>The model name; null to ask the server.</summary>
    public string? Model { get; set; }

    /// <summary>API key for OpenAI-compatible servers.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model's context window in tokens (default 32,768).</summary>
    public int ContextWindowTokens { get; set; } = 32_768;

    /// <summary>Where auto-detection looks for Triton (default <c>http://127.0.0.1:8000</c>).</summary>
    public Uri AutoDetectUrl { get; set; } = new("http://127.0.0.1:8000");

    /// <summary>How long a detection probe may take (default 1 s).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Reads the <c>KUBEMCP_*</c> variables.</summary>
    /// <param name="getVariable">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    /// <exception cref="ArgumentException">A variable has a value that cannot be used (the message says which and why).</exception>
    public static ModelBackendOptions FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var options = new ModelBackendOptions();
        if (getVariable(ProviderVariable) is { Length: > 0 } provider)
        {
            options.Provider = ParseProvider(provider, ProviderVariable);
        }

        if (getVariable(ModelUrlVariable) is { Length: > 0 } url)
        {
            options.ModelUrl = ParseUrl(url, ModelUrlVariable);
        }

        options.Model = getVariable(ModelVariable) is { Length: > 0 } model ? model : null;
        options.ApiKey = getVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null;
        if (getVariable(ContextWindowVariable) is { Length: > 0 } window)
        {
            options.ContextWindowTokens = int.TryParse(window, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1024
                ? n
                : throw new ArgumentException($"{ContextWindowVariable}='{window}' is not a token count of at least 1024.");
        }

        return options;
    }

    /// <summary>Parses a provider name (<c>triton</c>, <c>openai</c>, <c>offline</c>; case-insensitive).</summary>
    public static ModelProvider ParseProvider(string value, string source = "--provider") => value.Trim().ToLowerInvariant() switch
    {
        "triton" => ModelProvider.Triton,
        "openai" or "openai-compatible" => ModelProvider.OpenAI,
        "offline" or "planner" => ModelProvider.Offline,
        _ => throw new ArgumentException($"{source}='{value}' is not a provider: use triton, openai or offline."),
    };

    /// <summary>Parses an absolute http(s) URL.</summary>
    public static Uri ParseUrl(string value, string source = "--model-url") =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{source}='{value}' is not an http(s) URL, e.g. http://127.0.0.1:8000.");
}
