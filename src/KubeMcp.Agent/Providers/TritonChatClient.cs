using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Prompting;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Providers;

/// <summary>
/// An <see cref="IChatClient"/> over Triton Inference Server's KServe v2 generate extension
/// (<c>POST {base}/v2/models/{model}/generate</c> and <c>generate_stream</c>), for Qwen3-family models.
/// </summary>
/// <remarks>
/// Triton takes raw text, so this client renders the conversation and tool declarations with
/// <see cref="QwenChatTemplate"/> and returns the model's text as is; tool calls in it are <c>&lt;tool_call&gt;</c>
/// blocks (wrap in <see cref="TextToolCallChatClient"/> to get <see cref="FunctionCallContent"/>). Triton reports no
/// token counts, so usage is estimated and marked with <see cref="ChatResponseProperties.UsageEstimated"/>.
/// Non-success statuses and errors inside a 200 stream throw <see cref="ModelBackendException"/>.
/// </remarks>
public sealed class TritonChatClient : IChatClient
{
    private readonly HttpClient _http;
    private readonly TritonChatClientOptions _options;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates the client. The <paramref name="httpClient"/> is not disposed by this client.</summary>
    public TritonChatClient(HttpClient httpClient, TritonChatClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _options = options;
        _metadata = new ChatClientMetadata("triton", options.Endpoint, options.Model);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = Render(messages, options);
        using var request = CreateRequest("generate", prompt, options);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response.StatusCode, body);
        }

        var json = ParseObject(body) ?? throw new ModelBackendException($"Triton returned a reply that is not a JSON object for model '{_options.Model}'.");
        if (json["error"] is { } error)
        {
            throw new ModelBackendException($"Triton reported an error for model '{_options.Model}': {error}");
        }

        var text = Clean(ReadTextOutput(json), prompt);
        var message = new ChatMessage(ChatRole.Assistant, text);
        return new ChatResponse(message)
        {
            ModelId = json["model_name"]?.GetValue<string>() ?? _options.Model,
            FinishReason = ChatFinishReason.Stop,
            Usage = EstimateUsage(prompt, text),
            AdditionalProperties = new() { [ChatResponseProperties.UsageEstimated] = true },
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = Render(messages, options);
        using var request = CreateRequest("generate_stream", prompt, options);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }

        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var all = new StringBuilder();
        string? modelId = null;
        var responseId = Guid.NewGuid().ToString("N");
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue; // comments, event names, blank separators
            }

            var payload = line[5..].Trim();
            if (payload.Length == 0 || payload == "[DONE]")
            {
                continue;
            }

            var json = ParseObject(payload)
                ?? throw new ModelBackendException($"Triton sent a stream event that is not a JSON object for model '{_options.Model}'.");
            if (json["error"] is { } error)
            {
                throw new ModelBackendException($"Triton reported an error mid-stream for model '{_options.Model}': {error}");
            }

            modelId ??= json["model_name"]?.GetValue<string>();
            var chunk = ReadTextOutput(json);

            // Some back-ends send the text so far rather than the new part; take only what is new.
            var delta = all.Length > 0 && chunk.Length > all.Length && chunk.StartsWith(all.ToString(), StringComparison.Ordinal)
                ? chunk[all.Length..]
                : chunk;
            all.Append(delta);
            if (delta.Length > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, delta) { ModelId = modelId ?? _options.Model, ResponseId = responseId };
            }
        }

        var text = Clean(all.ToString(), prompt);
        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ModelId = modelId ?? _options.Model,
            ResponseId = responseId,
            FinishReason = ChatFinishReason.Stop,
            Contents = [new UsageContent(EstimateUsage(prompt, text))],
            AdditionalProperties = new() { [ChatResponseProperties.UsageEstimated] = true },
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private string Render(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        QwenChatTemplate.Render(messages, options?.Tools, _options.DisableThinking);

    private HttpRequestMessage CreateRequest(string endpoint, string prompt, ChatOptions? options)
    {
        var stop = new JsonArray(QwenChatTemplate.EndOfTurn);
        foreach (var s in options?.StopSequences ?? [])
        {
            stop.Add(s);
        }

        var body = new JsonObject
        {
            ["text_input"] = prompt,
            ["parameters"] = new JsonObject
            {
                ["max_tokens"] = options?.MaxOutputTokens ?? _options.MaxTokens,
                ["temperature"] = options?.Temperature ?? _options.Temperature,
                ["stop"] = stop,
            },
        };
        var root = _options.Endpoint.AbsoluteUri.EndsWith('/') ? _options.Endpoint : new Uri(_options.Endpoint.AbsoluteUri + "/");
        var uri = new Uri(root, $"v2/models/{Uri.EscapeDataString(_options.Model)}/{endpoint}");
        return new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    private ModelBackendException Failure(HttpStatusCode status, string body)
    {
        var detail = ParseObject(body)?["error"]?.ToString() ?? Shorten(body);
        return new ModelBackendException(
            $"Triton answered {(int)status} {status} for model '{_options.Model}'{(detail.Length > 0 ? ": " + detail : ".")}",
            status,
            ModelBackendException.IsTransientStatus(status));
    }

    private static string ReadTextOutput(JsonObject json) => json["text_output"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray { Count: > 0 } a => a[0]?.ToString() ?? "",
        _ => "",
    };

    private static string Clean(string text, string prompt)
    {
        // Back-ends that echo the input return prompt + completion.
        if (text.StartsWith(prompt, StringComparison.Ordinal))
        {
            text = text[prompt.Length..];
        }

        var end = text.IndexOf(QwenChatTemplate.EndOfTurn, StringComparison.Ordinal);
        return (end >= 0 ? text[..end] : text).Trim();
    }

    private static UsageDetails EstimateUsage(string prompt, string completion)
    {
        var input = TokenEstimator.Estimate(prompt);
        var output = TokenEstimator.Estimate(completion);
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text)
    {
        var t = text.Trim().ReplaceLineEndings(" ");
        return t.Length <= 200 ? t : t[..197] + "...";
    }
}
