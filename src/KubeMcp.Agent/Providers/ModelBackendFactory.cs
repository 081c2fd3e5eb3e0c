using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Providers.Offline;
using Microsoft.Extensions.AI;
using OpenAI;

namespace KubeMcp.Agent.Providers;

/// <summary>
/// Chooses and builds the model back-end from <see cref="ModelBackendOptions"/> (see there for the environment
/// variables and the auto-detection rules).
/// </summary>
public sealed class ModelBackendFactory
{
    private readonly HttpMessageHandler? _handler;

    /// <summary>Creates a factory; <paramref name="handler"/> replaces the HTTP stack (tests, proxies).</summary>
    public ModelBackendFactory(HttpMessageHandler? handler = null)
    {
        _handler = handler;
    }

    /// <summary>Builds the back-end, probing servers as needed.</summary>
    /// <exception cref="ModelBackendException">A configured server cannot be used (unreachable, no model).</exception>
    public async Task<ModelBackend> CreateAsync(ModelBackendOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = _handler is null ? new HttpClient() : new HttpClient(_handler, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan; // the agent loop owns timeouts
        try
        {
            var provider = options.Provider ?? await DetectAsync(http, options, cancellationToken).ConfigureAwait(false);
            var backend = provider switch
            {
                ModelProvider.Triton => await CreateTritonAsync(http, options, cancellationToken).ConfigureAwait(false),
                ModelProvider.OpenAI => await CreateOpenAIAsync(http, options, cancellationToken).ConfigureAwait(false),
                _ => new ModelBackend(new OfflinePlannerChatClient(), ModelProvider.Offline,
                    OfflinePlannerChatClient.ModelName, int.MaxValue / 2, http),
            };
            return backend;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private async Task<ModelProvider> DetectAsync(HttpClient http, ModelBackendOptions options, CancellationToken cancellationToken)
    {
        if (options.ModelUrl is { } url)
        {
            return await IsTritonAsync(http, url, options.ProbeTimeout, cancellationToken).ConfigureAwait(false)
                ? ModelProvider.Triton
                : ModelProvider.OpenAI;
        }

        return await IsTritonAsync(http, options.AutoDetectUrl, options.ProbeTimeout, cancellationToken).ConfigureAwait(false)
            ? ModelProvider.Triton
            : ModelProvider.Offline;
    }

    private static async Task<bool> IsTritonAsync(HttpClient http, Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(Combine(baseUrl, "v2/health/ready"), cts.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<ModelBackend> CreateTritonAsync(HttpClient http, ModelBackendOptions options, CancellationToken cancellationToken)
    {
        var url = options.ModelUrl ?? options.AutoDetectUrl;
        var model = options.Model ?? await FirstReadyTritonModelAsync(http, url, cancellationToken).ConfigureAwait(false)
            ?? throw new ModelBackendException($"Triton at {url} reports no ready model. Set the model name with --model or {ModelBackendOptions.ModelVariable}.");
        var client = new TextToolCallChatClient(new TritonChatClient(http, new TritonChatClientOptions { Endpoint = url, Model = model }));
        return new ModelBackend(client, ModelProvider.Triton, $"Triton at {url}, model {model}", options.ContextWindowTokens, http);
    }

    private static async Task<string?> FirstReadyTritonModelAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent("{\"ready\": true}", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(Combine(url, "v2/repository/index"), content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var index = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) as JsonArray;
            return index?.OfType<JsonObject>()
                .Where(m => m["state"] is null || m["state"]!.ToString() == "READY")
                .Select(m => m["name"]?.ToString())
                .FirstOrDefault(n => !string.IsNullOrEmpty(n));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            throw new ModelBackendException($"Cannot list Triton's models at {url}: {ex.Message}. Set the model name with --model or {ModelBackendOptions.ModelVariable}.", innerException: ex);
        }
    }

    private static async Task<ModelBackend> CreateOpenAIAsync(HttpClient http, ModelBackendOptions options, CancellationToken cancellationToken)
    {
        var url = options.ModelUrl
            ?? throw new ModelBackendException($"The OpenAI-compatible provider needs the server's URL: pass --model-url or set {ModelBackendOptions.ModelUrlVariable} (e.g. http://127.0.0.1:8000/v1).");
        var model = options.Model ?? await FirstOpenAIModelAsync(http, url, options.ApiKey, cancellationToken).ConfigureAwait(false)
            ?? throw new ModelBackendException($"The server at {url} lists no models. Set the model name with --model or {ModelBackendOptions.ModelVariable}.");
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = url,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0), // the agent loop retries, on its own clock
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };

        // Local servers ignore the key, but the client insists on one.
        var credential = new ApiKeyCredential(options.ApiKey ?? "not-needed");
        IChatClient client = new OpenAIClient(credential, clientOptions).GetChatClient(model).AsIChatClient();
        client = new TextToolCallChatClient(client);
        return new ModelBackend(client, ModelProvider.OpenAI, $"OpenAI-compatible server at {url}, model {model}", options.ContextWindowTokens, http);
    }

    private static async Task<string?> FirstOpenAIModelAsync(HttpClient http, Uri url, string? apiKey, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Combine(url, "models"));
            if (apiKey is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            return (body?["data"] as JsonArray)?.OfType<JsonObject>().Select(m => m["id"]?.ToString()).FirstOrDefault(id => !string.IsNullOrEmpty(id));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            throw new ModelBackendException($"Cannot reach the model server at {url}: {ex.Message}", innerException: ex);
        }
    }

    private static Uri Combine(Uri baseUrl, string relative) =>
        new(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), relative);
}
