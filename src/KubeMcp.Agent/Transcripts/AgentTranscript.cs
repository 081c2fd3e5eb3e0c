using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KubeMcp.Agent.Loop;

namespace KubeMcp.Agent.Transcripts;

/// <summary>
/// Everything one agent run did: every message, model call, tool call and result, with timings and token counts.
/// Serialises to JSON for machines (<c>--json</c>) and for tests.
/// </summary>
public sealed class AgentTranscript
{
    // Transcripts are read by people too: keep quotes, dashes and non-ASCII text as they are.
    private static readonly JsonTypeInfo<AgentTranscript> s_typeInfo = (JsonTypeInfo<AgentTranscript>)
        new JsonSerializerOptions(TranscriptJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
            .GetTypeInfo(typeof(AgentTranscript));

    /// <summary>The person's task.</summary>
    public required string Task { get; init; }

    /// <summary>The model (or planner) that answered, when known.</summary>
    public string? ModelId { get; init; }

    /// <summary>How the run ended.</summary>
    public required AgentOutcome Outcome { get; init; }

    /// <summary>Why it ended that way (for outcomes other than Completed, and for GaveUp answers).</summary>
    public string? Reason { get; init; }

    /// <summary>The final answer, if the model gave one.</summary>
    public string? FinalAnswer { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time of the run in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>Steps taken (model calls).</summary>
    public int Steps { get; init; }

    /// <summary>Prompt tokens over all model calls.</summary>
    public long InputTokens { get; init; }

    /// <summary>Completion tokens over all model calls.</summary>
    public long OutputTokens { get; init; }

    /// <summary>True when any token count is an estimate.</summary>
    public bool TokensEstimated { get; init; }

    /// <summary>Model calls in order.</summary>
    public IReadOnlyList<ModelCallRecord> ModelCalls { get; init; } = [];

    /// <summary>Tool calls in order.</summary>
    public IReadOnlyList<ToolCallRecord> ToolCalls { get; init; } = [];

    /// <summary>The conversation as the model saw it in this run, system prompt first.</summary>
    public IReadOnlyList<TranscriptMessage> Messages { get; init; } = [];

    /// <summary>Serialises the transcript (camelCase, enums as strings, indented).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_typeInfo);

    /// <summary>Reads a transcript written by <see cref="ToJson"/>.</summary>
    public static AgentTranscript FromJson(string json) =>
        JsonSerializer.Deserialize(json, s_typeInfo)
        ?? throw new JsonException("The transcript JSON was null.");
}
